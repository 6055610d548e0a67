/// How many purchase days a fitted model expected between the as-of date and a later end,
/// against how many there were: the check that the model's rates fit the business.
public struct ForecastBacktest: Hashable, Sendable {
    /// The purchase days the model expected after the as-of date, up to the end, summed over
    /// the customers who had bought by the as-of date.
    public var expected: Double
    /// The purchase days those customers had after the as-of date, up to and including the end.
    public var actual: Int

    /// `actual` against `expected`, as a share of `expected` (0.05 is 5% more than expected);
    /// nil when nothing was expected.
    public var error: Double? { expected > 0 ? (Double(actual) - expected) / expected : nil }

    /// The backtest of `fit` (in days) on the buyers of `base`, whose summaries counted the
    /// purchase days after the as-of date up to `end` (days since 1970-01-01).
    ///
    /// A customer's expectation depends on their frequency, recency and age alone, so each
    /// distinct one is computed once and the sum is taken in the groups' order, the same from
    /// run to run.
    public static func run(_ fit: ModelFit, base: CustomerBase, end: Int) -> ForecastBacktest {
        run(fit, summaries: base.summaries, asOf: base.asOf, end: end)
    }

    /// The backtest of `fit` (in days) on `histories` from `asOf` to `end`, both in days since
    /// 1970-01-01.
    public static func run(_ fit: ModelFit, histories: [CustomerHistory], asOf: Int, end: Int) -> ForecastBacktest {
        run(fit, summaries: histories.map { PurchaseSummary($0, asOf: asOf, backtestEnd: end) }, asOf: asOf, end: end)
    }

    private static func run(_ fit: ModelFit, summaries: [PurchaseSummary], asOf: Int, end: Int) -> ForecastBacktest {
        var actual = 0
        var buyers: [FrequencyRecency] = []
        for summary in summaries {
            guard let frequencyRecency = summary.frequencyRecency(asOf: asOf) else { continue }
            buyers.append(frequencyRecency)
            actual += summary.laterPurchaseDays
        }
        let groups = SummaryGroups(buyers)
        var expected = 0.0
        for (summary, count) in zip(groups.summaries, groups.counts) {
            expected += Double(count) * fit.expectedPurchases(summary, within: Double(end - asOf))
        }
        return ForecastBacktest(expected: expected, actual: actual)
    }
}
