/// How a hint (a diagnostic's help, the `= help:` line) is written: it continues the message,
/// so it starts in lower case, as every message does; a proper noun or code is not put first.
public enum HintStyle {
    /// Whether the first letter of `hint` is not an upper-case one.
    public static func startsInLowerCase(_ hint: some StringProtocol) -> Bool {
        hint.first(where: \.isLetter).map { !$0.isUppercase } ?? true
    }

    /// The hints of `text`, the output of a command: what follows each `= help: `, colours removed.
    public static func hints(in text: String) -> [Substring] {
        let plain = text.replacing(#/\u{1B}\[[0-9;]*m/#, with: "")
        return plain.split(separator: "\n").compactMap { line in
            line.firstRange(of: "= help: ").map { line[$0.upperBound...] }
        }
    }
}
