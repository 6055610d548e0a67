import JourneyLanguage

/// How a journey's scores map to Mermaid's 1..5 and back.
///
/// A journey's scale runs from a negative minimum through neutral 0 to a positive maximum;
/// Mermaid's runs from 1 through neutral 3 to 5 (it draws a sad face below 3, a smile above).
/// The map is linear on each side of neutral, so that the ends meet the ends and neutral
/// meets neutral whatever the scale:
///
/// - a score `s ≥ 0` becomes `3 + 2·s/max`, and a Mermaid score `m ≥ 3` becomes `(m − 3)/2·max`;
/// - a score `s < 0` becomes `3 − 2·s/min`, and a Mermaid score `m < 3` becomes `(3 − m)/2·min`.
///
/// On a symmetric scale such as -5..5 this is one straight line. On an asymmetric one such as
/// -2..4, a step of 1 below zero moves the face further than a step of 1 above it: keeping
/// neutral on neutral, and the worst and best moments at 1 and 5, matters more for reading
/// the diagram than equal steps.
public enum MermaidScoreMapping {
    /// Mermaid's lowest score.
    public static let lowest = 1.0
    /// Mermaid's neutral score.
    public static let neutral = 3.0
    /// Mermaid's highest score.
    public static let highest = 5.0

    /// The Mermaid score of a journey score on `scale`, unrounded, kept within 1..5.
    public static func mermaidScore(_ score: Double, on scale: ScoreScale) -> Double {
        let mapped =
            score >= 0
            ? neutral + 2 * score / scale.maximum
            : neutral - 2 * score / scale.minimum
        return min(max(mapped, lowest), highest)
    }

    /// The journey score on `scale` of a Mermaid score, rounded to 6 decimals so that
    /// `3.8` on -5..5 gives `2`, not `1.9999999999999996`.
    public static func journeyScore(_ mermaidScore: Double, on scale: ScoreScale) -> Double {
        let mapped =
            mermaidScore >= neutral
            ? (mermaidScore - neutral) / 2 * scale.maximum
            : (neutral - mermaidScore) / 2 * scale.minimum
        let rounded = (mapped * 1_000_000).rounded() / 1_000_000
        return rounded == 0 ? 0 : rounded
    }

    /// The Mermaid score of a journey score as the exporter writes it: a whole number when it
    /// is one, else with at most 2 decimals, such as `4`, `3.8` or `3.33`.
    public static func writtenScore(_ score: Double, on scale: ScoreScale) -> String {
        NumberFormatting.plain(mermaidScore(score, on: scale), maximumFractionDigits: 2)
    }

    /// Whether the written Mermaid score alone gives `score` back on import; when it does not,
    /// the exporter keeps the exact score in a `%% journey:score` comment.
    public static func roundTrips(_ score: Double, on scale: ScoreScale) -> Bool {
        guard let written = Double(writtenScore(score, on: scale)) else { return false }
        return journeyScore(written, on: scale) == score
    }
}
