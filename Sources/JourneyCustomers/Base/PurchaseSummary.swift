/// One customer's purchase days summed up at an as-of date: what the categories, the ladder, the
/// lost rule and the backtest need of them, so that a purchase log's customers can be classified
/// without keeping every purchase day in memory.
public struct PurchaseSummary: Hashable, Sendable {
    /// Distinct purchase days up to and including the as-of date.
    public var purchaseDays: Int
    /// The last of them, in days since 1970-01-01; nil without one.
    public var lastDay: Int?
    /// The median of the gaps between them, in days; nil under two purchase days.
    public var ownGap: Double?
    /// Whether the customer bought after the as-of date, up to and including the backtest's end;
    /// false without a backtest.
    public var boughtLater: Bool

    /// A customer who never bought.
    public static let noPurchase = PurchaseSummary(purchaseDays: 0, lastDay: nil, ownGap: nil, boughtLater: false)

    public init(purchaseDays: Int, lastDay: Int?, ownGap: Double?, boughtLater: Bool) {
        self.purchaseDays = purchaseDays
        self.lastDay = lastDay
        self.ownGap = ownGap
        self.boughtLater = boughtLater
    }

    /// The summary of `history` at `asOf`; purchases after it and up to `backtestEnd` count as
    /// bought later.
    public init(_ history: CustomerHistory, asOf: Int, backtestEnd: Int? = nil) {
        let days = history.purchaseDays(through: asOf)
        self.purchaseDays = days.count
        self.lastDay = days.last
        self.ownGap = medianGap(days)
        let later = history.purchaseDays[days.endIndex...].first
        self.boughtLater = backtestEnd.map { end in later.map { $0 <= end } ?? false } ?? false
    }
}
