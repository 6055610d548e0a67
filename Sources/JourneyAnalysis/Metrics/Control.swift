import JourneyLanguage

/// How much of a stage the company owns and measures, each from 0 to 1.
///
/// Influence is the mean media weight of the stage's touchpoints (owned 1, paid and
/// partner 0.5, earned 0, no channel 0); measurement is the share of its touchpoints
/// marked `measured`; control is their mean. A stage without touchpoints has 0 for all three.
public struct Control: Hashable, Sendable {
    /// The mean media weight of the touchpoints, from 0 to 1.
    public var influence: Double
    /// The share of touchpoints the company measures, from 0 to 1.
    public var measurement: Double

    public init(influence: Double, measurement: Double) {
        self.influence = influence
        self.measurement = measurement
    }

    /// The control of a stage with `touchpoints`, looking channels up in `journey`.
    public init(touchpoints: [Touchpoint], in journey: Journey) {
        guard !touchpoints.isEmpty else {
            self.init(influence: 0, measurement: 0)
            return
        }
        let count = Double(touchpoints.count)
        let weights = touchpoints.map { touchpoint in
            touchpoint.channel.flatMap { journey.channel(withID: $0) }?.media.influenceWeight ?? 0
        }
        let measured = touchpoints.filter(\.isMeasured).count
        self.init(influence: weights.reduce(0, +) / count, measurement: Double(measured) / count)
    }

    /// The mean of influence and measurement, from 0 to 1.
    public var control: Double { (influence + measurement) / 2 }
}
