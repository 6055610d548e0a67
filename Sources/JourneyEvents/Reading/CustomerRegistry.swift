import Glibc

/// The customers of an event log, interned by the bytes of their ids, and the funnel events
/// still waiting for their customer's number.
///
/// A row's customer is not looked up as the row is read: its event waits in a batch of
/// `batchSize`, and `internPendingEvents` looks the whole batch up at once (see there why).
/// Customers are numbered in order of first appearance in a row that marks a stage.
struct CustomerRegistry: ~Copyable {
    /// The customers interned while reading, by their id's bytes.
    var table: ByteKeyTable
    /// Events whose customer is still to be looked up, in file order.
    private var pending: [PendingEvent] = []
    /// Where the loads that warm the cache for a batch go, so that they are not optimised away.
    private var touched: UInt64 = 0

    /// An event read from the buffer whose customer id is still to be interned.
    struct PendingEvent {
        /// The customer id's bytes in the buffer being parsed.
        var start: Int
        var length: Int
        /// The id's hash, unless `repeatsPrevious`.
        var hash: UInt64
        /// Whether the id is the previous pending event's, so that it needs no look-up; never
        /// for the first event of a batch of `batchSize`.
        var repeatsPrevious: Bool
        var stage: Int32
        var time: Int64
    }

    /// The number of events looked up together; enough loads in flight to hide memory's latency.
    static let batchSize = 256

    /// An empty registry sized for `expectedCount` customers without growing, with room for
    /// `reservedCount` (see `ByteKeyTable.init(expectedCount:reservedCount:)`).
    init(expectedCount: Int, reservedCount: Int = 0) {
        table = ByteKeyTable(expectedCount: expectedCount, reservedCount: reservedCount)
    }

    /// Whether some events wait for their customer.
    var hasPendingEvents: Bool { !pending.isEmpty }

    /// Adds an event whose customer id is the `length` bytes at `start` in the buffer at `p`,
    /// which must stay as it is until `internPendingEvents`; true when a batch is full.
    ///
    /// The events may go on past a batch, for `takePendingEvents`: each batch of `batchSize`
    /// then starts with an event that does not repeat the previous one.
    @inline(__always)
    mutating func addPendingEvent(_ p: UnsafePointer<UInt8>, start: Int, length: Int, stage: Int32, time: Int64) -> Bool
    {
        var hash: UInt64 = 0
        var repeatsPrevious = false
        if pending.count & (Self.batchSize - 1) != 0, let previous = pending.last, previous.length == length,
            memcmp(p + previous.start, p + start, length) == 0
        {
            repeatsPrevious = true
        } else {
            hash = ByteKeyTable.hash(p + start, length)
        }
        pending.append(
            PendingEvent(
                start: start, length: length, hash: hash,
                repeatsPrevious: repeatsPrevious, stage: stage, time: time))
        return pending.count & (Self.batchSize - 1) == 0
    }

    /// Swaps the pending events with `other`, an empty array that keeps its capacity: the
    /// events of a chunk then go to another thread to be interned (`internEvents`).
    mutating func takePendingEvents(into other: inout [PendingEvent]) {
        swap(&pending, &other)
    }

    /// Interns the customers of the pending events, whose ids are in the buffer at `p`, and
    /// appends the events to `events`, in file order.
    ///
    /// Two passes over the batch: load the slot each look-up starts at, then intern. The
    /// loads of the first pass are independent, so the memory system fetches them together
    /// (see `ByteKeyTable`). On 10 M rows of 2 M customers, interning row by row as rows are
    /// parsed read 1.8 times as slowly, and batches without the first pass 1.15 times.
    mutating func internPendingEvents(_ p: UnsafePointer<UInt8>, appendingTo events: inout [FunnelEvent]) {
        pending.withUnsafeBufferPointer { internEvents($0, in: p, appendingTo: &events) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Interns the customers of `batch`, pending events whose ids are in the buffer at `p`, as
    /// `internPendingEvents` does, and appends the events to `events`, in order.
    ///
    /// The batch holds at most `batchSize` events and its first does not repeat the previous one.
    mutating func internEvents(
        _ batch: UnsafeBufferPointer<PendingEvent>, in p: UnsafePointer<UInt8>, appendingTo events: inout [FunnelEvent]
    ) {
        var touched = self.touched
        for event in batch where !event.repeatsPrevious { touched &+= table.touch(event.hash) }
        for event in batch where !event.repeatsPrevious { touched &+= table.touchRecord(event.hash) }
        self.touched = touched
        var customer: Int32 = -1
        for event in batch {
            // The first event of a batch never repeats the previous one.
            if !event.repeatsPrevious {
                customer = table.intern(p + event.start, length: event.length, hash: event.hash)
            }
            events.append(FunnelEvent(customer: customer, stage: event.stage, time: event.time))
        }
    }

    /// The number of the customer whose id is `id`, interning it when it is new.
    ///
    /// Pending events must have been interned first, to keep the order of first appearance.
    mutating func intern(_ id: UnsafeBufferPointer<UInt8>) -> Int32 {
        table.intern(id.baseAddress!, length: id.count)
    }

    /// Adds the customers of `other` (the input's later pieces, see `SecondHalf`) that are not
    /// here, and returns the number here of each of `other`'s customers; this registry's slots
    /// are released (`ByteKeyTable.releaseSlots`): it can look up or intern no more.
    ///
    /// A customer found in `table` keeps its number, the others get the next numbers in order
    /// of first appearance, without a merged table (interning the second half's 1 M customers
    /// into the first's took 170 ms of a 1.0 s read, most of it growing the table; looking them
    /// up takes 40 ms): first as they come in `events[runs[0]]`, `events[runs[1]]`, … (the
    /// events of the pieces `other` read after its first, which are before it in the file), then
    /// in the order of `other`'s table, their order of first appearance in its first piece.
    /// Their ids go after the table's, in the room reserved for them, not to a list of their own
    /// that would be copied after the table's once more (40 ms on one core at 10 M rows).
    mutating func merge(_ other: borrowing CustomerRegistry, firstSeenIn events: [FunnelEvent], runs: [Range<Int>])
        -> [Int32]
    {
        var mapping = table.indices(of: other.table)
        table.releaseSlots()
        var next = Int32(table.count)
        for run in runs {
            for event in events[run] where mapping[Int(event.customer)] < 0 {
                mapping[Int(event.customer)] = next
                next += 1
                other.table.withKey(Int(event.customer)) { table.appendKey($0) }
            }
        }
        for index in mapping.indices where mapping[index] < 0 {
            mapping[index] = next
            next += 1
            other.table.withKey(index) { table.appendKey($0) }
        }
        return mapping
    }

    /// The customer ids, in the order of their numbers, taken out of the registry.
    mutating func takeIDs() -> PackedStrings {
        table.takeKeys()
    }
}
