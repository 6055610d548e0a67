import Foundation

/// The answers to the recommend question, counted: promoters answer 9 or 10, passives 7 or 8,
/// detractors anything lower.
public struct RecommendScore: Hashable, Sendable {
    /// Answers counted: one per customer, their latest.
    public var answers: Int
    public var promoters: Int
    public var passives: Int
    public var detractors: Int

    /// Fewer answers than this make a small sample, said beside the score.
    public static let smallSample = 30

    /// Counts `answers`, each on the scale.
    public init(answers: some Sequence<Int>) {
        var counts = (answers: 0, promoters: 0, passives: 0, detractors: 0)
        for answer in answers {
            counts.answers += 1
            switch answer {
            case 9...: counts.promoters += 1
            case 7...8: counts.passives += 1
            default: counts.detractors += 1
            }
        }
        (self.answers, promoters, passives, detractors) = counts
    }

    /// Whether an answer makes a promoter.
    public static func isPromoter(_ answer: Int) -> Bool { answer >= 9 }

    /// Whether an answer makes a detractor.
    public static func isDetractor(_ answer: Int) -> Bool { answer <= 6 }

    /// The net promoter score: the percentage of promoters minus that of detractors, from −100
    /// to 100; nil without answers.
    public var netPromoterScore: Double? {
        guard answers > 0 else { return nil }
        return 100 * Double(promoters - detractors) / Double(answers)
    }

    /// The standard error of the score, in points: 100 × √((p + d − (p − d)²) / n), with p and d
    /// the shares of promoters and detractors; nil without answers.
    public var standardError: Double? {
        guard answers > 0 else { return nil }
        let n = Double(answers)
        let promoterShare = Double(promoters) / n
        let detractorShare = Double(detractors) / n
        let difference = promoterShare - detractorShare
        return 100 * ((promoterShare + detractorShare - difference * difference) / n).squareRoot()
    }

    /// Whether there are too few answers to read much into the score.
    public var isSmallSample: Bool { answers < Self.smallSample }
}
