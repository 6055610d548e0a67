import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyEvents

/// Times the engine on 1M and 10M random events, on one worker and on two, with the events in
/// memory and spilled to a temporary file (`EventLog.spillingEvents`).
///
/// Skipped unless `JOURNEY_FUNNEL_BENCHMARK` is set, to the number of runs to take the best of
/// (3 when it is not a number); meaningful only in a release build:
/// `JOURNEY_FUNNEL_BENCHMARK=5 swift test -c release --filter FunnelBenchmarkTests`.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["JOURNEY_FUNNEL_BENCHMARK"] != nil,
        "set JOURNEY_FUNNEL_BENCHMARK to time the funnel engine"))
struct FunnelBenchmarkTests {
    @Test(arguments: [1_000_000, 10_000_000])
    func time(events: Int) throws {
        var generator = SplitMix64(seed: 1)
        let inMemory = FunnelBenchmarkLog.make(events: events, stageCount: 5, generator: &generator)
        let spilled = try inMemory.spillingEvents()
        let runs = Int(ProcessInfo.processInfo.environment["JOURNEY_FUNNEL_BENCHMARK"] ?? "") ?? 3
        let clock = ContinuousClock()
        for (storage, log) in [("in memory", inMemory), ("spilled", spilled)] {
            for mode in FunnelMode.allCases {
                for workers in [1, 2] {
                    var best = Duration.seconds(1000)
                    var result: FunnelResult?
                    for _ in 0..<runs {
                        let elapsed = try clock.measure {
                            result = try FunnelEngine.compute(log: log, stageCount: 5, mode: mode, workers: workers)
                        }
                        best = min(best, elapsed)
                    }
                    print(
                        "funnel \(events) events \(storage), \(log.customers.count) customers, \(mode), "
                            + "\(workers) worker(s): best of \(runs) \(best), reach \(result!.reach)")
                }
            }
        }
    }
}
