/// What a fitted model says of one customer over a horizon after the as-of date.
public struct CustomerForecast: Hashable, Sendable {
    /// The probability, from 0 to 1, that the customer is still alive at the as-of date.
    public var aliveProbability: Double
    /// The purchase days expected in the horizon.
    public var expectedPurchases: Double
    /// The probability, from 0 to 1, of at least one purchase in the horizon.
    public var purchaseProbability: Double

    /// The forecast of a customer with `summary` under `fit` over `horizon` days.
    public init(_ summary: FrequencyRecency, fit: ModelFit, horizon: Int) {
        aliveProbability = fit.aliveProbability(summary)
        expectedPurchases = fit.expectedPurchases(summary, within: Double(horizon))
        purchaseProbability = fit.purchaseProbability(summary, within: Double(horizon))
    }

    /// The purchase days expected from all the buyers of `base` in the next `horizon` days, and
    /// the buyers expected to buy at least once, under the model of its lost rule; nil under the
    /// rhythm rule.
    ///
    /// Each distinct summary is computed once, and the sums are taken in the order of the
    /// summaries, the same whatever the order of the customers.
    public static func totals(of base: CustomerBase, horizon: Int) -> (purchases: Double, buyers: Double)? {
        guard let fit = base.lostRule.fit else { return nil }
        let groups = SummaryGroups(base.frequencyRecencies)
        var purchases = 0.0
        var buyers = 0.0
        for (summary, count) in zip(groups.summaries, groups.counts) {
            let forecast = CustomerForecast(summary, fit: fit, horizon: horizon)
            purchases += Double(count) * forecast.expectedPurchases
            buyers += Double(count) * forecast.purchaseProbability
        }
        return (purchases, buyers)
    }
}
