import JourneyLanguage

/// The relationship ladder as the ladder chart draws it: the customers at each rung or higher,
/// and how many of them are lost.
///
/// A small value of its own, so that the charts need not know how customers are classified:
/// `journey` makes it from a customer base (JourneyCustomers' `customersAtOrAbove`), a test from
/// plain numbers. Counts are expected never to rise from one rung to the next, as a customer
/// base gives them; the chart draws whatever it is given, each bar relative to the largest count.
public struct LadderFigures: Hashable, Sendable {
    /// One rung of the ladder and its customers.
    public struct Rung: Hashable, Sendable {
        public var rung: LadderRung
        /// The customers on this rung or a higher one.
        public var customers: Int
        /// How many of `customers` are lost, from 0 to `customers`.
        public var lost: Int

        public init(rung: LadderRung, customers: Int, lost: Int) {
            self.rung = rung
            self.customers = customers
            self.lost = lost
        }

        /// The share of the rung's customers who are lost, from 0 to 1; nil for a rung without customers.
        public var lostShare: Double? {
            customers > 0 ? Double(min(max(lost, 0), customers)) / Double(customers) : nil
        }
    }

    /// The rungs from the bottom (prospect) up, usually all six.
    public var rungs: [Rung]
    /// Whose customers these are, such as `purchases.csv`: the chart names it.
    public var source: String
    /// The day the customers were classified at, `YYYY-MM-DD`.
    public var asOf: String
    /// The lost rule's factor: lost after this many times the usual gap between purchase days.
    public var lostAfter: Double
    /// The purchase days that make an account (and a fan).
    public var fanPurchaseDays: Int
    /// Sentences the chart writes below the ladder, such as why a rung looks as it does.
    public var notes: [String]

    public init(
        rungs: [Rung], source: String, asOf: String, lostAfter: Double, fanPurchaseDays: Int, notes: [String] = []
    ) {
        self.rungs = rungs
        self.source = source
        self.asOf = asOf
        self.lostAfter = lostAfter
        self.fanPurchaseDays = fanPurchaseDays
        self.notes = notes
    }

    /// The share of the customers at the rung before `index` who reach the rung at `index` or
    /// higher, from 0 to 1; nil for the first rung and after a rung without customers.
    public func conversion(into index: Int) -> Double? {
        guard index > 0, index < rungs.count, rungs[index - 1].customers > 0 else { return nil }
        return Double(rungs[index].customers) / Double(rungs[index - 1].customers)
    }

    /// A share from 0 to 1 as the ladder writes it, `48.9%`: never `0%` or `100%` for a share that
    /// is neither, but `<0.1%` and `>99.9%`, so that a lost customer or a climber never vanishes.
    public static func percent(_ share: Double) -> String {
        let text = NumberFormatting.percent(share)
        if text == "0%", share > 0 { return "<0.1%" }
        if text == "100%", share < 1 { return ">99.9%" }
        return text
    }

    /// The rules the customers were classified by, in words: `lost after 2 × their usual gap;
    /// an account from 5 purchase days`.
    public var rules: String {
        "lost after \(NumberFormatting.plain(lostAfter)) × their usual gap; "
            + "an account from \(fanPurchaseDays) purchase days"
    }

    /// What a customer needs to stand on `rung`, in a few words, for the chart and the report.
    public func condition(of rung: LadderRung) -> String {
        switch rung {
        case .prospect: "contacted, no purchase yet"
        case .tester: "one purchase day"
        case .buyer: "2 or more purchase days"
        case .account: "\(fanPurchaseDays) or more purchase days"
        case .patron: "an account who recommends us"
        case .sponsor: "a repeat buyer who referred someone"
        }
    }
}
