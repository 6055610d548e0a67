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

    /// How far from zero each end of a scale may lie: from 1 to 1000.
    ///
    /// Scores are how a customer feels, on a human scale: -5..5 by default, -100..100 the
    /// widest in use. The bounds keep charts and exports exact (a chart's height does not
    /// depend on the scale, but its tick labels and Mermaid's 1-to-5 faces need the scale to
    /// be a number a person writes).
    public static let boundDistances: ClosedRange<Double> = 1...1000

    /// Whether the scale runs from below zero to above it.
    public var straddlesZero: Bool { minimum < 0 && maximum > 0 }

    /// Whether both ends lie within `boundDistances` of zero.
    public var hasBoundsInRange: Bool {
        Self.boundDistances.contains(-minimum) && Self.boundDistances.contains(maximum)
    }

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
        "\(NumberFormatting.exact(minimum))..\(NumberFormatting.exact(maximum))"
    }
}
