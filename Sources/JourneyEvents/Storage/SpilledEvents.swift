import Foundation
import JourneyLanguage

/// The funnel events of an `EventLog` kept in temporary files instead of memory, grouped by a
/// partition of the customers, so that the funnel can be computed one partition at a time.
///
/// Every customer belongs to one of `partitionCount` partitions, chosen by a hash of their id,
/// so all of a customer's events are in the same partition, and partitions have about the same
/// number of customers. `EventLogReader` spills a log whose events outgrow its
/// `eventMemoryLimit`; `EventLog.spillingEvents(directory:)` spills one held in memory.
/// The files have no name and vanish with the last reference to them.
///
/// Immutable once made, so it is `Sendable` as it stands: the funnel's workers read partitions
/// of it at once.
public final class SpilledEvents: Sendable {
    /// How many partitions the customers are split into.
    ///
    /// With 1,024, a partition holds about a thousandth of the events: 7 K of the 7 M funnel
    /// events of a 10 M-row log.
    public static let partitionCount = 1024

    /// The files, each with how its customer numbers map to the log's (nil when they are the log's).
    let parts: [(file: EventSpillFile, customers: [Int32]?)]
    /// Each customer's partition, indexed like `EventLog.customers`.
    let partitionOfCustomer: [UInt16]
    /// The number of events in the files.
    public let count: Int
    /// The memory, in bytes, the events were spilled to stay under (`EventLogReader`'s
    /// `eventMemoryLimit`), which the funnel keeps to when it reads them back: nil for none.
    ///
    /// The funnel reads a partition whole when its events take no more than this (16 bytes
    /// each), else in groups of customers that do. A customer whose events alone take more is
    /// an error (`FunnelError.customerOutgrowsMemory`): their events are scanned together.
    public let memoryLimit: Int?

    /// Finishes writing the files of `parts` and keeps them for reading.
    init(
        parts: [(file: EventSpillWriter, customers: [Int32]?)], partitionOfCustomer: [UInt16],
        memoryLimit: Int?
    ) {
        self.parts = parts.map { (file: $0.file.finishWriting(), customers: $0.customers) }
        self.partitionOfCustomer = partitionOfCustomer
        self.count = parts.reduce(0) { $0 + $1.file.count }
        self.memoryLimit = memoryLimit
    }

    /// How many events of 16 bytes `memoryLimit` holds, at least one; nil without a limit.
    var eventsInMemoryLimit: Int? {
        memoryLimit.map { max(1, $0 / MemoryLayout<FunnelEvent>.stride) }
    }

    /// The partition of the customer id whose UTF-8 bytes are `id`.
    static func partition(of id: UnsafeBufferPointer<UInt8>) -> UInt16 {
        // The table's probe uses the hash's high half: take bits from the low half.
        UInt16(truncatingIfNeeded: ByteKeyTable.hash(id) >> 8) & UInt16(partitionCount - 1)
    }

    /// The partition of customer `customer` (an index into `EventLog.customers`).
    public func partition(ofCustomer customer: Int) -> Int {
        Int(partitionOfCustomer[customer])
    }

    /// The events of `partition` (0..<`partitionCount`), read back from the files, with the
    /// log's customer numbers; in no particular order.
    public func events(inPartition partition: Int) throws(FileError) -> [FunnelEvent] {
        precondition((0..<Self.partitionCount).contains(partition), "no partition \(partition)")
        var events: [FunnelEvent] = []
        try read(partition: partition, into: &events)
        return events
    }

    /// The number of events of `partition`.
    func count(of partition: Int) -> Int {
        parts.reduce(0) { $0 + $1.file.count(of: partition) }
    }

    /// Calls `body` with the events of `partition`, with the log's customer numbers, a block of
    /// at most `scratch.count` at a time (see `EventSpillFile.forEachBlock`).
    func forEachBlock(
        of partition: Int, in scratch: inout [FunnelEvent],
        _ body: (UnsafeMutableBufferPointer<FunnelEvent>) -> Void
    ) throws(FileError) {
        for part in parts {
            try part.file.forEachBlock(of: partition, in: &scratch) { block in
                if let customers = part.customers {
                    for index in block.indices {
                        block[index].customer = customers[Int(block[index].customer)]
                    }
                }
                body(block)
            }
        }
    }

    /// Appends the events of `partition` to `events`, with the log's customer numbers.
    func read(partition: Int, into events: inout [FunnelEvent]) throws(FileError) {
        for part in parts {
            let first = events.count
            try part.file.read(partition: partition, into: &events)
            if let customers = part.customers {
                for index in first..<events.count {
                    events[index].customer = customers[Int(events[index].customer)]
                }
            }
        }
    }
}

extension EventLog {
    /// The number of funnel events, whether in memory or spilled.
    public var eventCount: Int {
        eventsInMemory + (spilledEvents?.count ?? 0)
    }

    /// The number of events in memory, in all `eventRuns`.
    var eventsInMemory: Int {
        eventRuns.reduce(0) { $0 + $1.count }
    }

    /// This log with its events moved to a temporary file in `directory`.
    ///
    /// `directory` is by default the system's temporary folder: `TMPDIR`, else /tmp. The log
    /// comes back as `EventLogReader` leaves a log whose events outgrow its memory limit. A log
    /// already spilled is returned as it is.
    ///
    /// - Parameter memoryLimit: the bytes the funnel may use for the events of a group of
    ///   customers when it reads them back (`SpilledEvents.memoryLimit`); nil for no limit.
    public func spillingEvents(directory: String? = nil, memoryLimit: Int? = nil) throws(FileError) -> EventLog {
        guard spilledEvents == nil else { return self }
        let file = try EventSpillWriter(
            directory: directory ?? EventLog.temporaryDirectory,
            partitionCount: SpilledEvents.partitionCount)
        let partitions = customers.indices.map { customers.withBytes(at: $0) { SpilledEvents.partition(of: $0) } }
        for run in eventRuns { try file.append(run, partitions: partitions) }
        var log = self
        log.events = []
        log.spilledEvents = SpilledEvents(
            parts: [(file, nil)], partitionOfCustomer: partitions, memoryLimit: memoryLimit)
        return log
    }

    /// The system's folder for temporary files: `TMPDIR` when set, else /tmp.
    static var temporaryDirectory: String {
        if let directory = ProcessInfo.processInfo.environment["TMPDIR"], !directory.isEmpty { return directory }
        return "/tmp"
    }
}
