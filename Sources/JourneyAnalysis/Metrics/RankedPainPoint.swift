import JourneyLanguage

/// A pain point (a touchpoint with a negative score) in the order it is worth addressing.
public struct RankedPainPoint: Hashable, Sendable {
    /// The position of the pain point's stage in the funnel, from 0.
    public var stageIndex: Int
    /// The name of the pain point's stage.
    public var stageName: String
    /// The touchpoint itself, with its pains, ideas and thoughts.
    public var touchpoint: Touchpoint

    public init(stageIndex: Int, stageName: String, touchpoint: Touchpoint) {
        self.stageIndex = stageIndex
        self.stageName = stageName
        self.touchpoint = touchpoint
    }

    /// The pain points of `journey`: those of the weakest stage first, then by their stage's
    /// relative shortfall (largest first), then by score (most negative first), then in file order.
    public static func rank(_ journey: Journey, stages: [StageMetrics], weakestIndex: Int?) -> [RankedPainPoint] {
        var painPoints: [(point: RankedPainPoint, order: Int)] = []
        for (stageIndex, stage) in journey.stages.enumerated() {
            for touchpoint in stage.touchpoints where touchpoint.isPainPoint {
                painPoints.append(
                    (
                        RankedPainPoint(stageIndex: stageIndex, stageName: stage.name, touchpoint: touchpoint),
                        painPoints.count
                    ))
            }
        }
        func shortfall(_ index: Int) -> Double {
            stages.indices.contains(index) ? stages[index].relativeShortfall : 0
        }
        return painPoints.sorted { a, b in
            let inWeakestA = a.point.stageIndex == weakestIndex
            let inWeakestB = b.point.stageIndex == weakestIndex
            if inWeakestA != inWeakestB { return inWeakestA }
            let shortfallA = shortfall(a.point.stageIndex)
            let shortfallB = shortfall(b.point.stageIndex)
            if shortfallA != shortfallB { return shortfallA > shortfallB }
            if a.point.touchpoint.score != b.point.touchpoint.score {
                return a.point.touchpoint.score < b.point.touchpoint.score
            }
            return a.order < b.order
        }.map(\.point)
    }
}
