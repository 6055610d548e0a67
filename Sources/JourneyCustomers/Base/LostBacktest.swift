/// How well the lost rule foresaw who stopped buying: classify at the as-of date, then look at
/// who bought between the as-of date and `end`.
///
/// A customer flagged lost who bought nothing in that window is a true positive. Precision is
/// the share of flagged customers who really stopped; recall, the share of the customers who
/// stopped (bought by the as-of date, nothing after) that were flagged.
public struct LostBacktest: Hashable, Sendable {
    /// The customers counted: every buyer by the as-of date, or only those with two or more
    /// purchase days.
    public enum Population: String, CaseIterable, Hashable, Sendable {
        case allBuyers = "all buyers"
        case repeatBuyers = "repeat buyers"
    }

    public var population: Population
    /// Customers flagged lost at the as-of date.
    public var flagged: Int
    /// Flagged customers who bought nothing after the as-of date, up to `end`.
    public var truePositives: Int
    /// Buyers by the as-of date who bought nothing after it, flagged or not.
    public var stopped: Int

    /// The share of flagged customers who really stopped, from 0 to 1; nil when none was flagged.
    public var precision: Double? { flagged > 0 ? Double(truePositives) / Double(flagged) : nil }
    /// The share of customers who stopped that were flagged, from 0 to 1; nil when none stopped.
    public var recall: Double? { stopped > 0 ? Double(truePositives) / Double(stopped) : nil }

    /// The backtest of `base` against `histories`' purchases after `base.asOf`, up to and
    /// including `end` (days since 1970-01-01), for each population.
    public static func run(_ base: CustomerBase, histories: [CustomerHistory], end: Int) -> [LostBacktest] {
        let boughtLater = Set(
            histories.filter { history in history.purchaseDays.contains { $0 > base.asOf && $0 <= end } }.map(\.id))
        return run(base) { boughtLater.contains(base.ids[$0]) }
    }

    /// The backtest of `base`, made from purchase summaries whose `boughtLater` looked at the
    /// purchases after the as-of date up to the backtest's end, for each population.
    public static func run(_ base: CustomerBase) -> [LostBacktest] {
        run(base) { base.summaries[$0].boughtLater }
    }

    /// The backtest of `base`, given whether each customer (an index of its order) bought later.
    private static func run(_ base: CustomerBase, boughtLater: (Int) -> Bool) -> [LostBacktest] {
        var allBuyers = LostBacktest(population: .allBuyers, flagged: 0, truePositives: 0, stopped: 0)
        var repeatBuyers = LostBacktest(population: .repeatBuyers, flagged: 0, truePositives: 0, stopped: 0)
        for index in 0..<base.customerCount {
            let (isLost, purchaseDays) = base.lostAndPurchaseDays(of: index)
            guard purchaseDays >= 1 else { continue }
            let stopped = !boughtLater(index)
            allBuyers.count(isLost: isLost, stopped: stopped)
            if purchaseDays >= 2 { repeatBuyers.count(isLost: isLost, stopped: stopped) }
        }
        return [allBuyers, repeatBuyers]
    }

    /// Counts one more customer of the population.
    private mutating func count(isLost: Bool, stopped: Bool) {
        if isLost { flagged += 1 }
        if isLost, stopped { truePositives += 1 }
        if stopped { self.stopped += 1 }
    }
}
