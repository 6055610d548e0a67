import JourneyLanguage

/// Which funnel stage each event name of an event log marks, from the stages' `event` lines.
public enum EventMapping {
    /// The stage index (from 0) of every event name of `journey`, with the problems that stop
    /// a funnel from being measured: a stage without events, or an event that marks two stages.
    ///
    /// Only the stages before the first rung stage are measured (`measuredStageCount(in:)`): the
    /// rung stages are the ladder, which `journey customers` measures from purchases. An event on
    /// a stage after the first rung stage is a problem too, and so are more than
    /// `Journey.maximumEventStages` measured stages.
    public static func stageOfEvent(in journey: Journey) -> (map: [String: Int32], diagnostics: [Diagnostic]) {
        var map: [String: Int32] = [:]
        var diagnostics: [Diagnostic] = []
        guard !journey.stages.isEmpty else {
            return ([:], [.noStages()])
        }
        let measured = measuredStageCount(in: journey)
        if measured == 0, let first = journey.stages.first, let rung = first.rung {
            return ([:], [.onlyRungStages(first.name, rung: rung, at: first.rungRange ?? stageRange(of: first))])
        }
        for stage in journey.stages[measured...] where !stage.events.isEmpty {
            let firstRung = journey.stages[measured]
            diagnostics.append(
                .eventAfterRung(stage.name, rungStage: firstRung.name, at: stageRange(of: stage)))
        }
        if measured > Journey.maximumEventStages {
            let stage = journey.stages[Journey.maximumEventStages]
            return (
                [:],
                [
                    .tooManyEventStages(
                        stage.name, limit: Journey.maximumEventStages, severity: .error, at: stageRange(of: stage))
                ]
            )
        }
        for (index, stage) in journey.stages.prefix(measured).enumerated() {
            let stageRange = stageRange(of: stage)
            if stage.events.isEmpty {
                diagnostics.append(.stageWithoutEvent(stage.name, at: stageRange))
            }
            for event in stage.events {
                if let other = map[event], Int(other) != index {
                    diagnostics.append(
                        .eventInTwoStages(
                            event, first: journey.stages[Int(other)].name,
                            second: stage.name, at: stageRange))
                } else {
                    map[event] = Int32(index)
                }
            }
        }
        return (map, diagnostics)
    }

    /// How many stages, from the first, an event log measures: those before the first stage
    /// written `rung LEVEL`, or all of them.
    public static func measuredStageCount(in journey: Journey) -> Int {
        journey.eventStageCount
    }

    private static func stageRange(of stage: Stage) -> SourceRange {
        SourceRange(start: stage.location, length: Keyword.stage.rawValue.count)
    }
}
