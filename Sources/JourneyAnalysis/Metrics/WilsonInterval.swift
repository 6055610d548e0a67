/// A confidence interval for a proportion, by Wilson's score method.
///
/// Wilson's interval stays within 0...1 and behaves well for small samples and for
/// proportions near 0 or 1, where the textbook normal approximation does not.
public struct WilsonInterval: Hashable, Sendable {
    /// The lower bound, from 0 to 1.
    public var low: Double
    /// The upper bound, from 0 to 1.
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The z value of a two-sided 95% interval.
    public static let z95 = 1.959963984540054

    /// The interval for `successes` out of `trials`, or nil when there are no trials.
    ///
    /// Successes above the number of trials (a stage reaching more people than the one
    /// before it) are counted as all trials.
    public init?(successes: Int, trials: Int, z: Double = WilsonInterval.z95) {
        guard trials > 0 else { return nil }
        let n = Double(trials)
        let p = Double(min(max(successes, 0), trials)) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let margin = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        self.init(low: max(0, centre - margin), high: min(1, centre + margin))
    }
}
