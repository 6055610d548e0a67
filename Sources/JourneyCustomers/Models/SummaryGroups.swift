/// Customers grouped by identical summaries, so that a fit costs one term per distinct
/// (frequency, recency, age) triple, not one per customer.
///
/// The groups are in ascending order of their summaries, whatever the order of the customers,
/// so that every sum over them is taken in the same order and a fit gives the same bits from
/// run to run. Recencies and ages are also numbered among their distinct values, for the terms
/// that depend on one of them alone.
public struct SummaryGroups: Sendable {
    /// The distinct summaries, ascending.
    public let summaries: [FrequencyRecency]
    /// How many customers have each summary.
    public let counts: [Int]
    /// The customers in all the groups.
    public let customers: Int
    /// The distinct recencies, ascending, and each group's position among them.
    let recencies: [Double]
    let recencyIndex: [Int]
    /// The distinct ages, ascending, and each group's position among them.
    let ages: [Double]
    let ageIndex: [Int]
    /// How many customers have each frequency, from 0 to the highest.
    let customersByFrequency: [Int]

    /// Groups `summaries`.
    public init(_ summaries: [FrequencyRecency]) {
        // A concrete comparison: through `Comparable`, across modules, the sort looked up the
        // conformance at every step and took 9% of `journey customers --model` on CDNOW.
        let sorted = summaries.sorted { lhs, rhs in
            (lhs.frequency, lhs.recency, lhs.age) < (rhs.frequency, rhs.recency, rhs.age)
        }
        var distinct: [FrequencyRecency] = []
        var counts: [Int] = []
        for summary in sorted {
            if summary == distinct.last {
                counts[counts.count - 1] += 1
            } else {
                distinct.append(summary)
                counts.append(1)
            }
        }
        self.summaries = distinct
        self.counts = counts
        customers = sorted.count
        (recencies, recencyIndex) = Self.numbered(distinct.map(\.recency))
        (ages, ageIndex) = Self.numbered(distinct.map(\.age))
        var byFrequency = [Int](repeating: 0, count: (distinct.last?.frequency ?? -1) + 1)
        for (summary, count) in zip(distinct, counts) { byFrequency[summary.frequency] += count }
        customersByFrequency = byFrequency
    }

    /// The number of distinct summaries.
    public var count: Int { summaries.count }

    /// The highest frequency; -1 without customers.
    var highestFrequency: Int { customersByFrequency.count - 1 }

    /// The distinct values of `values`, ascending, and the position of each value among them.
    private static func numbered(_ values: [Double]) -> (distinct: [Double], index: [Int]) {
        let distinct = Array(Set(values)).sorted()
        var position = [Double: Int](minimumCapacity: distinct.count)
        for (index, value) in distinct.enumerated() { position[value] = index }
        return (distinct, values.map { position[$0]! })
    }
}
