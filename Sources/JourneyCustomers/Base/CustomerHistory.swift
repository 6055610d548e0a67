/// What the tool knows of one person: the days they bought on, and how marketing reached them.
public struct CustomerHistory: Hashable, Sendable {
    /// The customer's id, as the purchase log or the contacts list writes it.
    public var id: String
    /// The distinct UTC days with at least one purchase, in days since 1970-01-01, ascending.
    public var purchaseDays: [Int]
    /// Whether the company contacted them (sent marketing material).
    public var contacted: Bool
    /// The id of the customer who recommended them, if one did.
    public var referredBy: String?
    /// Their latest answer to the recommend question by the as-of date, from 0 to 10; nil
    /// when they gave none.
    public var recommendAnswer: Int?

    /// Whether their latest answer to the recommend question makes them a promoter.
    public var isPromoter: Bool { recommendAnswer.map(RecommendScore.isPromoter) ?? false }

    /// A history from purchase days in any order, repeats allowed: two orders on one day are one
    /// purchase day.
    public init(
        id: String, purchaseDays: some Sequence<Int>, contacted: Bool = false, referredBy: String? = nil,
        recommendAnswer: Int? = nil
    ) {
        self.id = id
        self.purchaseDays = Array(Set(purchaseDays)).sorted()
        self.contacted = contacted
        self.referredBy = referredBy
        self.recommendAnswer = recommendAnswer
    }

    /// The purchase days up to and including `day`.
    public func purchaseDays(through day: Int) -> ArraySlice<Int> {
        let end = purchaseDays.firstIndex { $0 > day } ?? purchaseDays.endIndex
        return purchaseDays[..<end]
    }
}
