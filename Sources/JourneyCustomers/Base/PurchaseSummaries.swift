import Dispatch
import Foundation
public import JourneyEvents
public import JourneyLanguage
import Synchronization

/// Every customer of a purchase log summed up at an as-of date (`PurchaseSummary`), with the
/// log's first and last purchase days.
///
/// Made from an `EventLog` read with no event column, one batch of events at a time: the whole
/// log when its events are in memory, else one spilled partition of customers after another. So
/// memory holds the customers' summaries and one batch, never every purchase day: it grows with
/// the customers, not with the rows (bench/README.md, "journey customers").
public struct PurchaseSummaries: Sendable {
    /// The customer ids, indexed like `summaries`: the log's, in order of first appearance.
    public var customers: [String]
    /// Each customer's summary at the as-of date.
    public var summaries: [PurchaseSummary]
    /// The first and last purchase days of the whole log, in days since 1970-01-01, whatever
    /// the as-of date; nil when the log has no purchase.
    public var firstDay: Int?
    public var lastDay: Int?

    /// Summarizes `log`'s purchases at `asOf` (days since 1970-01-01; nil for the log's last
    /// purchase day), counting purchases after it up to `backtestEnd` as bought later.
    ///
    /// Spilled partitions are shared out among `workers` threads (2 by default, the project
    /// machine's cores); events in memory are summed up on the caller's thread.
    ///
    /// Throws when events spilled to a temporary file cannot be read back.
    public init(log: EventLog, asOf: Int?, backtestEnd: Int?, workers: Int = 2) throws(FileError) {
        customers = Array(log.customers)
        summaries = Array(repeating: .noPurchase, count: log.customers.count)
        // Without an as-of date every purchase is on or before it: the last day is found on the way.
        let asOf = asOf ?? .max
        guard let spilled = log.spilledEvents else {
            var grouping = DayGrouping(customerCount: log.customers.count, asOf: asOf, backtestEnd: backtestEnd)
            grouping.summarize(log.eventRuns.joined(), into: &summaries)
            (firstDay, lastDay) = (grouping.firstDay, grouping.lastDay)
            return
        }
        // Spilled: each worker sums up every `workers`th partition on a thread of its own.
        let results = WorkerResults(count: max(1, workers))
        let count = log.customers.count
        let finished = DispatchGroup()
        for worker in 0..<results.count {
            finished.enter()
            Thread {
                results.store(
                    Result { () throws(FileError) -> WorkerSummaries in
                        var grouping = DayGrouping(customerCount: count, asOf: asOf, backtestEnd: backtestEnd)
                        var output = WorkerSummaries()
                        for partition in stride(from: worker, to: SpilledEvents.partitionCount, by: results.count) {
                            grouping.summarize(try spilled.events(inPartition: partition), into: &output)
                        }
                        (output.firstDay, output.lastDay) = (grouping.firstDay, grouping.lastDay)
                        return output
                    }, of: worker)
                finished.leave()
            }
            .start()
        }
        finished.wait()
        for result in results.taken() {
            let output = try result.get()
            for (customer, summary) in zip(output.customers, output.summaries) {
                summaries[Int(customer)] = summary
            }
            if let day = output.firstDay, firstDay.map({ day < $0 }) ?? true { firstDay = day }
            if let day = output.lastDay, lastDay.map({ day > $0 }) ?? true { lastDay = day }
        }
    }
}

/// The summaries one worker made, by customer number, with the purchase days it saw first and last.
struct WorkerSummaries: Sendable {
    var customers: [Int32] = []
    var summaries: [PurchaseSummary] = []
    var firstDay: Int?
    var lastDay: Int?
}

/// Where the workers leave their summaries, each in its own place.
private final class WorkerResults: Sendable {
    let count: Int
    private let results: Mutex<[Result<WorkerSummaries, FileError>?]>

    init(count: Int) {
        self.count = count
        results = Mutex(Array(repeating: nil, count: count))
    }

    func store(_ result: Result<WorkerSummaries, FileError>, of worker: Int) {
        results.withLock { $0[worker] = result }
    }

    /// Every worker's result, once all have stored theirs.
    func taken() -> [Result<WorkerSummaries, FileError>] {
        results.withLock { $0.map { $0! } }
    }
}

/// Where `DayGrouping` puts each customer's summary.
protocol SummaryOutput {
    mutating func put(_ summary: PurchaseSummary, of customer: Int32)
}

extension Array: SummaryOutput where Element == PurchaseSummary {
    mutating func put(_ summary: PurchaseSummary, of customer: Int32) { self[Int(customer)] = summary }
}

extension WorkerSummaries: SummaryOutput {
    mutating func put(_ summary: PurchaseSummary, of customer: Int32) {
        customers.append(customer)
        summaries.append(summary)
    }
}

