/// The thresholds of the customer categories and the ladder, and the recommend question's
/// scale: what a journey's `customers` block sets, and the defaults of `journey customers`.
public struct RelationshipRules: Hashable, Sendable {
    /// How many of a customer's usual gaps they may stay idle before they count as lost, a
    /// positive number: the `k` of `lost after 2x` and of `--lost-after 2x`.
    public var lostAfter: Double
    /// The purchase days that make a fan, and an account on the ladder: 2 or more.
    public var fanPurchaseDays: Int
    /// The answers the recommend question allows, from `recommend 1..10`.
    public var recommendScale: RecommendScale

    public init(lostAfter: Double = 2, fanPurchaseDays: Int = 5, recommendScale: RecommendScale = .standard) {
        self.lostAfter = lostAfter
        self.fanPurchaseDays = fanPurchaseDays
        self.recommendScale = recommendScale
    }
}
