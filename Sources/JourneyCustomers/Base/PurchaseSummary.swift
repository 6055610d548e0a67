/// One customer's purchase days summed up at an as-of date: what the categories, the ladder, the
/// lost rule, the purchase models and the backtest need of them, so that a purchase log's
/// customers can be classified without keeping every purchase day in memory.
///
/// It is stored in 20 bytes (days as 32-bit numbers, the median gap in halves of a day, which
/// it always is a whole number of): a million customers' summaries take 20 MiB, not the 72 of
/// optional 64-bit fields.
public struct PurchaseSummary: Hashable, Sendable {
    private var storedPurchaseDays: Int32
    private var storedLaterPurchaseDays: Int32
    /// The first and last purchase days by the as-of date; meaningless without one.
    private var storedFirstDay: Int32
    private var storedLastDay: Int32
    /// Twice the median gap, or -1 without one.
    private var ownGapHalves: Int32

    /// Distinct purchase days up to and including the as-of date.
    public var purchaseDays: Int { Int(storedPurchaseDays) }
    /// The first of them, in days since 1970-01-01; nil without one.
    public var firstDay: Int? { storedPurchaseDays > 0 ? Int(storedFirstDay) : nil }
    /// The last of them, in days since 1970-01-01; nil without one.
    public var lastDay: Int? { storedPurchaseDays > 0 ? Int(storedLastDay) : nil }
    /// The median of the gaps between them, in days; nil under two purchase days.
    public var ownGap: Double? { ownGapHalves < 0 ? nil : Double(ownGapHalves) / 2 }
    /// Distinct purchase days after the as-of date, up to and including the backtest's end; 0
    /// without a backtest.
    public var laterPurchaseDays: Int { Int(storedLaterPurchaseDays) }
    /// Whether the customer bought after the as-of date, up to and including the backtest's end.
    public var boughtLater: Bool { storedLaterPurchaseDays > 0 }

    /// A customer who never bought.
    public static let noPurchase = PurchaseSummary(
        purchaseDays: 0, firstDay: nil, lastDay: nil, ownGap: nil, laterPurchaseDays: 0)

    /// A summary from its figures: days since 1970-01-01 of the years 0001 to 9999, as the
    /// event-log reader accepts them; a median gap that is a whole number of half days.
    public init(purchaseDays: Int, firstDay: Int?, lastDay: Int?, ownGap: Double?, laterPurchaseDays: Int) {
        precondition(purchaseDays == 0 || (firstDay != nil && lastDay != nil), "a buyer has a first and last day")
        storedPurchaseDays = Int32(purchaseDays)
        storedLaterPurchaseDays = Int32(laterPurchaseDays)
        storedFirstDay = Int32(firstDay ?? 0)
        storedLastDay = Int32(lastDay ?? 0)
        ownGapHalves = ownGap.map { Int32(($0 * 2).rounded()) } ?? -1
    }

    /// The summary of `history` at `asOf`; distinct purchase days after it and up to
    /// `backtestEnd` count as bought later.
    public init(_ history: CustomerHistory, asOf: Int, backtestEnd: Int? = nil) {
        let days = history.purchaseDays(through: asOf)
        let later = backtestEnd.map { end in history.purchaseDays[days.endIndex...].count { $0 <= end } } ?? 0
        self.init(
            purchaseDays: days.count, firstDay: days.first, lastDay: days.last, ownGap: medianGap(days),
            laterPurchaseDays: later)
    }

    /// What the purchase models read of the customer at `asOf`: repeat purchase days, recency and
    /// age in days; nil without a purchase.
    public func frequencyRecency(asOf: Int) -> FrequencyRecency? {
        guard let firstDay, let lastDay else { return nil }
        return FrequencyRecency(
            frequency: purchaseDays - 1, recency: Double(lastDay - firstDay), age: Double(asOf - firstDay))
    }
}
