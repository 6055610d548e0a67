import Foundation

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
    /// - Parameters:
    ///   - log: the events; each event's customer must index `log.customers` and its stage must
    ///     be below `stageCount` (a violation stops the program: the reader guarantees both).
    ///   - stageCount: from 1 to 255.
    ///   - window: how long after a chain's stage-1 event its later stages still count.
    ///   - mode: how the stages must follow each other.
    ///   - workers: how many threads group and scan the events; nil for one per active processor.
    public static func compute(log: EventLog, stageCount: Int, window: ConversionWindow = .default,
                               mode: FunnelMode = .ordered, workers: Int? = nil) -> FunnelResult {
        precondition((1...255).contains(stageCount), "a funnel has 1 to 255 stages, not \(stageCount)")
        let customers = log.customers.count
        let requested = workers ?? ProcessInfo.processInfo.activeProcessorCount
        let workerCount = log.events.count < parallelThreshold ? 1 : max(1, min(requested, customers))
        var grouped = CustomerEvents(log: log, stageCount: stageCount, workers: workerCount)
        let offsets = grouped.offsets
        let ranges = splitCustomers(offsets: offsets, into: workerCount)

        var levels = [UInt8](repeating: 0, count: customers)
        var partials = [RangeTally?](repeating: nil, count: ranges.count)
        grouped.events.withUnsafeMutableBufferPointer { eventBuffer in
            levels.withUnsafeMutableBufferPointer { levelBuffer in
                partials.withUnsafeMutableBufferPointer { partialBuffer in
                    let events = SharedBuffer(eventBuffer)
                    let levelsOut = SharedBuffer(levelBuffer)
                    let tallies = SharedBuffer(partialBuffer)
                    ParallelWork.run(ranges.count) { index in
                        tallies[index] = tally(customers: ranges[index], offsets: offsets, events: events,
                                               levels: levelsOut, stageCount: stageCount, window: window, mode: mode)
                    }
                }
            }
        }

        var customersPerLevel = [Int](repeating: 0, count: stageCount + 1)
        var durations = [[Int64]](repeating: [], count: stageCount - 1)
        var customersWithEvents = 0
        for partial in partials {
            guard let partial else { continue }
            customersWithEvents += partial.customersWithEvents
            for level in 0...stageCount {
                customersPerLevel[level] += partial.customersPerLevel[level]
            }
            for pair in durations.indices {
                durations[pair].append(contentsOf: partial.durations[pair])
            }
        }
        customersPerLevel[0] += customers - customersWithEvents
        var reach = [Int](repeating: 0, count: stageCount)
        var atLeast = 0
        for level in stride(from: stageCount, through: 1, by: -1) {
            atLeast += customersPerLevel[level]
            reach[level - 1] = atLeast
        }
        var conversionTimes: [ConversionTimeStatistics] = []
        for pair in durations.indices {
            conversionTimes.append(ConversionTimeStatistics(reordering: &durations[pair]))
        }
        return FunnelResult(stageCount: stageCount, mode: mode, window: window, customers: customers,
                            customersWithEvents: customersWithEvents, events: log.events.count,
                            customersPerLevel: customersPerLevel, reach: reach,
                            conversionTimes: conversionTimes, customerLevels: levels)
    }

    /// What one worker found in its range of customers.
    struct RangeTally: Sendable {
        /// Customers with at least one event in the range.
        var customersWithEvents = 0
        /// Customers with events per level, 0...stageCount.
        var customersPerLevel: [Int]
        /// Per pair of consecutive stages, one duration per customer who reached the later one.
        var durations: [[Int64]]
    }

    /// Consecutive ranges of customers covering them all, about `parts` of them with about the
    /// same number of events each.
    static func splitCustomers(offsets: [Int], into parts: Int) -> [Range<Int>] {
        let customers = offsets.count - 1
        guard parts > 1, customers > 1 else { return [0..<customers] }
        let total = offsets[customers]
        var ranges: [Range<Int>] = []
        var lower = 0
        for part in 1..<parts {
            let target = total / parts * part
            // The first customer whose events start at or after the target.
            var low = lower, high = customers
            while low < high {
                let middle = (low + high) / 2
                if offsets[middle] < target { low = middle + 1 } else { high = middle }
            }
            if low > lower {
                ranges.append(lower..<low)
                lower = low
            }
        }
        ranges.append(lower..<customers)
        return ranges
    }

    /// Sorts and scans customers `range`, writing their levels and tallying counts and durations.
    static func tally(customers range: Range<Int>, offsets: [Int], events: SharedBuffer<CustomerEvents.Event>,
                      levels: SharedBuffer<UInt8>, stageCount: Int, window: ConversionWindow,
                      mode: FunnelMode) -> RangeTally {
        var scanner = CustomerFunnelScanner(stageCount: stageCount, window: window, mode: mode)
        var perLevel = [Int](repeating: 0, count: stageCount + 1)
        var durations = [[Int64]](repeating: [], count: stageCount - 1)
        var withEvents = 0
        for customer in range {
            let lower = offsets[customer], upper = offsets[customer + 1]
            guard upper > lower else { continue }
            withEvents += 1
            let slice = events.slice(lower..<upper)
            CustomerEvents.sortCustomer(slice)
            let level = scanner.scan(slice)
            levels[customer] = UInt8(level)
            perLevel[level] += 1
            if level > 1 {
                let times = scanner.completionTimes
                for pair in 0..<(level - 1) {
                    durations[pair].append(times[pair + 1] - times[pair])
                }
            }
        }
        return RangeTally(customersWithEvents: withEvents, customersPerLevel: perLevel, durations: durations)
    }
}
