/// The thresholds of the categories and the ladder.
public struct RelationshipRules: Hashable, Sendable {
    /// How many of a customer's usual gaps they may stay idle before they count as lost:
    /// the `k` of `--lost-after 2x`.
    public var lostAfter: Double
    /// The purchase days that make a fan, and an account on the ladder.
    public var fanPurchaseDays: Int

    public init(lostAfter: Double = 2, fanPurchaseDays: Int = 5) {
        self.lostAfter = lostAfter
        self.fanPurchaseDays = fanPurchaseDays
    }
}