/// Groups a batch of purchase events by customer, a counting sort on the customer, and sums up
/// each customer's days; its buffers are reused from one batch to the next.
///
/// The loops work on local arrays, moved out of the struct for the batch, and each customer's
/// gaps are written over their days: with stored arrays, a separate array of gaps and sorting
/// the gaps, summing up the benchmark's 1 M purchases took 285 M instructions, and now 241 M
/// (callgrind).
struct DayGrouping {
    let asOf: Int
    let backtestEnd: Int?
    /// The first and last purchase days seen so far.
    var firstDay: Int?
    var lastDay: Int?
    /// For every customer of the log, their place in the current batch plus one.
    ///
    /// 0 when they have no event in it; set back to 0 after each batch.
    private var slotOfCustomer: [Int32]
    /// The customers of the current batch, in order of first event.
    private var members: [Int32] = []
    /// Where each member's days end in `days`, once they are placed; one more than the members.
    private var ends: [Int] = []
    /// The batch's days, grouped by member.
    private var days: [Int32] = []

    init(customerCount: Int, asOf: Int, backtestEnd: Int?) {
        self.asOf = asOf
        self.backtestEnd = backtestEnd
        slotOfCustomer = Array(repeating: 0, count: customerCount)
    }

    /// Sums up the customers of `events` into their places of `summaries`.
    ///
    /// A customer's events must all be in the same batch.
    mutating func summarize(_ events: some Collection<FunnelEvent>, into summaries: inout some SummaryOutput) {
        guard !events.isEmpty else { return }
        var slotOfCustomer: [Int32] = []
        var members: [Int32] = []
        var ends: [Int] = []
        var days: [Int32] = []
        swap(&slotOfCustomer, &self.slotOfCustomer)
        swap(&members, &self.members)
        swap(&ends, &self.ends)
        swap(&days, &self.days)
        defer {
            swap(&slotOfCustomer, &self.slotOfCustomer)
            swap(&members, &self.members)
            swap(&ends, &self.ends)
            swap(&days, &self.days)
        }
        members.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        // Members and their counts of days.
        for event in events {
            let customer = Int(event.customer)
            var slot = Int(slotOfCustomer[customer])
            if slot == 0 {
                members.append(event.customer)
                ends.append(0)
                slot = members.count
                slotOfCustomer[customer] = Int32(slot)
            }
            ends[slot - 1] += 1
        }
        // Counts to where each member's days start, then each day to its member's next place,
        // which leaves every member's end where the next member starts.
        var total = 0
        for index in ends.indices {
            let count = ends[index]
            ends[index] = total
            total += count
        }
        if days.count < total { days = Array(repeating: 0, count: total) }
        for event in events {
            let slot = Int(slotOfCustomer[Int(event.customer)]) - 1
            days[ends[slot]] = Int32(truncatingIfNeeded: CustomerHistory.day(ofMilliseconds: event.time))
            ends[slot] += 1
        }
        var start = 0
        for (slot, customer) in members.enumerated() {
            let end = ends[slot]
            summaries.put(summary(of: &days, start..<end), of: customer)
            slotOfCustomer[Int(customer)] = 0
            start = end
        }
    }

    /// The summary of one customer's `days[range]`, which it sorts and then overwrites.
    private mutating func summary(of days: inout [Int32], _ range: Range<Int>) -> PurchaseSummary {
        if range.count <= 32 { insertionSort(&days, range) } else { days[range].sort() }
        let first = Int(days[range.lowerBound])
        let last = Int(days[range.upperBound - 1])
        if firstDay.map({ first < $0 }) ?? true { firstDay = first }
        if lastDay.map({ last > $0 }) ?? true { lastDay = last }
        // Distinct days up to the as-of date, each gap written over the days already read (so
        // the day before is kept aside); then the distinct days after it, to the backtest's end.
        var purchaseDays = 0
        var laterPurchaseDays = 0
        var lastPurchase: Int32 = 0
        var previous = Int32.min
        var gapsEnd = range.lowerBound
        for index in range {
            let day = days[index]
            if day == previous { continue }
            previous = day
            guard Int(day) <= asOf else {
                guard let backtestEnd, Int(day) <= backtestEnd else { break }
                laterPurchaseDays += 1
                continue
            }
            if purchaseDays > 0 {
                days[gapsEnd] = day - lastPurchase
                gapsEnd += 1
            }
            purchaseDays += 1
            lastPurchase = day
        }
        return PurchaseSummary(
            purchaseDays: purchaseDays, firstDay: purchaseDays > 0 ? first : nil,
            lastDay: purchaseDays > 0 ? Int(lastPurchase) : nil,
            ownGap: median(of: &days, in: range.lowerBound..<gapsEnd), laterPurchaseDays: laterPurchaseDays)
    }
}
