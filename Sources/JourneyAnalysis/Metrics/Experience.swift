import JourneyLanguage

/// How customers feel across a stage: the spread of its touchpoint scores, on the journey's scale.
public struct Experience: Hashable, Sendable {
    /// The mean touchpoint score.
    public var mean: Double
    /// The lowest touchpoint score: the worst moment.
    public var lowest: Double
    /// The highest touchpoint score: the best moment.
    public var highest: Double

    public init(mean: Double, lowest: Double, highest: Double) {
        self.mean = mean
        self.lowest = lowest
        self.highest = highest
    }

    /// The experience of `touchpoints`, or nil when there are none.
    public init?(touchpoints: [Touchpoint]) {
        guard let first = touchpoints.first else { return nil }
        var sum = 0.0
        var lowest = first.score
        var highest = first.score
        for touchpoint in touchpoints {
            sum += touchpoint.score
            lowest = min(lowest, touchpoint.score)
            highest = max(highest, touchpoint.score)
        }
        self.init(mean: sum / Double(touchpoints.count), lowest: lowest, highest: highest)
    }
}
