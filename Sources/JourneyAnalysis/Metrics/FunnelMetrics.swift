import JourneyLanguage

/// The metrics of a whole journey: every stage's numbers, the weakest stage, the ranked pain
/// points and the partners' levels.
///
/// See docs/metrics.md for the definitions and a worked example.
public struct FunnelMetrics: Hashable, Sendable {
    /// The journey's name.
    public var journeyName: String
    /// Every stage's metrics, in funnel order.
    public var stages: [StageMetrics]
    /// The stage to fix first, nil when the funnel has a single stage.
    public var weakest: WeakestStage?
    /// The pain points in the order they are worth addressing.
    public var rankedPainPoints: [RankedPainPoint]
    /// The partners rated with `vcp`, and how many reach profitability.
    public var partners: PartnerPortfolio

    /// The metrics of `journey`, or nil when it has no stage or a stage without reach;
    /// `FunnelMetrics.requirements(for:)` says which.
    public init?(journey: Journey) {
        guard Self.requirements(for: journey).isEmpty else { return nil }
        let reaches = journey.stages.map { $0.reach ?? 0 }
        let firstReach = reaches[0]
        var stages: [StageMetrics] = []
        for (index, stage) in journey.stages.enumerated() {
            let reach = reaches[index]
            let nextReach = index + 1 < reaches.count ? reaches[index + 1] : nil
            stages.append(
                StageMetrics(
                    index: index,
                    name: stage.name,
                    reach: reach,
                    conversion: nextReach.map { reach == 0 ? 0 : Double($0) / Double(reach) },
                    target: stage.target,
                    overallConversion: firstReach == 0 ? 0 : Double(reach) / Double(firstReach),
                    dropOff: nextReach.map { reach - $0 },
                    experience: Experience(touchpoints: stage.touchpoints),
                    painPoints: stage.touchpoints.filter(\.isPainPoint).count,
                    control: Control(touchpoints: stage.touchpoints, in: journey),
                    wilson: nextReach.flatMap { WilsonInterval(successes: $0, trials: reach) }
                ))
        }
        self.journeyName = journey.name
        self.stages = stages
        self.weakest = WeakestStage(stages: stages)
        self.rankedPainPoints = RankedPainPoint.rank(journey, stages: stages, weakestIndex: weakest?.index)
        self.partners = PartnerPortfolio(journey: journey)
    }

    /// What `journey` lacks for metrics: errors naming each stage without reach, or the absence of stages.
    public static func requirements(for journey: Journey) -> [Diagnostic] {
        guard !journey.stages.isEmpty else {
            return [.noStages()]
        }
        return journey.stages.filter { $0.reach == nil }.map { stage in
            .reachRequired(
                stage.name, rung: stage.rung,
                at: SourceRange(start: stage.location, length: Keyword.stage.rawValue.count))
        }
    }

    /// The stages converting below their target, in funnel order.
    public var stagesBelowTarget: [StageMetrics] {
        stages.filter(\.isBelowTarget)
    }
}
