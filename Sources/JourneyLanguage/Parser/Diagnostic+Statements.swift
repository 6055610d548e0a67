// Messages about statements: unknown keywords, statements out of place, repeated statements.

extension Diagnostic {
    static func unknownKeyword(_ word: String, suggestion: String?, at range: SourceRange) -> Diagnostic {
        let help: String
        if TouchpointOption(rawValue: word) != nil {
            help = "'\(word)' is a touchpoint option: put it on the touchpoint's line, after the score"
        } else if ChannelOption(rawValue: word) != nil {
            help = "'\(word)' is a channel option: put it on the channel's line, after its media and description"
        } else if let suggestion {
            help = "did you mean '\(suggestion)'?"
        } else {
            help = "a statement starts with one of: " + Keyword.allCases.map(\.rawValue).joined(separator: ", ")
        }
        return .error("unknown-keyword", "unknown keyword '\(word)'", at: range, help: help)
    }

    static func expectedKeyword(found token: Token) -> Diagnostic {
        let found = token.kind == .string ? "a quoted string" : "','"
        return .error(
            "expected-keyword", "a statement must start with a keyword, found \(found)", at: token.range,
            help: "start the line with a keyword such as 'touchpoint' or 'pain'")
    }

    static func missingJourney(at range: SourceRange) -> Diagnostic {
        .error(
            "missing-journey", "the file has no 'journey' statement", at: range,
            help: #"start the file with the journey's title, for example: journey "First order""#)
    }

    static func repeatedJourney(at range: SourceRange, first: SourceLocation) -> Diagnostic {
        .error(
            "repeated-journey", "a file describes one journey, but 'journey' appears again", at: range,
            help: "the journey is named at line \(first.line); put another journey in a file of its own")
    }

    static func journeyNotFirst(at range: SourceRange) -> Diagnostic {
        .error(
            "statement-out-of-place", "'journey' must be the first statement", at: range,
            help: "move it to the top of the file, above every other statement")
    }

    static func settingAfterFirstStage(_ keyword: Keyword, at range: SourceRange) -> Diagnostic {
        .error(
            "statement-out-of-place", "'\(keyword.rawValue)' must come before the first stage", at: range,
            help: "move it up, next to the 'journey' statement")
    }

    static func beforeFirstStage(_ keyword: Keyword, at range: SourceRange) -> Diagnostic {
        .error(
            "statement-out-of-place", "'\(keyword.rawValue)' before any stage", at: range,
            help: "put it below the 'stage' it belongs to, such as: stage Awareness")
    }

    static func noteBeforeTouchpoint(_ keyword: Keyword, at range: SourceRange) -> Diagnostic {
        .error(
            "statement-out-of-place", "'\(keyword.rawValue)' before any touchpoint of its stage", at: range,
            help: "a '\(keyword.rawValue)' describes the touchpoint above it: move it below a 'touchpoint' line")
    }

    static func repeatedSetting(_ keyword: Keyword, at range: SourceRange, first: SourceLocation) -> Diagnostic {
        .error(
            "repeated-statement", "'\(keyword.rawValue)' is given twice", at: range,
            help: "it was first given at line \(first.line); keep one")
    }

    static func repeatedStageSetting(_ keyword: Keyword, stage: String, at range: SourceRange, first: SourceLocation)
        -> Diagnostic
    {
        .error(
            "repeated-statement", "stage '\(stage)' has '\(keyword.rawValue)' twice", at: range,
            help: "it was first given at line \(first.line); keep one")
    }

    static func unknownTouchpointOption(_ token: Token, suggestion: String?) -> Diagnostic {
        let options = TouchpointOption.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let shown = token.kind == .string ? "\"\(token.text)\"" : token.text
        var help = "after the score, a touchpoint takes \(options)"
        if let suggestion {
            help = "did you mean '\(suggestion)'? After the score, a touchpoint takes \(options)"
        } else if token.kind == .string || token.text.contains(where: { !$0.isLetter }) {
            help += "; put the whole touchpoint name in one pair of quotes"
        }
        return .error("unknown-option", "unknown touchpoint option '\(shown)'", at: token.range, help: help)
    }

    static func repeatedOption(_ option: TouchpointOption, at range: SourceRange, firstColumn: Int) -> Diagnostic {
        .error(
            "repeated-option", "'\(option.rawValue)' is given twice on one touchpoint", at: range,
            help: "it was first given at column \(firstColumn); keep one")
    }

    /// `measured vai site`: the misspelt option became the metric, and its argument an unknown option.
    static func metricLooksLikeOption(_ word: Token, option: TouchpointOption, argument: Token) -> Diagnostic {
        .warning(
            "ambiguous-metric",
            "'\(word.text)' after 'measured' is read as the metric name, not as '\(option.rawValue)'",
            at: word.range,
            help: "did you mean 'measured \(option.rawValue) \(argument.shown)'?")
    }

    /// `measured site`: a declared channel's id, on a touchpoint without `via`, became the metric.
    static func metricIsChannel(_ word: Token) -> Diagnostic {
        .warning(
            "ambiguous-metric",
            "'\(word.text)' after 'measured' is read as the metric name, not as the channel '\(word.text)'",
            at: word.range,
            help: "did you mean 'measured via \(word.text)'? To name the metric '\(word.text)', "
                + "quote it: measured \"\(word.text)\"")
    }

    /// The code of `tooManyErrors`, which `journey` prints even past the diagnostics it shows.
    public static let tooManyErrorsCode = "too-many-errors"

    /// The parser stopped after `errors` errors (`JourneyParser.maximumErrors`) at the start of
    /// line `line`, which it did not read, nor any after it.
    static func tooManyErrors(_ errors: Int, from line: Int) -> Diagnostic {
        .error(
            tooManyErrorsCode,
            "stopped after \(NumberFormatting.grouped(errors)) errors: line \(line) and the lines after it were not checked",
            at: SourceRange(line: line, column: 1),
            help: "fix the errors above and check again; if they are on every line, this may not be a .journey file")
    }
}
