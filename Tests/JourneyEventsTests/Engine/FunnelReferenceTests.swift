import JourneyTestSupport
import PropertyBased
import Testing

@testable import JourneyEvents

/// The engine against slow, obviously correct references on random small logs, in every mode.
///
/// Two references: a brute force over every chain of events, written from the definitions of
/// docs/funnels.md, and a line-by-line transcription of ClickHouse's `windowFunnel` algorithm
/// (`AggregateFunctionWindowFunnel`, the default and `strict_order`), so that the engine, the
/// definitions and ClickHouse are checked against each other.
@Suite struct FunnelReferenceTests {
    typealias Event = (time: Int64, stage: Int)

    /// What the reference finds for one customer: the level and the durations between the
    /// completion of consecutive stages on the path.
    struct Outcome: Equatable {
        var level: Int
        var durations: [Int64]
    }

    // MARK: Brute force

    /// Every chain of events with stages 0, 1, …, each at or after the previous one and all
    /// within `window` of the first, as lists of event indices.
    static func chains(_ events: [Event], stageCount: Int, window: Int64) -> [[Int]] {
        var found: [[Int]] = []
        func extend(_ chain: [Int]) {
            found.append(chain)
            guard chain.count < stageCount else { return }
            let first = events[chain[0]].time
            let last = events[chain.last!].time
            for (index, event) in events.enumerated()
            where event.stage == chain.count && event.time >= last && event.time - first <= window {
                extend(chain + [index])
            }
        }
        for (index, event) in events.enumerated() where event.stage == 0 {
            extend([index])
        }
        return found
    }

    /// `ordered`: the longest chain; among those, the one with the earliest times, step by step.
    static func ordered(_ events: [Event], stageCount: Int, window: Int64) -> Outcome {
        let all = chains(events, stageCount: stageCount, window: window)
        let level = all.map(\.count).max() ?? 0
        guard level > 0 else { return Outcome(level: 0, durations: []) }
        let times = all.filter { $0.count == level }.map { $0.map { events[$0].time } }
        let earliest = times.min { $0.lexicographicallyPrecedes($1) }!
        return Outcome(level: level, durations: zip(earliest.dropFirst(), earliest).map { $0 - $1 })
    }

    /// The events sorted by time, then stage.
    static func sorted(_ events: [Event]) -> [Event] {
        events.sorted { ($0.time, $0.stage) < ($1.time, $1.stage) }
    }

    /// `strict`: in time-then-stage order, the events before the first one (after a stage-1
    /// event) whose stage k ≥ 2 no chain of the events before it reaches k − 1; `ordered` on those.
    static func strict(_ events: [Event], stageCount: Int, window: Int64) -> Outcome {
        let events = sorted(events)
        guard let firstStageOne = events.firstIndex(where: { $0.stage == 0 }) else {
            return Outcome(level: 0, durations: [])
        }
        var cut = events.count
        for position in (firstStageOne + 1)..<max(events.count, firstStageOne + 1) where events[position].stage > 0 {
            let before = Array(events[..<position])
            if ordered(before, stageCount: stageCount, window: window).level < events[position].stage {
                cut = position
                break
            }
        }
        return ordered(Array(events[..<cut]), stageCount: stageCount, window: window)
    }

    /// `any`: the largest k with one event of each stage 0..<k, all within `window` of the
    /// earliest of them; the path is the first window (in time-then-stage order of its first
    /// event) holding them, with the first event of each stage in it, and a stage completes
    /// when it and every stage before it have happened.
    static func anyOrder(_ events: [Event], stageCount: Int, window: Int64) -> Outcome {
        // The level, by trying every choice of one event per stage.
        func reachable(_ k: Int) -> Bool {
            func choose(_ stage: Int, _ low: Int64, _ high: Int64) -> Bool {
                if stage == k { return high - low <= window }
                return events.contains { $0.stage == stage && choose(stage + 1, min(low, $0.time), max(high, $0.time)) }
            }
            return choose(0, .max, .min)
        }
        var level = 0
        while level < stageCount && reachable(level + 1) {
            level += 1
        }
        guard level > 0 else { return Outcome(level: 0, durations: []) }
        let events = sorted(events)
        for start in events.indices {
            let inWindow = events[start...].filter { $0.time - events[start].time <= window }
            let firsts = (0..<level).map { stage in inWindow.first { $0.stage == stage }?.time }
            guard firsts.allSatisfy({ $0 != nil }) else { continue }
            var completion: [Int64] = []
            for time in firsts.map({ $0! }) {
                completion.append(max(time, completion.last ?? .min))
            }
            return Outcome(level: level, durations: zip(completion.dropFirst(), completion).map { $0 - $1 })
        }
        Issue.record("no window holds the \(level) stages found")
        return Outcome(level: level, durations: [])
    }

    // MARK: ClickHouse's windowFunnel

