import JourneyLanguage

/// When the funnel events of one reading thread leave memory for a temporary file, and the
/// file they go to.
///
/// Events gather in memory until there are `threshold` of them; the batch is then written to
/// an `EventSpillWriter`, grouped by customer partition (`SpilledEvents`), and memory holds the
/// next batch. Once some events are spilled, all are: the funnel then reads them partition by
/// partition. A failure to write is kept in `failure`, and the events then stay in memory.
struct EventSpillPolicy {
    /// Once the events in memory are this many, they are moved to `file` (nil: they all stay
    /// in memory).
    var threshold: Int?
    /// The folder of the temporary file `file`.
    var directory = EventLog.temporaryDirectory
    /// The events spilled so far, created with the first batch.
    var file: EventSpillWriter?
    /// The partition of each customer of the table (see `SpilledEvents`), for the customers
    /// spilled so far.
    var partitions: [UInt16] = []
    /// Why spilling failed: the reader stops at the end of the buffer being parsed.
    var failure: FileError?
    /// The spilled events of a second half merged into this one, with its customers' numbers here.
    var mergedFiles: [(file: EventSpillWriter, customers: [Int32]?)] = []

    /// The events a thread keeps before spilling them, when `memoryLimit` bytes are shared by
    /// `threads` threads, each holding a batch and the room to sort it (16 bytes an event each).
    static func threshold(memoryLimit: Int, threads: Int) -> Int {
        max(1, memoryLimit / (threads * 2 * MemoryLayout<FunnelEvent>.stride))
    }

    /// The room to reserve for events: as many as `expected`, but no more than a batch (and the
    /// pending look-ups that may follow it) when they are spilled past `threshold`.
    static func reservedEvents(expected: Int, threshold: Int?) -> Int {
        guard let threshold else { return expected }
        return min(expected, threshold + CustomerRegistry.batchSize)
    }

    /// Whether some events went to a temporary file and none failed to.
    var hasSpilled: Bool { file != nil && failure == nil }

    /// Spills `events` when they have reached the threshold.
    @inline(__always)
    mutating func spillIfFull(_ events: inout [FunnelEvent], customers: borrowing ByteKeyTable) {
        if let threshold, events.count >= threshold { spill(&events, customers: customers) }
    }

    /// Moves `events` to the temporary file `file`, creating it first if needed.
    ///
    /// A failure is kept in `failure`, and the events then stay in memory.
    mutating func spill(_ events: inout [FunnelEvent], customers: borrowing ByteKeyTable) {
        guard failure == nil else { return }
        do throws(FileError) {
            let file: EventSpillWriter
            if let existing = self.file {
                file = existing
            } else {
                file = try EventSpillWriter(directory: directory, partitionCount: SpilledEvents.partitionCount)
                self.file = file
            }
            assignPartitions(customers)
            try file.append(events, partitions: partitions)
            events.removeAll(keepingCapacity: true)
        } catch {
            failure = error
            threshold = nil
        }
    }

    /// Gives every customer interned so far in `customers` its partition.
    mutating func assignPartitions(_ customers: borrowing ByteKeyTable) {
        while partitions.count < customers.count {
            partitions.append(customers.withKey(partitions.count) { SpilledEvents.partition(of: $0) })
        }
    }

    /// Takes in the spilled events of a later half of the input, whose customers' numbers here
    /// are `mapping`.
    ///
    /// The customers it added are in this half's table, after its own
    /// (`CustomerRegistry.merge`): their partitions are assigned with the others'.
    mutating func merge(_ other: consuming EventSpillPolicy, mapping: [Int32]) {
        if let failure = other.failure, self.failure == nil { self.failure = failure }
        if let file = other.file { mergedFiles.append((file, mapping)) }
    }

    /// The spilled events, every batch written, for the customers of `customers`, to be read
    /// back within `memoryLimit` bytes; nil when nothing was spilled or spilling failed.
    mutating func spilledEvents(customers: borrowing ByteKeyTable, memoryLimit: Int?) -> SpilledEvents? {
        guard let file, failure == nil else { return nil }
        assignPartitions(customers)
        return SpilledEvents(
            parts: [(file, nil)] + mergedFiles, partitionOfCustomer: partitions, memoryLimit: memoryLimit)
    }
}
