/// Splits one line of a journey file into tokens.
///
/// A line holds words, double-quoted strings and commas separated by white space;
/// `#` outside a string starts a comment that runs to the end of the line.
/// Strings know two escapes, `\"` and `\\`. Problems are reported as diagnostics and
/// the lexer carries on, so that the parser still sees the rest of the line.
///
/// The lexer walks UTF-8 bytes and counts a column at every byte that starts a scalar.
/// Walking Unicode scalars with property look-ups instead took 2.5 times as long on a
/// 100,000-touchpoint file (see bench/README.md). The bytes are read through a `Span`, which
/// is bounds-checked and needs no unsafe pointer; copying each line into an array instead
/// cost 11% more instructions on a 20,000-touchpoint `journey check`.
public enum Lexer {
    /// The tokens of one line and the problems found in it.
    public struct Line: Sendable {
        public var tokens: [Token]
        public var diagnostics: [Diagnostic]
    }

    /// Tokenizes `text`, the content of line `lineNumber` (1-based) without its line ending.
    public static func tokenize(_ text: Substring, lineNumber: Int) -> Line {
        tokenize(bytes: text.utf8.span, lineNumber: lineNumber)
    }

    private static func tokenize(bytes: Span<UInt8>, lineNumber: Int) -> Line {
        var tokens: [Token] = []
        var diagnostics = bidirectionalControls(in: bytes, lineNumber: lineNumber)
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
                        append(bytes, contentStart..<index, to: &content)
                        closed = true
                        advance()
                        break
                    }
                    if next == UInt8(ascii: "\\") {
                        append(bytes, contentStart..<index, to: &content)
                        let escapeColumn = column
                        advance()
                        guard index < bytes.count else {
                            content.append(next)
                            contentStart = index
                            break
                        }
                        let escaped = bytes[index]
                        if escaped != UInt8(ascii: "\"") && escaped != UInt8(ascii: "\\") {
                            let scalar = string(bytes, index..<min(index + 4, bytes.count)).unicodeScalars.first ?? "?"
                            diagnostics.append(
                                .unknownEscape(
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
                    append(bytes, contentStart..<index, to: &content)
                    diagnostics.append(.unterminatedString(at: SourceRange(line: lineNumber, column: startColumn)))
                }
                tokens.append(
                    Token(
                        kind: .string, text: String(decoding: content, as: UTF8.self),
                        range: range(from: startColumn)))
                continue
            }
            let wordStart = index
            while index < bytes.count {
                let next = bytes[index]
                if next == UInt8(ascii: "\"") || next == UInt8(ascii: "#") || next == UInt8(ascii: ",")
                    || whitespaceWidth(bytes, at: index) != nil
                {
                    break
                }
                advance()
            }
            tokens.append(
                Token(
                    kind: .word, text: string(bytes, wordStart..<index),
                    range: range(from: startColumn)))
        }
        return Line(tokens: tokens, diagnostics: diagnostics)
    }

    /// The length in bytes of the white-space scalar at `index`, or nil if it is not white space.
    ///
    /// ASCII is decided without a Unicode property look-up; other scalars are decoded first.
    static func whitespaceWidth(_ bytes: Span<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x80 {
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0B, 0x0C: return 1
            default: return nil
            }
        }
        // A continuation byte is inside a scalar that started before `index`.
        guard byte >= 0xC0 else { return nil }
        let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        guard index + width <= bytes.count else { return nil }
        let scalar = string(bytes, index..<index + width).unicodeScalars
        guard scalar.count == 1, let first = scalar.first, first.properties.isWhitespace else { return nil }
        return width
    }

    /// A warning at each bidirectional embedding, override or isolate of the line.
    ///
    /// In a string, a word or a comment alike: they make the line display in another order
    /// than it is read ("Trojan Source"). Those scalars are U+202A–U+202E (E2 80 AA–AE in UTF-8) and
    /// U+2066–U+2069 (E2 81 A6–A9), so a line without the byte E2 costs one scan.
    private static func bidirectionalControls(in bytes: Span<UInt8>, lineNumber: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var column = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { column += 1 }
            guard byte == 0xE2, index + 2 < bytes.count else { continue }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            let value: UInt32? =
                switch (second, third) {
                case (0x80, 0xAA...0xAE): 0x2000 + UInt32(third - 0x80)
                case (0x81, 0xA6...0xA9): 0x2040 + UInt32(third - 0x80)
                default: nil
                }
            if let value, let scalar = Unicode.Scalar(value) {
                diagnostics.append(
                    .bidirectionalControl(scalar, at: SourceRange(line: lineNumber, column: column, length: 1)))
            }
        }
        return diagnostics
    }

    /// Appends the bytes of `range` to `content`.
    private static func append(_ bytes: Span<UInt8>, _ range: Range<Int>, to content: inout [UInt8]) {
        let needed = content.count + range.count
        // Room for the whole range at once, doubling so that many short pieces stay linear.
        if content.capacity < needed { content.reserveCapacity(max(needed, 2 * content.capacity)) }
        for index in range { content.append(bytes[index]) }
    }

    /// The bytes of `range` as a string, invalid UTF-8 repaired with U+FFFD.
    private static func string(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
        do {
            return String(copying: try UTF8Span(validating: bytes.extracting(range)))
        } catch {
            // Only a range that cuts a scalar in two, as `whitespaceWidth` may try, gets here.
            var copy: [UInt8] = []
            append(bytes, range, to: &copy)
            return String(decoding: copy, as: UTF8.self)
        }
    }
}
