import JourneyLanguage

/// How long customers took from one funnel stage to the next: count, median, 90th percentile and mean, in milliseconds.
///
/// Zero durations (both stages in the same millisecond) are included. Percentiles interpolate
/// linearly between the two nearest ranks (Hyndman and Fan's type 7, the default of NumPy and
/// R, Excel's `PERCENTILE.INC`, ClickHouse's `quantileExactInclusive`): for n sorted durations
/// x₀ ≤ … ≤ xₙ₋₁ and a fraction p, with h = (n − 1)·p, the percentile is
/// x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). The median is p = 1/2 (the mean of the two middle values
/// when n is even), the 90th percentile p = 9/10. h is computed in integers, so the result is
/// exact up to the rounding of the final interpolation to a `Double`.
public struct ConversionTimeStatistics: Hashable, Sendable {
    /// The number of durations: the customers who reached the later stage.
    public var count: Int
    /// The median, in milliseconds; nil when `count` is 0.
    public var median: Double?
    /// The 90th percentile, in milliseconds; nil when `count` is 0.
    public var p90: Double?
    /// The arithmetic mean, in milliseconds; nil when `count` is 0.
    public var mean: Double?

    public init(count: Int, median: Double?, p90: Double?, mean: Double?) {
        self.count = count
        self.median = median
        self.p90 = p90
        self.mean = mean
    }

    /// The statistics of `durations`, in milliseconds, in any order.
    public init(durations: [Int64]) {
        var durations = durations
        self.init(reordering: &durations)
    }

    /// The statistics of `durations`, which are left in another order: the ranks needed are
    /// found by selection, in time linear in their number.
    init(reordering durations: inout [Int64]) {
        let count = durations.count
        guard count > 0 else {
            self.init(count: 0, median: nil, p90: nil, mean: nil)
            return
        }
        let mean = Self.mean(of: durations)
        let (median, p90) = durations.withUnsafeMutableBufferPointer { values in
            let median = Self.percentile(values, numerator: 1, denominator: 2, searchFrom: 0)
            // The 90th percentile's rank is at or above the median's: search only above it.
            let p90 = Self.percentile(values, numerator: 9, denominator: 10, searchFrom: median.rank)
            return (median.value, p90.value)
        }
        self.init(count: count, median: median, p90: p90, mean: mean)
    }

    /// The statistics of each pair's durations, gathered in parts (`durations[pair]`, which are
    /// joined, in order, and left in another order), on up to `workers` threads: each takes the
    /// largest pair left to the one with the fewest durations so far.
    static func ofEach(joining durations: inout [[[Int64]]], workers: Int) -> [ConversionTimeStatistics] {
        let sizes = durations.map { $0.reduce(0) { $0 + $1.count } }
        let workers = max(1, min(workers, durations.count))
        var assigned = [[Int]](repeating: [], count: workers)
        var load = [Int](repeating: 0, count: workers)
        for pair in sizes.indices.sorted(by: { sizes[$0] > sizes[$1] }) {
            let worker = load.indices.min { load[$0] < load[$1] }!
            assigned[worker].append(pair)
            load[worker] += sizes[pair]
        }
        let work = assigned
        let count = durations.count
        return durations.withUnsafeMutableBufferPointer { pairs in
            let pairs = SharedBuffer(pairs)
            return [ConversionTimeStatistics](unsafeUninitializedCapacity: count) { results, initialized in
                let results = SharedBuffer(results)
                ParallelWork.run(workers) { worker in
                    for pair in work[worker] {
                        var joined = Self.join(&pairs.base[pair])
                        (results.base + pair).initialize(to: ConversionTimeStatistics(reordering: &joined))
                    }
                }
                initialized = count
            }
        }
    }

    /// `parts` joined in order into one array, taking them (they are left empty).
    private static func join(_ parts: inout [[Int64]]) -> [Int64] {
        guard !parts.isEmpty else { return [] }
        var joined: [Int64] = []
        swap(&joined, &parts[0])
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for index in parts.indices.dropFirst() {
            joined.append(contentsOf: parts[index])
            parts[index] = []
        }
        return joined
    }

    /// The percentile p = numerator / denominator of `values` (type 7), and the rank ⌊h⌋ it
    /// starts from; `values[searchFrom...]` must hold every value of rank `searchFrom` or more.
    private static func percentile(
        _ values: UnsafeMutableBufferPointer<Int64>, numerator: Int, denominator: Int,
        searchFrom: Int
    ) -> (value: Double, rank: Int) {
        // h = (n − 1)·p = rank + remainder / denominator, in integers.
        let scaled = (values.count - 1) * numerator
        let rank = scaled / denominator
        let remainder = scaled % denominator
        OrderStatistics.select(rank, in: values, range: searchFrom..<values.count)
        let low = values[rank]
        guard remainder > 0 else { return (Double(low), rank) }
        let high = OrderStatistics.minimum(in: values, range: (rank + 1)..<values.count)
        return (Double(low) + Double(high - low) * Double(remainder) / Double(denominator), rank)
    }

    /// The mean of non-empty `values`, summed exactly in 64-bit integers when they fit.
    static func mean(of values: [Int64]) -> Double {
        var sum: Int64 = 0
        for value in values {
            let (next, overflow) = sum.addingReportingOverflow(value)
            if overflow {
                return values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
            }
            sum = next
        }
        return Double(sum) / Double(values.count)
    }
}
