// Messages about stages on the relationship ladder: `rung` beside `event`, and rungs out of order.

extension Diagnostic {
    /// A stage measured both ways; `other` is the statement that came first, at `line`.
    static func eventAndRung(stage: String, at range: SourceRange, other: String, line: Int) -> Diagnostic {
        .error(
            "event-and-rung", "stage '\(stage)' has both 'event' and 'rung'", at: range,
            help: "its reach comes either from an event log ('event', journey funnel) or from the ladder "
                + "('rung', journey customers); keep one: the '\(other)' is at line \(line)")
    }

    static func rungOutOfOrder(
        stage: String, rung: LadderRung, previous: String, previousRung: LadderRung, at range: SourceRange
    ) -> Diagnostic {
        let ladder = LadderRung.allCases.map(\.rawValue).joined(separator: ", ")
        return .error(
            "rung-out-of-order",
            "stage '\(stage)' is at rung '\(rung.rawValue)', not above the rung '\(previousRung.rawValue)' of '\(previous)' before it",
            at: range,
            help: "a rung's reach counts the customers at that rung or higher, so a rung no higher than the one "
                + "before counts as many people or more, and reach could rise; order the stages up the ladder: \(ladder)"
        )
    }
}
