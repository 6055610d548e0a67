import PropertyBased
import Testing

@testable import JourneyEvents

/// Median, 90th percentile and mean of durations, zero durations included.
@Suite struct ConversionTimeStatisticsTests {
    @Test func knownDurations() {
        // Sorted: 0, 0, 10, 20. Median: h = 1.5 → 0 + 0.5·10 = 5. p90: h = 2.7 → 10 + 0.7·10 = 17.
        let statistics = ConversionTimeStatistics(durations: [20, 0, 10, 0])
        #expect(statistics == ConversionTimeStatistics(count: 4, median: 5, p90: 17, mean: 7.5))
    }

    @Test func anOddCount() {
        // Sorted: 1…5. Median: the middle value. p90: h = 3.6 → 4 + 0.6·1.
        let statistics = ConversionTimeStatistics(durations: [5, 3, 1, 4, 2])
        #expect(statistics.median == 3)
        #expect(statistics.p90 == 4.6)
        #expect(statistics.mean == 3)
    }

    @Test func zeroDurationsCount() {
        let statistics = ConversionTimeStatistics(durations: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1000])
        // h = 4.5 between two zeros; p90: h = 8.1 → 0 + 0.1·1000.
        #expect(statistics == ConversionTimeStatistics(count: 10, median: 0, p90: 100, mean: 100))
    }

    @Test func oneDurationAndNone() {
        #expect(
            ConversionTimeStatistics(durations: [42])
                == ConversionTimeStatistics(count: 1, median: 42, p90: 42, mean: 42))
        #expect(
            ConversionTimeStatistics(durations: [])
                == ConversionTimeStatistics(count: 0, median: nil, p90: nil, mean: nil))
    }

    @Test func elevenDurationsLandExactlyOnRanks() {
        // n = 11: h = 5 and h = 9, no interpolation and no floating-point drift.
        let statistics = ConversionTimeStatistics(durations: (0...10).map { Int64($0) * 60_000 })
        #expect(statistics.median == 300_000)
        #expect(statistics.p90 == 540_000)
    }

    @Test func aMeanTooLargeForIntegersStillComes() {
        let huge = Int64.max / 2
        let statistics = ConversionTimeStatistics(durations: [huge, huge, huge, huge])
        #expect(statistics.mean == Double(huge))
        #expect(statistics.median == Double(huge))
    }

    /// Type 7 on a sorted copy, the textbook way.
    static func sortedPercentile(_ values: [Int64], _ p: Double) -> Double {
        let sorted = values.sorted()
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return Double(sorted[low]) + (h - Double(low)) * Double(sorted[high] - sorted[low])
    }

    @Test func selectionAgreesWithSorting() async {
        // Many repeats and long runs, to exercise the three-way partition past its small-range sort.
        let values = Gen.int64(in: 0...40).map { $0 * $0 * 1000 }.array(of: 1...400)
        await propertyCheck(count: 300, input: values) { values in
            let statistics = ConversionTimeStatistics(durations: values)
            #expect(abs(statistics.median! - Self.sortedPercentile(values, 0.5)) < 1e-6)
            #expect(abs(statistics.p90! - Self.sortedPercentile(values, 0.9)) < 1e-6)
            #expect(statistics.count == values.count)
        }
    }

    @Test func largeInputsSortedOrAllEqual() {
        let ascending = (0..<100_000).map { Int64($0) }
        #expect(ConversionTimeStatistics(durations: ascending).median == 49_999.5)
        #expect(ConversionTimeStatistics(durations: ascending.reversed()).p90 == 89_999.1)
        let equal = [Int64](repeating: 7, count: 100_000)
        #expect(
            ConversionTimeStatistics(durations: equal)
                == ConversionTimeStatistics(count: 100_000, median: 7, p90: 7, mean: 7))
    }

    @Test func eachPairJoinedFromPartsOnAnyNumberOfWorkers() {
        // Pairs of different sizes (one empty), each in parts of different sizes (some empty).
        let pairs: [[[Int64]]] = [
            [(0..<5000).map { Int64($0 * 7 % 1013) }, [], (0..<300).map { Int64($0) }],
            [[], []],
            [[42], (0..<2000).map { Int64(3000 - $0) }],
            [(0..<10).map { Int64($0 * $0) }],
        ]
        let expected = pairs.map { ConversionTimeStatistics(durations: Array($0.joined())) }
        #expect(expected[1] == ConversionTimeStatistics(count: 0, median: nil, p90: nil, mean: nil))
        for workers in 1...5 {
            var parts = pairs
            #expect(
                ConversionTimeStatistics.ofEach(joining: &parts, workers: workers) == expected, "\(workers) workers")
        }
    }
}
