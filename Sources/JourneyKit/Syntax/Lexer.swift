/// Splits one line of a journey file into tokens.
///
/// A line holds words, double-quoted strings and commas separated by white space;
/// `#` outside a string starts a comment that runs to the end of the line.
/// Strings know two escapes, `\"` and `\\`. Problems are reported as diagnostics and
/// the lexer carries on, so that the parser still sees the rest of the line.
public enum Lexer {
    /// The tokens of one line and the problems found in it.
    public struct Line: Sendable {
        public var tokens: [Token]
        public var diagnostics: [Diagnostic]
    }

    /// Tokenizes `text`, the content of line `lineNumber` (1-based) without its line ending.
    public static func tokenize(_ text: Substring, lineNumber: Int) -> Line {
        var tokens: [Token] = []
        var diagnostics: [Diagnostic] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var column = 1

        func range(from startColumn: Int) -> SourceRange {
            SourceRange(line: lineNumber, column: startColumn, length: column - startColumn)
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                scalars.formIndex(after: &index)
                column += 1
                continue
            }
            if scalar == "#" {
                break
            }
            let startColumn = column
            if scalar == "," {
                scalars.formIndex(after: &index)
                column += 1
                tokens.append(Token(kind: .comma, text: ",", range: range(from: startColumn)))
                continue
            }
            if scalar == "\"" {
                scalars.formIndex(after: &index)
                column += 1
                var content = String.UnicodeScalarView()
                var closed = false
                while index < scalars.endIndex {
                    let next = scalars[index]
                    if next == "\"" {
                        closed = true
                        scalars.formIndex(after: &index)
                        column += 1
                        break
                    }
                    if next == "\\" {
                        let escapeColumn = column
                        scalars.formIndex(after: &index)
                        column += 1
                        guard index < scalars.endIndex else {
                            content.append(next)
                            break
                        }
                        let escaped = scalars[index]
                        if escaped != "\"" && escaped != "\\" {
                            diagnostics.append(.unknownEscape(
                                escaped, at: SourceRange(line: lineNumber, column: escapeColumn, length: 2)))
                            content.append(next)
                        }
                        content.append(escaped)
                        scalars.formIndex(after: &index)
                        column += 1
                        continue
                    }
                    content.append(next)
                    scalars.formIndex(after: &index)
                    column += 1
                }
                if !closed {
                    diagnostics.append(.unterminatedString(at: SourceRange(line: lineNumber, column: startColumn)))
                }
                tokens.append(Token(kind: .string, text: String(content), range: range(from: startColumn)))
                continue
            }
            var word = String.UnicodeScalarView()
            while index < scalars.endIndex {
                let next = scalars[index]
                if next.properties.isWhitespace || next == "\"" || next == "#" || next == "," {
                    break
                }
                word.append(next)
                scalars.formIndex(after: &index)
                column += 1
            }
            tokens.append(Token(kind: .word, text: String(word), range: range(from: startColumn)))
        }
        return Line(tokens: tokens, diagnostics: diagnostics)
    }
}
