import Foundation
import JourneyLanguage

/// Computes a funnel from an event log: every customer's level, reach per stage and time to convert.
///
/// The events are grouped by customer with a counting sort into one flat array
/// (`CustomerEvents`), each customer's sorted by time then stage, and scanned in time linear in
/// their number (`CustomerFunnelScanner`). Customers are split into as many ranges of about the
/// same number of events as there are workers, scanned concurrently, and the ranges' counts and
/// durations merged; the result does not depend on the number of workers. See docs/funnels.md.
public enum FunnelEngine {
    /// Logs with fewer events are scanned on one worker: starting threads would cost more.
    static let parallelThreshold = 50_000

    /// The funnel of `log` with `stageCount` stages (events' `stage` 0..<stageCount, stage 1 first).
    ///
    /// A log whose events were spilled to temporary files (`EventLog.spilledEvents`) is computed
    /// one partition of customers at a time, each worker reading its partitions back in turn, so
    /// memory holds a partition's events rather than the log's; the result is the same.
    ///
    /// - Parameters:
    ///   - log: the events; each event's customer must index `log.customers` and its stage must
    ///     be below `stageCount` (a violation stops the program: the reader guarantees both).
    ///   - stageCount: from 1 to `Journey.maximumEventStages` (255; `EventMapping` says so as a
    ///     diagnostic, and `journey check` warns).
    ///   - window: how long after a chain's stage-1 event its later stages still count.
    ///   - mode: how the stages must follow each other.
    ///   - workers: how many threads group and scan the events; nil for one per active processor.
    /// - Throws: only for a spilled log: `FunnelError.spill` when its events cannot be read
    ///   back or (for a log of more than 2^31 - 1 events in memory, which is grouped a partition
    ///   at a time) written; `FunnelError.customerOutgrowsMemory` when one customer's events
    ///   outgrow the memory limit it was spilled under (`SpilledEvents.memoryLimit`).
    public static func compute(
        log: EventLog, stageCount: Int, window: ConversionWindow = .default,
        mode: FunnelMode = .ordered, workers: Int? = nil
    ) throws(FunnelError) -> FunnelResult {
        try compute(
            log: log, stageCount: stageCount, window: window, mode: mode, workers: workers,
            groupedInMemoryUpTo: CustomerPlaces.maximumCount)
    }

    /// `compute(log:stageCount:window:mode:workers:)`, spilling a log of more than `limit`
    /// events in memory to group it a partition at a time (a test's way to reach that path).
    static func compute(
        log: EventLog, stageCount: Int, window: ConversionWindow, mode: FunnelMode, workers: Int?,
        groupedInMemoryUpTo limit: Int
    ) throws(FunnelError) -> FunnelResult {
        precondition(
            (1...Journey.maximumEventStages).contains(stageCount),
            "a funnel has 1 to \(Journey.maximumEventStages) stages, not \(stageCount)")
        let requested = workers ?? ProcessInfo.processInfo.activeProcessorCount
        let customers = log.customers.count
        var (tallies, levels): ([RangeTally], [UInt8])
        precondition(
            log.spilledEvents == nil || log.eventsInMemory == 0, "a log with spilled events holds none in memory")
        // More events than one array of 32-bit places can group are grouped a partition at a time.
        var spilled = log.spilledEvents
        if spilled == nil && log.eventsInMemory > limit {
            do throws(FileError) {
                spilled = try log.spillingEvents().spilledEvents
            } catch {
                throw .spill(error)
            }
        }
        if let spilled {
            (tallies, levels) = try computePartitions(
                spilled, customerIDs: log.customers, stageCount: stageCount,
                window: window, mode: mode, workers: requested)
        } else {
            (tallies, levels) = computeInMemory(
                log, stageCount: stageCount, window: window, mode: mode, workers: requested)
        }

        // The workers' counts added up, and each pair's durations gathered from the workers, in
        // worker order: taken out of the tallies, so that joining them does not copy them twice.
        var tally = RangeTally(stageCount: stageCount)
        var durations = [[[Int64]]](repeating: [], count: stageCount - 1)
        for index in tallies.indices {
            tally.addCounts(tallies[index])
            for pair in durations.indices {
                durations[pair].append([])
                swap(&durations[pair][index], &tallies[index].durations[pair])
            }
        }
        var customersPerLevel = tally.customersPerLevel
        customersPerLevel[0] += customers - tally.customersWithEvents
        var reach = [Int](repeating: 0, count: stageCount)
        var atLeast = 0
        for level in stride(from: stageCount, through: 1, by: -1) {
            atLeast += customersPerLevel[level]
            reach[level - 1] = atLeast
        }
        let conversionTimes = ConversionTimeStatistics.ofEach(
            joining: &durations, workers: log.eventCount < parallelThreshold ? 1 : requested)
        return FunnelResult(
            stageCount: stageCount, mode: mode, window: window, customers: customers,
            customersWithEvents: tally.customersWithEvents, events: log.eventCount,
            customersPerLevel: customersPerLevel, reach: reach,
            conversionTimes: conversionTimes, customerLevels: levels,
            firstEventTime: tally.customersWithEvents > 0 ? tally.earliest : nil,
            lastEventTime: tally.customersWithEvents > 0 ? tally.latest : nil)
    }

