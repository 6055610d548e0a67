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

    /// An event on a stage after the first rung stage: the event funnel ends where the ladder starts.
    static func eventAfterRung(_ stage: String, rungStage: String, at range: SourceRange) -> Diagnostic {
        .error(
            "event-after-rung", "stage '\(stage)' has an event, but comes after the rung stage '\(rungStage)'",
            at: range,
            help: "the event log measures the stages before the ladder; move the stage before '\(rungStage)', "
                + "or give it a rung instead of events")
    }

    /// A journey whose first stage is a rung stage: the event log has no stage to measure.
    static func onlyRungStages(_ stage: String, rung: LadderRung, at range: SourceRange) -> Diagnostic {
        .error(
            "no-event-stage",
            "the first stage, '\(stage)', stands for the rung \(rung.rawValue): no stage is left "
                + "for the event log to measure", at: range,
            help: "measure rung stages with journey customers PURCHASES.csv --journey FILE; give the stages before "
                + "the purchase their events")
    }
}
