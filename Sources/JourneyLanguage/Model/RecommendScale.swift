/// The answers the recommend question allows, from 0 or 1 to 10.
///
/// The question is "would you recommend us, from 1 to 10?"; a 0 to 10 scale is allowed too.
public struct RecommendScale: Hashable, Sendable, CustomStringConvertible {
    /// The lowest answer: 1 by default, 0 allowed.
    public let lowest: Int
    /// The highest answer, always 10.
    public var highest: Int { 10 }

    /// The scale used when nothing else is said: 1..10.
    public static let standard = RecommendScale(checkedLowest: 1)
    /// The other scale allowed: 0..10.
    public static let fromZero = RecommendScale(checkedLowest: 0)

    /// A scale from `lowest` (0 or 1) to 10; nil for any other lowest answer.
    public init?(lowest: Int = 1) {
        guard lowest == 0 || lowest == 1 else { return nil }
        self.lowest = lowest
    }

    private init(checkedLowest: Int) {
        self.lowest = checkedLowest
    }

    /// The scale written as `LOWEST..HIGHEST`, such as `1..10`, or nil for any other text.
    public init?(parsing text: String) {
        switch text {
        case "1..10": self = .standard
        case "0..10": self = .fromZero
        default: return nil
        }
    }

    /// Whether `answer` is on the scale.
    public func contains(_ answer: Int) -> Bool { (lowest...highest).contains(answer) }

    /// The scale as a journey file writes it: `1..10` or `0..10`.
    public var description: String { "\(lowest)..\(highest)" }
}
