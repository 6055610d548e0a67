public import JourneyLanguage

/// A journey's rung stages beside the ladder of a customer base: the reach each stage written
/// `rung LEVEL` gets, the customers at that rung or higher.
public struct LadderStages: Sendable {
    /// One rung stage.
    public struct Row: Sendable {
        public var stage: String
        public var rung: LadderRung
        /// The reach the file writes, if any.
        public var writtenReach: Int?
        /// The customers at the rung or higher.
        public var measuredReach: Int
    }

    /// The journey file's name, for headings and messages.
    public var file: String
    /// The rung stages, in the file's order.
    public var rows: [Row]
    /// For every stage of the journey, the measured reach of a rung stage, nil for the others.
    public var reachOfEachStage: [Int?]

    public init(journey: Journey, file: String, base: CustomerBase) {
        self.file = file
        var atOrAbove: [LadderRung: Int] = [:]
        for (rung, count, _) in base.customersAtOrAbove { atOrAbove[rung] = count }
        reachOfEachStage = journey.stages.map { stage in stage.rung.map { atOrAbove[$0] ?? 0 } }
        rows = journey.stages.compactMap { stage in
            stage.rung.map { rung in
                Row(stage: stage.name, rung: rung, writtenReach: stage.reach, measuredReach: atOrAbove[rung] ?? 0)
            }
        }
    }
}
