/// The range of touchpoint scores, from the `scale MIN..MAX` statement.
///
/// Negative scores are pain points, positive ones are highs, and 0 is neutral,
/// so a scale always runs from below zero to above it.
public struct ScoreScale: Hashable, Sendable, CustomStringConvertible {
    /// The lowest score, below zero.
    public var minimum: Double
    /// The highest score, above zero.
    public var maximum: Double

    /// The scale used when a journey does not name one: -5..5.
    public static let standard = ScoreScale(minimum: -5, maximum: 5)

    public init(minimum: Double, maximum: Double) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Whether `score` lies within the scale, bounds included.
    public func contains(_ score: Double) -> Bool {
        score >= minimum && score <= maximum
    }

    /// The scale as written in a journey file, for example `-5..5`.
    public var description: String {
        "\(NumberFormatting.plain(minimum))..\(NumberFormatting.plain(maximum))"
    }
}
