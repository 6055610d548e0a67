import JourneyTestSupport

@testable import JourneyEvents

/// Random event logs shaped like real ones, for benchmarks and the worker test.
///
/// Each customer has 1 to 20 events at whole seconds; most start the funnel and each
/// further stage keeps about 80% of the customers of the one before (a chain inside 14 days);
/// the rest of their events are stages up to one past the chain's, at random times within a month. The log lists the
/// events shuffled, so a customer's events are scattered through it.
/// (`SplitMix64` is the tests' seeded generator, from MonotoneCurveTests.)
enum FunnelBenchmarkLog {
    static func make(events total: Int, stageCount: Int, generator: inout SplitMix64) -> EventLog {
        let second: Int64 = 1000
        let day: Int64 = 86_400 * second
        let start: Int64 = 1_767_225_600_000  // 2026-01-01T00:00:00Z
        var customers: [String] = []
        var events: [FunnelEvent] = []
        customers.reserveCapacity(total / 8)
        events.reserveCapacity(total)
        while events.count < total {
            let customer = Int32(customers.count)
            customers.append("c\(customer)")
            let count = min(Int.random(in: 1...20, using: &generator), total - events.count)
            var target = Int.random(in: 0..<100, using: &generator) < 95 ? 1 : 0
            while target > 0 && target < stageCount && Int.random(in: 0..<100, using: &generator) < 80 {
                target += 1
            }
            target = min(target, count)
            var time = start + Int64.random(in: 0...(90 * day / second), using: &generator) * second
            let base = time
            for stage in 0..<target {
                events.append(FunnelEvent(customer: customer, stage: Int32(stage), time: time))
                time += Int64.random(in: 0...(3 * day / second), using: &generator) * second
            }
            for _ in target..<count {
                let offset = Int64.random(in: -(30 * day / second)...(30 * day / second), using: &generator) * second
                let stage = Int32.random(in: 0...Int32(min(target, stageCount - 1)), using: &generator)
                events.append(FunnelEvent(customer: customer, stage: stage, time: base + offset))
            }
        }
        events.shuffle(using: &generator)
        return EventLog(customers: PackedStrings(customers), events: events, rows: events.count)
    }
}
