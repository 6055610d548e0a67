/// Warnings about a journey's funnel that a parser cannot see line by line.
///
/// Each rule looks at the stages together: a stage with nothing in it, a funnel that
/// gains people, numbers given on some stages but not others. None of them stops a
/// journey from being read, but each makes its metrics misleading.
public enum FunnelChecks {
    /// The warnings for `journey`, in stage order.
    ///
    /// - Parameter incompleteStages: indices of stages with an error in them; they get no
    ///   warning about what they lack, which may be what failed to parse.
    public static func diagnostics(for journey: Journey, incompleteStages: Set<Int> = []) -> [Diagnostic] {
        let stages = journey.stages
        var diagnostics: [Diagnostic] = []
        let stagesWithReach = stages.filter { $0.reach != nil }.count
        // The last stage converts to nothing, so only earlier stages count towards "others have a target".
        let stagesWithTarget = stages.dropLast().filter { $0.target != nil }.count

        for (index, stage) in stages.enumerated() {
            let stageRange = SourceRange(start: stage.location, length: Keyword.stage.rawValue.count)
            let isLast = index == stages.count - 1
            let isComplete = !incompleteStages.contains(index)
            if stage.touchpoints.isEmpty, isComplete {
                diagnostics.append(.stageWithoutTouchpoints(stage.name, at: stageRange))
            }
            if stage.reach == nil, stagesWithReach > 0, isComplete {
                diagnostics.append(
                    .reachMissing(stage.name, rung: stage.rung, stagesWithReach: stagesWithReach, at: stageRange))
            }
            if let reach = stage.reach, let reachRange = stage.reachRange,
                let previous = stages[..<index].last(where: { $0.reach != nil }), let previousReach = previous.reach,
                reach > previousReach
            {
                diagnostics.append(
                    .reachIncreases(
                        stage.name, reach: reach, previous: previous.name,
                        previousReach: previousReach, at: reachRange))
            }
            if isLast, stage.target != nil, let targetRange = stage.targetRange {
                diagnostics.append(.targetOnLastStage(stage.name, at: targetRange))
            }
            if !isLast, stage.target == nil, stagesWithTarget > 0, isComplete {
                diagnostics.append(.targetMissing(stage.name, stagesWithTarget: stagesWithTarget, at: stageRange))
            }
        }
        if let beyond = firstStageBeyondEventLimit(in: journey) {
            diagnostics.append(
                .tooManyEventStages(
                    stages[beyond].name, limit: Journey.maximumEventStages,
                    at: SourceRange(start: stages[beyond].location, length: Keyword.stage.rawValue.count)))
        }
        return diagnostics
    }

    /// The index of the first stage an event log cannot measure because it comes after
    /// `Journey.maximumEventStages` others, when the stages before the ladder use events at all.
    static func firstStageBeyondEventLimit(in journey: Journey) -> Int? {
        let measured = journey.eventStageCount
        guard measured > Journey.maximumEventStages,
            journey.stages.prefix(measured).contains(where: { !$0.events.isEmpty })
        else { return nil }
        return Journey.maximumEventStages
    }
}
