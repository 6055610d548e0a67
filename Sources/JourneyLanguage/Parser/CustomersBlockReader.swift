/// Reads the `customers` block: its `customers` line and the `recommend`, `fan` and `lost`
/// lines below it.
///
/// Indentation means nothing in a journey file, so the block runs from its `customers` line
/// to the next statement of another kind; an item anywhere else is out of place. A block
/// that is rejected (a second one, or one after the first stage) still opens, so that its
/// items are checked but neither kept nor reported again as out of place.
struct CustomersBlockReader {
    /// The block being read, from its `customers` line to the next statement of another kind.
    private struct OpenBlock {
        /// Whether the block is the journey's; false for a rejected one.
        var isAccepted: Bool
        /// Where each item of the block was first given.
        var itemLocations: [Keyword: SourceLocation] = [:]
    }

    /// Where the journey's block is, once one has been accepted.
    private var firstBlock: SourceLocation?
    private var openBlock: OpenBlock?

    /// Closes the open block: a statement other than its items has come.
    mutating func close() {
        openBlock = nil
    }

    /// Reads a `customers` line; the journey gets the default rules when the block is accepted.
    mutating func readBlock(
        _ arguments: inout ArgumentReader, at range: SourceRange, into journey: inout Journey,
        diagnostics: inout [Diagnostic]
    ) {
        arguments.expectEnd()
        if let first = firstBlock {
            diagnostics.append(.repeatedCustomersBlock(at: range, first: first))
            openBlock = OpenBlock(isAccepted: false)
        } else if !journey.stages.isEmpty {
            diagnostics.append(.customersAfterFirstStage(at: range))
            openBlock = OpenBlock(isAccepted: false)
        } else {
            firstBlock = range.start
            journey.customers = RelationshipRules()
            openBlock = OpenBlock(isAccepted: true)
        }
    }

    /// Reads a `recommend`, `fan` or `lost` line into the journey's rules.
    mutating func readItem(
        _ keyword: Keyword, _ arguments: inout ArgumentReader, at range: SourceRange, into journey: inout Journey,
        diagnostics: inout [Diagnostic]
    ) {
        let apply: ((inout RelationshipRules) -> Void)?
        switch keyword {
        case .recommend:
            apply = Self.readRecommendScale(&arguments).map { scale in { $0.recommendScale = scale } }
        case .fan:
            apply = Self.readFanThreshold(&arguments).map { days in { $0.fanPurchaseDays = days } }
        default:
            apply = Self.readLostAfter(&arguments).map { gaps in { $0.lostAfter = gaps } }
        }
        arguments.expectEnd()
        guard var block = openBlock else {
            diagnostics.append(.customersItemOutsideBlock(keyword, at: range))
            return
        }
        guard let apply else { return }
        if let first = block.itemLocations[keyword] {
            diagnostics.append(.repeatedCustomersItem(keyword, at: range, first: first))
            return
        }
        block.itemLocations[keyword] = range.start
        openBlock = block
        if block.isAccepted, var rules = journey.customers {
            apply(&rules)
            journey.customers = rules
        }
    }

    /// `recommend 1..10` or `recommend 0..10`.
    private static func readRecommendScale(_ arguments: inout ArgumentReader) -> RecommendScale? {
        guard let token = arguments.next() else {
            arguments.report(
                .missingArgument(
                    "a scale, 1..10 or 0..10", of: "recommend", at: arguments.lastRange.after,
                    example: "recommend 1..10"))
            return nil
        }
        guard token.kind == .word, let scale = RecommendScale(parsing: token.text) else {
            arguments.report(.invalidRecommendScale(token.shown, at: token.range))
            return nil
        }
        return scale
    }

    /// `fan 5`: a whole number of purchase days, 2 or more.
    private static func readFanThreshold(_ arguments: inout ArgumentReader) -> Int? {
        guard let token = arguments.next() else {
            arguments.report(
                .missingArgument(
                    "a number of purchase days", of: "fan", at: arguments.lastRange.after, example: "fan 5"))
            return nil
        }
        guard token.kind == .word, ArgumentReader.isDigitGroups(token.text),
            let days = Int(token.text.filter { $0 != "_" }), days >= 2
        else {
            arguments.report(.invalidFanThreshold(token.shown, at: token.range))
            return nil
        }
        return days
    }

    /// `lost after 2x`: a number of gaps above 0, with an `x`.
    private static func readLostAfter(_ arguments: inout ArgumentReader) -> Double? {
        let example = "lost after 2x"
        guard let after = arguments.next() else {
            arguments.report(
                .missingArgument(
                    "'after' and a number of gaps", of: "lost", at: arguments.lastRange.after, example: example))
            return nil
        }
        guard after.isWord("after") else {
            arguments.report(.lostWithoutAfter(found: after))
            return nil
        }
        guard let token = arguments.next() else {
            arguments.report(
                .missingArgument("a number of gaps", of: "lost after", at: arguments.lastRange.after, example: example))
            return nil
        }
        if let decimal = arguments.readDecimalComma(after: token) {
            arguments.report(.decimalComma(decimal.text, at: decimal.range))
            return nil
        }
        guard token.kind == .word, token.text.hasSuffix("x"),
            let gaps = ArgumentReader.decimal(String(token.text.dropLast())), gaps > 0, gaps.isFinite
        else {
            arguments.report(.invalidLostAfter(token.shown, at: token.range))
            return nil
        }
        return gaps
    }
}