    /// `windowFunnel(window[, 'strict_order'])` as ClickHouse computes it: its (timestamp,
    /// condition) pairs sorted with `std::stable_sort` and `std::pair`'s `<`, then one pass
    /// keeping, per level, the (first, last) timestamps of the latest chain reaching it.
    static func windowFunnel(_ events: [Event], stageCount: Int, window: Int64, strictOrder: Bool) -> Int {
        guard !events.isEmpty else { return 0 }
        if !strictOrder && stageCount == 1 { return 1 }
        let list = events.map { (timestamp: $0.time, event: $0.stage + 1) }
            .sorted { ($0.timestamp, $0.event) < ($1.timestamp, $1.event) }
        var eventsTimestamp = [(first: Int64, last: Int64)?](repeating: nil, count: stageCount)
        var firstEvent = false
        for (timestamp, event) in list {
            let eventIndex = event - 1
            if eventIndex == 0 {
                eventsTimestamp[0] = (timestamp, timestamp)
                firstEvent = true
            } else if strictOrder && firstEvent && eventsTimestamp[eventIndex - 1] == nil {
                return eventsTimestamp.firstIndex { $0 == nil }!
            } else if let previous = eventsTimestamp[eventIndex - 1] {
                if timestamp <= previous.first + window {
                    eventsTimestamp[eventIndex] = (previous.first, timestamp)
                    if eventIndex + 1 == stageCount { return stageCount }
                }
            }
        }
        return eventsTimestamp.lastIndex { $0 != nil }.map { $0 + 1 } ?? 0
    }

    // MARK: The property

    static let unit: Int64 = 1000
    /// Up to 5 customers (the fifth never has an event), times on a coarse grid so that ties and
    /// window edges are frequent.
    static let rawEvents = zip(Gen.int(in: 0...3), Gen.int64(in: 0...24), Gen.int(in: 0...3)).array(of: 0...28)

    /// Compares the engine with the brute force and with windowFunnel on one random log.
    static func check(_ raw: [(Int, Int64, Int)], stageCount: Int, windowUnits: Int64, mode: FunnelMode) throws {
        let window = windowUnits * unit
        let lines = raw.map { ("c\($0.0)", $0.1 * unit, $0.2 % stageCount) }
        let log = FunnelTestLog.make(milliseconds: lines, extraCustomers: ["c0", "c1", "c2", "c3", "never"])
        let result = try FunnelEngine.compute(
            log: log, stageCount: stageCount,
            window: ConversionWindow(milliseconds: window)!, mode: mode)
        var perLevel = [Int](repeating: 0, count: stageCount + 1)
        var durations = [[Int64]](repeating: [], count: stageCount - 1)
        for (index, customer) in log.customers.enumerated() {
            let events: [Event] = log.events.filter { $0.customer == Int32(index) }.map { ($0.time, Int($0.stage)) }
            let expected: Outcome
            switch mode {
            case .ordered: expected = ordered(events, stageCount: stageCount, window: window)
            case .strict: expected = strict(events, stageCount: stageCount, window: window)
            case .any: expected = anyOrder(events, stageCount: stageCount, window: window)
            }
            #expect(
                Int(result.customerLevels[index]) == expected.level,
                "\(mode), \(stageCount) stages, window \(windowUnits): \(customer) \(events)")
            if mode != .any {
                let clickHouse = windowFunnel(
                    events, stageCount: stageCount, window: window, strictOrder: mode == .strict)
                #expect(clickHouse == expected.level, "windowFunnel, \(mode): \(customer) \(events)")
            }
            perLevel[expected.level] += 1
            for (pair, duration) in expected.durations.enumerated() {
                durations[pair].append(duration)
            }
        }
        #expect(result.customersPerLevel == perLevel)
        #expect(result.reach == (1...stageCount).map { level in perLevel[level...].reduce(0, +) })
        #expect(
            result.conversionTimes == durations.map(ConversionTimeStatistics.init(durations:)),
            "\(mode), \(stageCount) stages, window \(windowUnits): \(lines)")
    }

    @Test(arguments: FunnelMode.allCases)
    func theEngineAgreesWithTheReferencesOnRandomLogs(mode: FunnelMode) async throws {
        await propertyCheck(count: 400, input: Gen.int(in: 1...4), Gen.int64(in: 1...12), Self.rawEvents) {
            stageCount, windowUnits, raw in
            try Self.check(raw, stageCount: stageCount, windowUnits: windowUnits, mode: mode)
        }
    }

    @Test(arguments: FunnelMode.allCases)
    func longerCustomerHistories(mode: FunnelMode) throws {
        // Fewer customers with up to 40 events each, on a fixed seed.
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<150 {
            let stageCount = Int.random(in: 2...4, using: &generator)
            let raw = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                (
                    Int.random(in: 0...1, using: &generator), Int64.random(in: 0...60, using: &generator),
                    Int.random(in: 0..<stageCount, using: &generator)
                )
            }
            try Self.check(
                raw, stageCount: stageCount, windowUnits: Int64.random(in: 1...30, using: &generator), mode: mode)
        }
    }

    @Test func orderedNeverExceedsAnyOrderAndStrictNeverExceedsOrdered() throws {
        var generator = SplitMix64(seed: 11)
        let log = FunnelBenchmarkLog.make(events: 20_000, stageCount: 4, generator: &generator)
        let window = ConversionWindow.days(7)!
        let strict = try FunnelEngine.compute(log: log, stageCount: 4, window: window, mode: .strict)
        let ordered = try FunnelEngine.compute(log: log, stageCount: 4, window: window, mode: .ordered)
        let any = try FunnelEngine.compute(log: log, stageCount: 4, window: window, mode: .any)
        for index in log.customers.indices {
            #expect(strict.customerLevels[index] <= ordered.customerLevels[index])
            #expect(ordered.customerLevels[index] <= any.customerLevels[index])
        }
    }
}
