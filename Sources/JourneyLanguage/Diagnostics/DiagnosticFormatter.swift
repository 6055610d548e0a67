/// Turns diagnostics into the text a person reads in a terminal.
///
/// ```
/// shop.journey:12:35: error: channel 'instagam' is not declared
///  12 |   touchpoint "Sees a reel" +2 via instagam
///     |                                   ^~~~~~~~
///     = help: did you mean 'instagram'?
/// ```
///
/// The caret sits under the reported column even when the line holds tabs, wide
/// characters (CJK, emoji) or combining marks before it. Text from the file is printed
/// through `TerminalText` (control and bidirectional-override characters escaped); a source
/// line longer than `longestLineShownWhole` bytes is shown as an excerpt around the caret with
/// `…` where it is cut (`excerpt(of:column:length:)`), and a message or help longer than
/// `longestMessage` is cut with `…`.
public struct DiagnosticFormatter: Sendable {
    /// Whether to colour the output with ANSI escape codes.
    public var usesColor: Bool

    /// The most scalars of a message or help shown: 1,000.
    public static let longestMessage = 1_000

    public init(usesColor: Bool = false) {
        self.usesColor = usesColor
    }

    /// The full text of one diagnostic, ending with a newline.
    public func format(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
        format(diagnostic, fileName: file.name, sourceLine: file.line(diagnostic.location.line))
    }

    /// The full text of one diagnostic about file `fileName`.
    ///
    /// The line the diagnostic points at is `sourceLine`: for large inputs, such as event logs,
    /// that keep only the lines shown. A nil `sourceLine` means the diagnostic is about the file
    /// as a whole (it cannot be read, it is empty): the message and the help are shown without a
    /// source line and caret.
    public func format(_ diagnostic: Diagnostic, fileName: String, sourceLine: Substring?) -> String {
        let location = diagnostic.location
        let severity = diagnostic.severity.rawValue
        let severityColor = diagnostic.severity == .error ? ANSI.red : ANSI.yellow
        let help = diagnostic.help.map { TerminalText.escaped($0, limit: Self.longestMessage) }
        var text =
            paint("\(TerminalText.escaped(fileName)):\(location.line):\(location.column):", ANSI.bold) + " "
            + paint("\(severity):", severityColor + ANSI.bold) + " "
            + paint(TerminalText.escaped(diagnostic.message, limit: Self.longestMessage), ANSI.bold) + "\n"

        guard let sourceLine else {
            if let help {
                text += paint("  = help:", ANSI.bold) + " \(help)\n"
            }
            return text
        }
        let (shown, column) = DiagnosticFormatter.excerpt(
            of: sourceLine, column: location.column, length: diagnostic.range.length)
        let lineNumber = String(location.line)
        // The gutter is as wide as " 12 " so that its bar lines up with the source line's.
        let gutter = String(repeating: " ", count: lineNumber.count + 2)
        let scalars = Array(shown.unicodeScalars)
        let line = scalars.map(TerminalText.shown).joined()
        text += paint(" \(lineNumber) |", ANSI.blue) + (line.isEmpty ? "" : " " + line) + "\n"
        let before = scalars.prefix(column - 1)
        let underlined = scalars.dropFirst(column - 1).prefix(diagnostic.range.length)
        let padding = before.map(DiagnosticFormatter.blank(for:)).joined()
        let underlineWidth = max(1, underlined.reduce(0) { $0 + DiagnosticFormatter.displayWidth(of: $1) })
        let marker = "^" + String(repeating: "~", count: underlineWidth - 1)
        text += paint("\(gutter)|", ANSI.blue) + " " + padding + paint(marker, severityColor + ANSI.bold) + "\n"
        if let help {
            text += paint("\(gutter)= help:", ANSI.bold) + " \(help)\n"
        }
        return text
    }

    /// A one-line count such as `2 errors and 1 warning`, or nil when there are none.
    public static func summary(errors: Int, warnings: Int) -> String? {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        switch (errors, warnings) {
        case (0, 0): return nil
        case (_, 0): return count(errors, "error")
        case (0, _): return count(warnings, "warning")
        default: return count(errors, "error") + " and " + count(warnings, "warning")
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        usesColor ? code + text + ANSI.reset : text
    }

    /// What to print under a character so that the caret lines up: a tab stays a tab.
    private static func blank(for scalar: Unicode.Scalar) -> String {
        scalar == "\t" ? "\t" : String(repeating: " ", count: displayWidth(of: scalar))
    }

    /// The number of terminal cells a scalar takes: 0 for combining marks and joiners,
    /// 2 for East Asian wide characters and emoji, 1 otherwise.
    package static func displayWidth(of scalar: Unicode.Scalar) -> Int {
        if TerminalText.isEscaped(scalar) { return TerminalText.shown(scalar).unicodeScalars.count }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.value == 0xFE0F { return 0 }
        if properties.isEmojiPresentation { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    private enum ANSI {
        static let reset = "\u{1B}[0m"
        static let bold = "\u{1B}[1m"
        static let red = "\u{1B}[31m"
        static let yellow = "\u{1B}[33m"
        static let blue = "\u{1B}[34m"
    }
}
