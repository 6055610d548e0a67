// Messages about the text itself: encoding, strings, and arguments that are missing or malformed.

extension Diagnostic {
    static func invalidUTF8(at range: SourceRange) -> Diagnostic {
        .error(
            "invalid-utf8", "the file is not valid UTF-8 here", at: range,
            help: "save the file with UTF-8 encoding")
    }

    static func unknownEscape(_ scalar: Unicode.Scalar, at range: SourceRange) -> Diagnostic {
        .error(
            "unknown-escape", "unknown escape sequence '\\\(scalar)' in a string", at: range,
            help: #"the only escapes are \" for a quote and \\ for a backslash"#)
    }

    static func bidirectionalControl(_ scalar: Unicode.Scalar, at range: SourceRange) -> Diagnostic {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true)
        return .warning(
            "bidi-control",
            "the invisible bidirectional control \(code) makes this line display in another order than it is read",
            at: range,
            help: "remove it; right-to-left text needs no control character, and U+200F (right-to-left mark) "
                + "is enough to place punctuation")
    }

    static func unterminatedString(at range: SourceRange) -> Diagnostic {
        .error(
            "unterminated-string", "unterminated string", at: range,
            help: #"close the string with a double quote (") before the end of the line"#)
    }

    /// An argument the statement needs is not there; `range` is just past the last token.
    static func missingArgument(_ what: String, of statement: String, at range: SourceRange, example: String)
        -> Diagnostic
    {
        .error(
            "missing-argument", "'\(statement)' needs \(what)", at: range,
            help: "for example: \(example)")
    }

    static func unexpectedArgument(_ token: Token, after statement: String) -> Diagnostic {
        let shown = token.kind == .string ? "\"\(token.text)\"" : token.text
        return .error(
            "unexpected-argument", "unexpected '\(shown)' after '\(statement)'", at: token.range,
            help: "a statement takes one line; put text with spaces in double quotes")
    }

    static func invalidBareWord(_ word: String, offending: Unicode.Scalar, at range: SourceRange) -> Diagnostic {
        .error(
            "invalid-bare-word", "'\(word)' is not a bare word: it contains '\(offending)'", at: range,
            help: "bare words hold only letters, digits, '-' and '_'; put it in double quotes: \"\(word)\"")
    }

    static func expectedText(_ what: String, found token: Token, of statement: String) -> Diagnostic {
        .error(
            "malformed-argument", "'\(statement)' needs \(what), found ','", at: token.range,
            help: "put text with punctuation in double quotes")
    }

    static func emptyText(_ what: String, of statement: String, at range: SourceRange) -> Diagnostic {
        .error(
            "empty-text", "'\(statement)' needs \(what), found an empty string", at: range,
            help: "write the text between the quotes, or remove the line")
    }

    static func invalidCount(_ text: String, at range: SourceRange) -> Diagnostic {
        .error(
            "malformed-argument", "'\(text)' is not a count of people", at: range,
            help: "write a whole number such as 120000, grouping digits with '_' rather than ',' if you like: 120_000")
    }

    static func countTooLarge(_ text: String, at range: SourceRange) -> Diagnostic {
        .error(
            "malformed-argument", "the count '\(text)' is too large", at: range,
            help: "counts go up to \(Int.max)")
    }

    /// `likelyName` is the touchpoint name the author probably meant, when it looks unquoted.
    static func invalidScore(_ text: String, at range: SourceRange, likelyName: String? = nil) -> Diagnostic {
        let help =
            likelyName.map { "put the touchpoint's name in double quotes: touchpoint \"\($0)\" …" }
            ?? "write a signed number such as +3, -2, 0 or 1.5 after the touchpoint's name"
        return .error("malformed-argument", "'\(text)' is not a score", at: range, help: help)
    }

    static func invalidPercent(_ text: String, at range: SourceRange) -> Diagnostic {
        var help = "write a percentage such as 25% or 12.5%"
        if let value = Double(text), value > 0, value <= 1 {
            help = "write it as a percentage: did you mean \(NumberFormatting.plain(value * 100))%?"
        }
        return .error("malformed-argument", "'\(text)' is not a percentage", at: range, help: help)
    }

    static func decimalComma(_ text: String, at range: SourceRange) -> Diagnostic {
        .error(
            "malformed-argument", "'\(text)' uses a decimal comma", at: range,
            help: "write decimals with a point: \(String(text.map { $0 == "," ? "." : $0 }))")
    }

    static func targetAbove100(_ text: String, at range: SourceRange) -> Diagnostic {
        .error(
            "target-above-100", "the target \(text) is above 100%", at: range,
            help: "a target is the share of this stage's people expected to reach the next stage, from 0% to 100%")
    }

    static func invalidScale(_ text: String, at range: SourceRange) -> Diagnostic {
        .error(
            "malformed-argument", "'\(text)' is not a scale", at: range,
            help: "write the lowest and highest score joined by '..', such as -5..5")
    }

    static func scaleWithoutZero(_ text: String, at range: SourceRange) -> Diagnostic {
        .error(
            "invalid-scale", "the scale \(text) does not run from below zero to above it", at: range,
            help: "negative scores are pain points and positive ones highs; use a scale such as -5..5")
    }

    static func scaleOutOfRange(_ text: String, at range: SourceRange) -> Diagnostic {
        let nearest = NumberFormatting.plain(ScoreScale.boundDistances.lowerBound)
        let furthest = NumberFormatting.plain(ScoreScale.boundDistances.upperBound)
        return .error(
            "invalid-scale",
            "the scale \(text) is out of range: each end must lie from \(nearest) to \(furthest) away from zero",
            at: range,
            help: "scores are how a customer feels: use a scale between -\(nearest)..\(nearest) and "
                + "-\(furthest)..\(furthest), such as -5..5 or -100..100")
    }

    static func scoreOutsideScale(_ text: String, scale: ScoreScale, at range: SourceRange) -> Diagnostic {
        .error(
            "score-outside-scale", "the score \(text) is outside the scale \(scale)", at: range,
            help:
                "use a score from \(NumberFormatting.plain(scale.minimum)) to \(NumberFormatting.plain(scale.maximum)), or widen the 'scale' statement"
        )
    }

    static func unknownChoice(
        _ word: String, kind: String, choices: [String], suggestion: String?, at range: SourceRange
    ) -> Diagnostic {
        let list = choices.map { "'\($0)'" }.joined(separator: ", ")
        let help =
            suggestion.map { "did you mean '\($0)'? \(kind.capitalizedFirst) is one of \(list)" }
            ?? "\(kind) is one of \(list)"
        return .error("unknown-\(kind.replacingSpaces)", "unknown \(kind) '\(word)'", at: range, help: help)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    var replacingSpaces: String { split(separator: " ").joined(separator: "-") }
}
