/// Splits one line of a journey file into tokens.
///
/// A line holds words, double-quoted strings and commas separated by white space;
/// `#` outside a string starts a comment that runs to the end of the line.
/// Strings know two escapes, `\"` and `\\`. Problems are reported as diagnostics and
/// the lexer carries on, so that the parser still sees the rest of the line.
///
/// The lexer walks UTF-8 bytes and counts a column at every byte that starts a scalar.
/// Walking Unicode scalars with property look-ups instead took 2.5 times as long on a
/// 100,000-touchpoint file (see bench/README.md). The bytes are copied into an array per
/// line, which keeps this module free of unsafe pointers; bench/README.md has the cost.
public enum Lexer {
    /// The tokens of one line and the problems found in it.
    public struct Line: Sendable {
        public var tokens: [Token]
        public var diagnostics: [Diagnostic]
    }

    /// Tokenizes `text`, the content of line `lineNumber` (1-based) without its line ending.
    public static func tokenize(_ text: Substring, lineNumber: Int) -> Line {
        tokenize(bytes: Array(text.utf8), lineNumber: lineNumber)
    }

    private static func tokenize(bytes: [UInt8], lineNumber: Int) -> Line {
        var tokens: [Token] = []
        var diagnostics: [Diagnostic] = []
        var index = 0
        var column = 1

        /// Moves past the byte at `index`, counting a column if it starts a scalar.
        func advance() {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }

        func range(from startColumn: Int) -> SourceRange {
            SourceRange(line: lineNumber, column: startColumn, length: column - startColumn)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if let width = whitespaceWidth(bytes, at: index) {
                index += width
                column += 1
                continue
            }
            if byte == UInt8(ascii: "#") {
                break
            }
            let startColumn = column
            if byte == UInt8(ascii: ",") {
                advance()
                tokens.append(Token(kind: .comma, text: ",", range: range(from: startColumn)))
                continue
            }
            if byte == UInt8(ascii: "\"") {
                advance()
                var content: [UInt8] = []
                var contentStart = index
                var closed = false
                while index < bytes.count {
                    let next = bytes[index]
                    if next == UInt8(ascii: "\"") {
                        content += bytes[contentStart..<index]
                        closed = true
                        advance()
                        break
                    }
                    if next == UInt8(ascii: "\\") {
                        content += bytes[contentStart..<index]
                        let escapeColumn = column
                        advance()
                        guard index < bytes.count else {
                            content.append(next)
                            contentStart = index
                            break
                        }
                        let escaped = bytes[index]
                        if escaped != UInt8(ascii: "\"") && escaped != UInt8(ascii: "\\") {
                            let scalar = String(decoding: bytes[index..<min(index + 4, bytes.count)], as: UTF8.self)
                                .unicodeScalars.first ?? "?"
                            diagnostics.append(.unknownEscape(
                                scalar, at: SourceRange(line: lineNumber, column: escapeColumn, length: 2)))
                            content.append(next)
                            contentStart = index
                        } else {
                            content.append(escaped)
                            advance()
                            contentStart = index
                        }
                        continue
                    }
                    advance()
                }
                if !closed {
                    content += bytes[contentStart..<index]
                    diagnostics.append(.unterminatedString(at: SourceRange(line: lineNumber, column: startColumn)))
                }
                tokens.append(Token(kind: .string, text: String(decoding: content, as: UTF8.self),
                                    range: range(from: startColumn)))
                continue
            }
            let wordStart = index
            while index < bytes.count {
                let next = bytes[index]
                if next == UInt8(ascii: "\"") || next == UInt8(ascii: "#") || next == UInt8(ascii: ",")
                    || whitespaceWidth(bytes, at: index) != nil {
                    break
                }
                advance()
            }
            tokens.append(Token(kind: .word, text: String(decoding: bytes[wordStart..<index], as: UTF8.self),
                                range: range(from: startColumn)))
        }
        return Line(tokens: tokens, diagnostics: diagnostics)
    }

    /// The length in bytes of the white-space scalar at `index`, or nil if it is not white space.
    ///
    /// ASCII is decided without a Unicode property look-up; other scalars are decoded first.
    static func whitespaceWidth(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x80 {
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0B, 0x0C: return 1
            default: return nil
            }
        }
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.properties.isWhitespace else {
            return nil
        }
        return UTF8.width(scalar)
    }
}
