import JourneyTestSupport
import Testing

@testable import JourneyEvents

@Suite struct EventRunsTests {
    private func events(_ range: Range<Int>) -> [FunnelEvent] {
        range.map { FunnelEvent(customer: Int32($0 % 7), stage: Int32($0 % 3), time: Int64($0)) }
    }

    private func log(_ runs: [[FunnelEvent]], customers: Int = 7) -> EventLog {
        var log = EventLog(customers: PackedStrings((0..<customers).map { "c\($0)" }))
        log.eventRuns = runs.map { $0[...] }
        return log
    }

    @Test func forEachVisitsEveryRangeAcrossRunsInOrder() {
        let all = events(0..<20)
        // Runs of several lengths, empty ones included, before, between and after.
        let log = log([[], Array(all[0..<6]), [], Array(all[6..<7]), Array(all[7..<20]), []])
        #expect(log.events == all)
        #expect(log.eventsInMemory == 20)
        log.withEventRuns { runs in
            #expect(runs.count == 20)
            for lower in 0...20 {
                for upper in lower...20 {
                    var seen: [FunnelEvent] = []
                    runs.forEach(in: lower..<upper) { seen.append($0) }
                    #expect(seen == Array(all[lower..<upper]), "\(lower)..<\(upper)")
                }
            }
        }
    }

    @Test func settingEventsMakesOneRun() {
        var log = log([events(0..<3), events(3..<5)])
        #expect(log.events == events(0..<5))
        log.events = events(0..<2)
        #expect(log.eventRuns == [events(0..<2)[...]])
    }

    @Test func theFunnelDoesNotDependOnWhereTheRunsAreCut() throws {
        var generator = SplitMix64(seed: 5)
        // Above `FunnelEngine.parallelThreshold`, so that the workers' shares cross the cuts.
        let whole = FunnelBenchmarkLog.make(events: 60_000, stageCount: 4, generator: &generator)
        let events = whole.events
        for mode in FunnelMode.allCases {
            let reference = try FunnelEngine.compute(log: whole, stageCount: 4, mode: mode, workers: 1)
            #expect(reference.reach[3] > 0)
            for cuts in [[0], [1], [29_999], [30_000], [59_999], [60_000], [10_000, 45_000]] {
                // Slices of the one array, as a reader's pieces are.
                var runs: [ArraySlice<FunnelEvent>] = []
                var start = 0
                for cut in cuts + [events.count] {
                    runs.append(events[start..<cut])
                    start = cut
                }
                var log = whole
                log.eventRuns = runs
                for workers in [1, 2, 3] {
                    #expect(
                        try FunnelEngine.compute(log: log, stageCount: 4, mode: mode, workers: workers) == reference,
                        "\(mode), cuts \(cuts), \(workers) workers")
                }
            }
        }
    }
}
