// Warnings about the funnel as a whole: stages that make metrics meaningless or misleading.

extension Diagnostic {
    static func stageWithoutTouchpoints(_ stage: String, at range: SourceRange) -> Diagnostic {
        .warning(
            "stage-without-touchpoints", "stage '\(stage)' has no touchpoint", at: range,
            help: "add the moments a customer lives in this stage: touchpoint \"What happens\" +2 via CHANNEL")
    }

    static func reachIncreases(_ stage: String, reach: Int, previous: String, previousReach: Int, at range: SourceRange)
        -> Diagnostic
    {
        .warning(
            "reach-increases",
            "stage '\(stage)' reaches \(reach) people, more than the \(previousReach) of '\(previous)' before it",
            at: range,
            help: "a funnel only loses people from one stage to the next; check the numbers or the order of the stages")
    }

    static func reachMissing(
        _ stage: String, rung: LadderRung?, stagesWithReach: Int, at range: SourceRange
    ) -> Diagnostic {
        let others = stagesWithReach == 1 ? "1 other stage does" : "\(stagesWithReach) other stages do"
        return .warning(
            "reach-missing", "stage '\(stage)' has no reach, while \(others)", at: range,
            help: rung == nil
                ? "add 'reach COUNT' below the stage so that conversion can be computed"
                : "measure it from purchases: journey customers PURCHASES.csv --journey FILE --apply writes the "
                    + "customers at \(rung?.rawValue ?? "the rung") or higher into it")
    }

    static func targetOnLastStage(_ stage: String, at range: SourceRange) -> Diagnostic {
        .warning(
            "target-on-last-stage", "the last stage '\(stage)' has a target, but no next stage to convert to",
            at: range,
            help: "remove the target, or add the stage it leads to")
    }

    static func targetMissing(_ stage: String, stagesWithTarget: Int, at range: SourceRange) -> Diagnostic {
        let others = stagesWithTarget == 1 ? "1 other stage does" : "\(stagesWithTarget) other stages do"
        return .warning(
            "target-missing", "stage '\(stage)' has no target, while \(others)", at: range,
            help: "add 'target PERCENT' below the stage: the share of its people expected to reach the next stage")
    }

    /// A stage past the most an event log measures: a warning here, an error when a log is read.
    package static func tooManyEventStages(
        _ stage: String, limit: Int, severity: Severity = .warning, at range: SourceRange
    )
        -> Diagnostic
    {
        Diagnostic(
            code: "too-many-event-stages", severity: severity,
            message: "stage '\(stage)' comes after \(limit) others: an event log measures at most \(limit) stages",
            range: range,
            help: "merge stages into fewer, larger ones; a funnel of more than \(limit) steps cannot be measured "
                + "from events")
    }

    /// For the commands that measure a funnel: metrics, and funnels from event logs.
    package static func noStages() -> Diagnostic {
        .error(
            "no-stages", "the journey has no stage to compute metrics for", at: SourceRange(line: 1, column: 1),
            help: "add the funnel's stages, each with its reach: stage Awareness, then reach 120000")
    }
}
