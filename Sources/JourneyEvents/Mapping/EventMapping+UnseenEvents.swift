import JourneyLanguage

extension EventMapping {
    /// A warning for every event of `journey`'s measured stages that no row of the log carries,
    /// at the event's place in the journey file, with the log's closest unused name as "did you
    /// mean", or else the log's events that no stage uses.
    ///
    /// - Parameter log: the log's name as the messages show it, such as `events.csv`.
    public static func unseenEvents(in journey: Journey, counts: EventNameCounts, log: String) -> [Diagnostic] {
        let stages = journey.stages.prefix(measuredStageCount(in: journey))
        let journeyNames = Set(stages.flatMap(\.events))
        let unused = counts.unused(by: journeyNames)
        var diagnostics: [Diagnostic] = []
        for stage in stages {
            for (offset, event) in stage.events.enumerated() where (counts.rows[event] ?? 0) == 0 {
                let range =
                    stage.eventRanges.indices.contains(offset)
                    ? stage.eventRanges[offset]
                    : SourceRange(start: stage.location, length: Keyword.stage.rawValue.count)
                let closest = Suggestion.closest(to: event, among: unused.map(\.name))
                diagnostics.append(
                    .eventNotInLog(
                        event, stage: stage.name, log: log,
                        suggestion: closest.flatMap { name in unused.first { $0.name == name } },
                        unused: unused, uncounted: counts.uncountedRows, at: range))
            }
        }
        return diagnostics
    }
}

extension EventMapping {
    /// The warning for `advice`, at its stage's `stage` statement in `journey`.
    public static func windowWarning(_ advice: WindowAdvice, in journey: Journey) -> Diagnostic {
        let stage = journey.stages[advice.stageIndex]
        return .windowCutsFunnel(
            advice, stage: stage.name, first: journey.stages[0].name,
            at: SourceRange(start: stage.location, length: Keyword.stage.rawValue.count))
    }
}
