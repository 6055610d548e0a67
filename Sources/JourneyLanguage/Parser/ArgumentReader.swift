/// Reads the arguments of one statement, token by token, reporting what is missing or malformed.
///
/// Each `read…` method returns nil when it reported an error it cannot recover from; a
/// malformed bare word is reported but still returned, so that the model stays complete.
package struct ArgumentReader {
    let statement: String
    private let tokens: [Token]
    private var index: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// The range of the last token read, so that a missing argument is reported just after it.
    private(set) var lastRange: SourceRange

    /// Reads the tokens after the keyword `tokens[0]`.
    init(tokens: [Token]) {
        self.statement = tokens[0].text
        self.tokens = tokens
        self.index = 1
        self.lastRange = tokens[0].range
    }

    /// The next token, without consuming it.
    var peek: Token? { index < tokens.count ? tokens[index] : nil }

    /// The tokens not read yet.
    var remaining: ArraySlice<Token> { tokens[index...] }

    /// Consumes and returns the next token.
    mutating func next() -> Token? {
        guard let token = peek else { return nil }
        index += 1
        lastRange = token.range
        return token
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Consumes the rest of the statement without reading it, after a mistake already reported.
    mutating func skipRest() {
        while next() != nil {}
    }

    /// Reports the first token left over, if any: every statement takes a fixed set of arguments.
    mutating func expectEnd() {
        if let extra = next() {
            report(.unexpectedArgument(extra, after: statement))
        }
    }

    /// Reads a NAME, ID or TEXT: a quoted string or a bare word.
    mutating func readText(_ what: String, example: String) -> Token? {
        guard let token = next() else {
            report(.missingArgument(what, of: statement, at: lastRange.after, example: example))
            return nil
        }
        switch token.kind {
        case .comma:
            report(.expectedText(what, found: token, of: statement))
            return nil
        case .string:
            if token.text.isEmpty {
                report(.emptyText(what, of: statement, at: token.range))
                return nil
            }
        case .word:
            if let offending = ArgumentReader.firstNonBareScalar(in: token.text) {
                let column = token.range.start.column + offending.offset
                report(
                    .invalidBareWord(
                        token.text, offending: offending.scalar,
                        at: SourceRange(line: token.range.start.line, column: column)))
            }
        }
        return token
    }

    /// Reads an optional trailing TEXT, such as a persona's description.
    mutating func readOptionalText(_ what: String, example: String) -> String? {
        peek == nil ? nil : readText(what, example: example)?.text
    }

    /// Reads a COUNT: digits, optionally grouped with `_`, such as `120000` or `120_000`.
    mutating func readCount(example: String) -> (value: Int, range: SourceRange)? {
        guard let token = readNumberWord("a count of people", example: example) else { return nil }
        // `12,000`: the comma splits the number into tokens; report it whole.
        if peek?.kind == .comma {
            var text = token.text
            while let next = peek, next.kind == .comma || (next.kind == .word && next.text.allSatisfy(\.isASCIIDigit)) {
                text += next.text
                _ = self.next()
            }
            report(
                .invalidCount(
                    text,
                    at: SourceRange(start: token.range.start, length: lastRange.endColumn - token.range.start.column)))
            return nil
        }
        guard token.kind == .word, ArgumentReader.isDigitGroups(token.text) else {
            report(.invalidCount(token.shown, at: token.range))
            return nil
        }
        guard let value = Int(token.text.filter { $0 != "_" }) else {
            report(.countTooLarge(token.text, at: token.range))
            return nil
        }
        return (value, token.range)
    }

    /// Reads a PERCENT such as `25%` or `12.5%`, returned as a ratio from 0 to 1.
    mutating func readPercent(example: String) -> (ratio: Double, range: SourceRange)? {
        guard let token = readNumberWord("a percentage", example: example) else { return nil }
        if let decimal = readDecimalComma(after: token) {
            report(.decimalComma(decimal.text, at: decimal.range))
            return nil
        }
        guard token.kind == .word, token.text.hasSuffix("%"),
            let value = ArgumentReader.decimal(String(token.text.dropLast()))
        else {
            report(.invalidPercent(token.shown, at: token.range))
            return nil
        }
        guard value <= 100 else {
            report(.targetAbove100(token.text, at: token.range))
            return nil
        }
        return (value / 100, token.range)
    }

    /// Reads a word from a fixed list of choices, suggesting the closest one when it is unknown.
    mutating func readChoice<Choice: RawRepresentable & CaseIterable>(
        _ kind: String, example: String, as type: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        let choices = Choice.allCases.map(\.rawValue)
        guard let token = next() else {
            let list = choices.joined(separator: ", ")
            let article = "aeiou".contains(kind.first ?? "x") ? "an" : "a"
            report(
                .missingArgument("\(article) \(kind) (\(list))", of: statement, at: lastRange.after, example: example))
            return nil
        }
        if token.kind == .word, let choice = Choice(rawValue: token.text) {
            return choice
        }
        report(
            .unknownChoice(
                token.text, kind: kind, choices: choices,
                suggestion: Suggestion.closest(to: token.text, among: choices), at: token.range))
        return nil
    }

    /// Reads a number written with a decimal comma, such as `12,5` or `+1,5%`, after `token`.
    ///
    /// The lexer splits such a number at the comma. Returns the whole text and its range,
    /// consuming it.
    mutating func readDecimalComma(after token: Token) -> (text: String, range: SourceRange)? {
        guard peek?.kind == .comma, token.kind == .word, token.text.last?.isASCIIDigit == true,
            remaining.count >= 2, remaining.dropFirst().first?.kind == .word,
            remaining.dropFirst().first?.text.first?.isASCIIDigit == true
        else { return nil }
        let comma = next()!
        let decimals = next()!
        guard comma.range.start.column == token.range.endColumn, decimals.range.start.column == comma.range.endColumn
        else {
            return nil
        }
        return (
            token.text + "," + decimals.text,
            SourceRange(start: token.range.start, length: decimals.range.endColumn - token.range.start.column)
        )
    }

    /// Reads the token that should hold a number, reporting a missing one.
    private mutating func readNumberWord(_ what: String, example: String) -> Token? {
        guard let token = next() else {
            report(.missingArgument(what, of: statement, at: lastRange.after, example: example))
            return nil
        }
        return token
    }

    // MARK: - Lexical rules

    /// Whether `text` is a bare word: letters of any script, digits, `-` and `_`.
    package static func isBareWord(_ text: String) -> Bool {
        !text.isEmpty && firstNonBareScalar(in: text) == nil
    }

    /// The first scalar of `text` that a bare word may not hold, with its offset in scalars.
    static func firstNonBareScalar(in text: String) -> (scalar: Unicode.Scalar, offset: Int)? {
        for (offset, scalar) in text.unicodeScalars.enumerated() where !isBareScalar(scalar) {
            return (scalar, offset)
        }
        return nil
    }

    private static func isBareScalar(_ scalar: Unicode.Scalar) -> Bool {
        // Zero-width non-joiner and joiner, which Persian and Indic words need.
        if scalar == "\u{200C}" || scalar == "\u{200D}" { return true }
        if scalar.isASCII {
            // Decided without a Unicode property look-up, the lexer's hot spot.
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return true
            default: return false
            }
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether `text` is ASCII digits, optionally in groups joined by single underscores.
    package static func isDigitGroups(_ text: String) -> Bool {
        let groups = text.split(separator: "_", omittingEmptySubsequences: false)
        return groups.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// Parses an unsigned decimal number written `12` or `12.5`; nothing else (no exponent, no sign).
    package static func decimal(_ text: String) -> Double? {
        // One pass over the bytes: splitting on "." and testing Characters cost 3,700
        // instructions a score, 8% of `journey check` on 100,000 touchpoints.
        var digitsBeforePoint = 0
        var digitsAfterPoint = 0
        var sawPoint = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawPoint { digitsAfterPoint += 1 } else { digitsBeforePoint += 1 }
            case UInt8(ascii: ".") where !sawPoint:
                sawPoint = true
            default:
                return nil
            }
        }
        guard digitsBeforePoint > 0, !sawPoint || digitsAfterPoint > 0 else { return nil }
        return Double(text)
    }

    /// Parses a SCORE: an optionally signed decimal such as `+3`, `-2`, `0` or `1.5`.
    package static func score(_ text: String) -> Double? {
        guard let sign = text.first else { return nil }
        switch sign {
        case "+": return decimal(String(text.dropFirst()))
        case "-": return decimal(String(text.dropFirst())).map { -$0 }
        default: return decimal(text)
        }
    }
}

extension Character {
    package var isASCIIDigit: Bool {
        guard let value = asciiValue else { return false }
        return value >= UInt8(ascii: "0") && value <= UInt8(ascii: "9")
    }
}
