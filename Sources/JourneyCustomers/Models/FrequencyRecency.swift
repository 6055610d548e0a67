/// What the purchase models need of one customer: how often they bought again, when they last
/// did, and how long they have been a customer.
///
/// Times are in one unit throughout, days from the purchase log and weeks in the published
/// CDNOW summary; a model fitted in one unit predicts in the same unit.
public struct FrequencyRecency: Hashable, Comparable, Sendable {
    /// Repeat purchases: the customer's purchase days after the first, x.
    public var frequency: Int
    /// The time from the first purchase to the last, t_x; 0 for a one-time buyer.
    public var recency: Double
    /// The time from the first purchase to the as-of date, T; at least `recency`.
    public var age: Double

    /// A summary from its three figures; nil unless frequency ≥ 0 and 0 ≤ recency ≤ age, all
    /// finite, with a recency of 0 exactly when the frequency is 0 (a repeat purchase takes time).
    public init?(frequency: Int, recency: Double, age: Double) {
        guard frequency >= 0, recency >= 0, recency <= age, age.isFinite, (frequency == 0) == (recency == 0)
        else { return nil }
        self.frequency = frequency
        self.recency = recency
        self.age = age
    }

    /// The summary of a customer's distinct purchase days at `asOf`, in days; nil without a
    /// purchase by then.
    ///
    /// Days are counted since 1970-01-01; days after `asOf` are ignored.
    public init?(purchaseDays: some Collection<Int>, asOf: Int) {
        var first: Int?
        var last = 0
        var days = 0
        for day in purchaseDays where day <= asOf {
            first = first.map { min($0, day) } ?? day
            last = max(last, day)
            days += 1
        }
        guard let first else { return nil }
        self.init(frequency: days - 1, recency: Double(last - first), age: Double(asOf - first))
    }

    /// Summaries in order of frequency, then recency, then age: the order of the grouped data.
    public static func < (lhs: FrequencyRecency, rhs: FrequencyRecency) -> Bool {
        (lhs.frequency, lhs.recency, lhs.age) < (rhs.frequency, rhs.recency, rhs.age)
    }
}
