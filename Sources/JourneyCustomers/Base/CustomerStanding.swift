import JourneyLanguage

/// One customer's category, rung and rhythm at the as-of date.
public struct CustomerStanding: Hashable, Sendable {
    public var id: String
    public var category: CustomerCategory
    /// The highest rung reached; nil for someone never contacted who never bought.
    public var rung: LadderRung?
    /// Purchase days up to the as-of date.
    public var purchaseDays: Int
    /// Days from the last purchase day to the as-of date; nil without a purchase.
    public var idleDays: Int?
    /// The median of the customer's own gaps between purchase days, in days; nil under two
    /// purchase days.
    public var ownGap: Double?
    /// Their latest answer to the recommend question by the as-of date; nil when they gave none.
    public var recommendAnswer: Int?
    /// Whether the customer bought and has stopped, by the lost rule.
    public var isLost: Bool
    /// The lost rule in words, such as "usually every 31 days; idle 92 days > 2 × 31" or
    /// "P(alive) 0.31 < 0.5 (BG/NBD)"; empty without a purchase.
    public var reason: String
    /// Repeat purchase days, recency and age in days at the as-of date, as the purchase models
    /// read them; nil without a purchase.
    public var frequencyRecency: FrequencyRecency? = nil
    /// The probability that the customer is still alive, under the model of the lost rule; nil
    /// under the rhythm rule or without a purchase.
    public var aliveProbability: Double? = nil
}