    /// Groups the events of a log held in memory by customer, then scans ranges of customers
    /// concurrently: in 8 bytes an event when every time fits (`PackedEvent`), else in 16.
    private static func computeInMemory(
        _ log: EventLog, stageCount: Int, window: ConversionWindow, mode: FunnelMode,
        workers requested: Int
    ) -> ([RangeTally], [UInt8]) {
        let customers = log.customers.count
        let workerCount = log.eventsInMemory < parallelThreshold ? 1 : max(1, min(requested, customers))
        var places = CustomerPlaces(counting: log, stageCount: stageCount, workers: workerCount)
        if places.timesFitPacked {
            let events = CustomerEvents.group(log, places: &places, as: PackedEvent.self)
            return scan(
                events, places: places, stageCount: stageCount, window: window, mode: mode, workers: workerCount)
        }
        let events = CustomerEvents.group(log, places: &places, as: WideEvent.self)
        return scan(events, places: places, stageCount: stageCount, window: window, mode: mode, workers: workerCount)
    }

    /// Scans the customers of `events`, grouped as `places` says, in about `workers` ranges of
    /// about the same number of events, concurrently.
    private static func scan<Event: ScannedEvent>(
        _ events: consuming [Event], places: CustomerPlaces, stageCount: Int, window: ConversionWindow,
        mode: FunnelMode, workers: Int
    ) -> ([RangeTally], [UInt8]) {
        let customers = places.customerCount
        let ranges = splitCustomers(customers, into: workers, eventsBefore: places.eventsBefore)
        var events = events
        var levels = [UInt8](repeating: 0, count: customers)
        var partials = [RangeTally?](repeating: nil, count: ranges.count)
        events.withUnsafeMutableBufferPointer { eventBuffer in
            levels.withUnsafeMutableBufferPointer { levelBuffer in
                partials.withUnsafeMutableBufferPointer { partialBuffer in
                    let events = SharedBuffer(eventBuffer)
                    let levelsOut = SharedBuffer(levelBuffer)
                    let tallies = SharedBuffer(partialBuffer)
                    ParallelWork.run(ranges.count) { index in
                        var scanner = CustomerFunnelScanner(stageCount: stageCount, window: window, mode: mode)
                        var tally = RangeTally(stageCount: stageCount)
                        for customer in ranges[index] {
                            let range = places.range(of: customer)
                            guard !range.isEmpty else { continue }
                            levelsOut[customer] = tally.scan(events.slice(range), with: &scanner)
                        }
                        tallies[index] = tally
                    }
                }
            }
        }
        return (partials.compactMap { $0 }, levels)
    }

    /// What one worker found in its share of the customers.
    struct RangeTally: Sendable {
        /// Customers with at least one event in the range.
        var customersWithEvents = 0
        /// Customers with events per level, 0...stageCount.
        var customersPerLevel: [Int]
        /// Per pair of consecutive stages, one duration per customer who reached the later one.
        var durations: [[Int64]]
        /// The earliest and latest funnel event, in milliseconds since 1970 (while there are none,
        /// `Int64.max` and `Int64.min`).
        var earliest = Int64.max
        var latest = Int64.min

        init(stageCount: Int) {
            customersPerLevel = [Int](repeating: 0, count: stageCount + 1)
            durations = [[Int64]](repeating: [], count: stageCount - 1)
        }

        /// Sorts and scans one customer's events, counts their level and durations, and returns the level.
        mutating func scan<Event: ScannedEvent>(
            _ events: UnsafeMutableBufferPointer<Event>,
            with scanner: inout CustomerFunnelScanner
        ) -> UInt8 {
            CustomerEvents.sortCustomer(events)
            let level = scanner.scan(events)
            // Sorted by time: the customer's first and last events bound theirs.
            if let first = events.first, let last = events.last {
                earliest = min(earliest, first.time)
                latest = max(latest, last.time)
            }
            customersWithEvents += 1
            customersPerLevel[level] += 1
            if level > 1 {
                let times = scanner.completionTimes
                for pair in 0..<(level - 1) {
                    durations[pair].append(times[pair + 1] - times[pair])
                }
            }
            return UInt8(level)
        }

        /// Adds another worker's counts (not its durations, which `compute` joins per pair).
        mutating func addCounts(_ other: RangeTally) {
            customersWithEvents += other.customersWithEvents
            earliest = min(earliest, other.earliest)
            latest = max(latest, other.latest)
            for level in customersPerLevel.indices {
                customersPerLevel[level] += other.customersPerLevel[level]
            }
        }
    }

    /// Consecutive ranges of `customers` customers covering them all, about `parts` of them with
    /// about the same number of events each; `eventsBefore(c)` counts the events of the
    /// customers before c (0...`customers`, never decreasing).
    static func splitCustomers(_ customers: Int, into parts: Int, eventsBefore: (Int) -> Int) -> [Range<Int>] {
        guard parts > 1, customers > 1 else { return [0..<customers] }
        let total = eventsBefore(customers)
        var ranges: [Range<Int>] = []
        var lower = 0
        for part in 1..<parts {
            let target = total / parts * part
            // The first customer whose events start at or after the target.
            var low = lower
            var high = customers
            while low < high {
                let middle = (low + high) / 2
                if eventsBefore(middle) < target { low = middle + 1 } else { high = middle }
            }
            if low > lower {
                ranges.append(lower..<low)
                lower = low
            }
        }
        ranges.append(lower..<customers)
        return ranges
    }
}
