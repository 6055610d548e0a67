// Messages about the `customers` block: where it stands, its items and their values.

extension Diagnostic {
    static func repeatedCustomersBlock(at range: SourceRange, first: SourceLocation) -> Diagnostic {
        .error(
            "repeated-statement", "the file has a second 'customers' block", at: range,
            help: "the first is at line \(first.line); merge the two into one")
    }

    static func customersAfterFirstStage(at range: SourceRange) -> Diagnostic {
        .error(
            "statement-out-of-place", "the 'customers' block must come before the first stage", at: range,
            help: "move it up, below the channels, with its indented lines")
    }

    static func customersItemOutsideBlock(_ keyword: Keyword, at range: SourceRange) -> Diagnostic {
        .error(
            "statement-out-of-place", "'\(keyword.rawValue)' belongs in the 'customers' block", at: range,
            help: "put it right below a 'customers' line, before the first stage and before any other statement")
    }

    static func repeatedCustomersItem(_ keyword: Keyword, at range: SourceRange, first: SourceLocation) -> Diagnostic {
        .error(
            "repeated-statement", "the 'customers' block has '\(keyword.rawValue)' twice", at: range,
            help: "it was first given at line \(first.line); keep one")
    }

    static func invalidRecommendScale(_ text: String, at range: SourceRange) -> Diagnostic {
        .error(
            "invalid-recommend-scale", "the recommend scale '\(text)' is neither 1..10 nor 0..10", at: range,
            help: "the recommend question is answered from 1 to 10 (recommend 1..10, the default) or from 0 to 10")
    }

    static func invalidFanThreshold(_ text: String, at range: SourceRange) -> Diagnostic {
        .error(
            "invalid-fan-threshold", "'fan' needs a whole number of purchase days of 2 or more, found '\(text)'",
            at: range,
            help: "a fan has bought on at least 2 days; write, for example: fan 5")
    }

    static func lostWithoutAfter(found token: Token) -> Diagnostic {
        .error(
            "malformed-argument", "'lost' needs 'after' before the number of gaps, found '\(token.shown)'",
            at: token.range,
            help: "write it as: lost after 2x")
    }

    static func invalidLostAfter(_ text: String, at range: SourceRange) -> Diagnostic {
        let help: String
        if let number = ArgumentReader.decimal(text), number > 0 {
            help = "write the number of gaps with an x: did you mean \(text)x?"
        } else {
            help =
                "write how many of a customer's usual gaps between purchases they may stay idle, "
                + "a number above 0 with an x: lost after 2x, or lost after 1.5x"
        }
        return .error("invalid-lost-after", "'\(text)' is not a positive number of gaps", at: range, help: help)
    }
}
