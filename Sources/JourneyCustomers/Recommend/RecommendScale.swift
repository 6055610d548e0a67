/// The answers the recommend question allows, from 0 or 1 to 10.
///
/// The question is "would you recommend us, from 1 to 10?"; a 0 to 10 scale is allowed too.
public struct RecommendScale: Hashable, Sendable {
    /// The lowest answer: 1 by default, 0 allowed.
    public var lowest: Int
    /// The highest answer, always 10.
    public var highest: Int { 10 }

    /// A scale from `lowest` (0 or 1) to 10; nil for any other lowest answer.
    public init?(lowest: Int = 1) {
        guard lowest == 0 || lowest == 1 else { return nil }
        self.lowest = lowest
    }

    /// Whether `answer` is on the scale.
    public func contains(_ answer: Int) -> Bool { (lowest...highest).contains(answer) }
}
