/// Text from files made safe to print on a terminal: what could move the cursor, recolour or
/// clear the screen, or reorder what a reader sees, is shown as a visible escape instead.
///
/// Escaped: the C0 controls but tab and line feed (ESC among them), DEL, the C1 controls, and
/// the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) of
/// "Trojan Source"; each becomes `\u{…}` in hexadecimal, such as `\u{1B}` or `\u{202E}`.
/// Right-to-left text itself, and the left-to-right and right-to-left marks, are left alone.
public enum TerminalText {
    /// Whether `scalar` is shown escaped.
    public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: isBidirectionalControl(scalar)
        }
    }

    /// Whether `scalar` is a bidirectional embedding, override or isolate (or their end).
    public static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// How `scalar` is shown: itself, or its escape.
    public static func shown(_ scalar: Unicode.Scalar) -> String {
        isEscaped(scalar) ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
    }

    /// `text` with every escaped scalar shown as its escape; at most `limit` scalars of it,
    /// then `…` when there were more.
    public static func escaped(_ text: some StringProtocol, limit: Int = .max) -> String {
        if limit == .max, !text.unicodeScalars.contains(where: isEscaped) { return String(text) }
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                result += "…"
                break
            }
            if isEscaped(scalar) {
                result += shown(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return result
    }
}
