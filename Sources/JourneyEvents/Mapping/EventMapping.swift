import JourneyLanguage

/// Which funnel stage each event name of an event log marks, from the stages' `event` lines.
public enum EventMapping {
    /// The stage index (from 0) of every event name of `journey`, with the problems that stop
    /// a funnel from being measured: a stage without events, or an event that marks two stages.
    public static func stageOfEvent(in journey: Journey) -> (map: [String: Int32], diagnostics: [Diagnostic]) {
        var map: [String: Int32] = [:]
        var diagnostics: [Diagnostic] = []
        guard !journey.stages.isEmpty else {
            return ([:], [.noStages()])
        }
        for (index, stage) in journey.stages.enumerated() {
            let stageRange = SourceRange(start: stage.location, length: Keyword.stage.rawValue.count)
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
}
