/// Help text that argument-parser wraps to the terminal's width, with example command lines kept
/// whole.
///
/// argument-parser breaks a line of `discussion` only at a space (a line that starts with spaces
/// is wrapped like any other), so an example longer than the terminal came out cut in two, its
/// end on a line of its own, unindented, which a reader could not paste whole. An example's
/// spaces are therefore written as no-break spaces (U+00A0), which argument-parser never breaks
/// at, and `shown(_:)` makes them plain spaces again as the help is printed. A terminal
/// narrower than an example folds it like any long line, and it still pastes as one command.
enum HelpText {
    /// What stands for a space in an example until the help is printed: U+00A0.
    static let unbrokenSpace: Character = "\u{A0}"

    /// The paragraph `Examples:` with one command a line, indented by two spaces, after a blank
    /// line; the end of a command's discussion, so that no text wraps after it.
    static func examples(_ commands: String...) -> String {
        let lines = commands.map { command in
            String(("  " + command).map { $0 == " " ? unbrokenSpace : $0 })
        }
        return "\n\nExamples:\n" + lines.joined(separator: "\n")
    }

    /// `text` as it is printed: the spaces of the examples plain again.
    static func shown(_ text: String) -> String {
        String(text.map { $0 == unbrokenSpace ? " " : $0 })
    }
}
