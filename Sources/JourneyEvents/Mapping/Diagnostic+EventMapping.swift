import JourneyLanguage

// Messages about measuring a journey's funnel from an event log.

extension Diagnostic {
    static func stageWithoutEvent(_ stage: String, at range: SourceRange) -> Diagnostic {
        .error(
            "stage-without-event", "stage '\(stage)' has no event, so the event log cannot measure it", at: range,
            help: "add the event names that mark reaching the stage, such as: event checkout_started")
    }

    static func eventInTwoStages(_ event: String, first: String, second: String, at range: SourceRange) -> Diagnostic {
        .error(
            "event-in-two-stages", "event '\(event)' marks both '\(first)' and '\(second)'", at: range,
            help: "an event name may mark one stage only: keep it in the stage it reaches first")
    }
}
