import JourneyLanguage

/// Reads the partitions of a spilled log (`SpilledEvents`) back for one funnel worker, a group
/// of customers at a time, within the memory limit the log was spilled under.
///
/// A partition whose events fit the worker's share of the limit (`groupLimit` events) is read
/// whole, in one group. A larger one (a log of more than about a thousand times the limit, or
/// a few customers with very many events) is first counted a block at a time, then read once
/// per group of consecutive customers whose events fit, keeping only theirs. A customer with
/// more events than the share is a group alone; one with more than the whole limit holds
/// (`customerLimit`) is `FunnelError.customerOutgrowsMemory`, since a customer's events are
/// scanned together. The buffers are kept from one partition to the next.
struct SpilledPartitionReader {
    /// Events read back from a large partition at a time, 1 MiB of them.
    static let blockEvents = 1 << 16

    let spilled: SpilledEvents
    /// Customer c's place in its partition.
    let placeInPartition: [Int32]
    /// The customer at each place: partition p's customers are `customerAt[first..<end]`.
    let customerAt: [Int32]
    let customerIDs: PackedStrings
    /// The events a group may hold: nil when the log has no memory limit.
    let groupLimit: Int?
    /// The events one customer may have: nil when the log has no memory limit.
    let customerLimit: Int?

    /// The events of the group read last.
    private(set) var events: [FunnelEvent] = []
    private var block: [FunnelEvent] = []
    private var counts: [Int] = []

    /// A reader for workers that share the log's memory limit `workers` ways.
    init(
        spilled: SpilledEvents, placeInPartition: [Int32], customerAt: [Int32], customerIDs: PackedStrings,
        workers: Int
    ) {
        self.spilled = spilled
        self.placeInPartition = placeInPartition
        self.customerAt = customerAt
        self.customerIDs = customerIDs
        let share = spilled.memoryLimit.map { $0 / max(1, workers) }
        groupLimit = share.map { max(1, $0 / FunnelEngine.bytesPerEventReadBack) }
        customerLimit = spilled.memoryLimit.map { max(1, $0 / FunnelEngine.bytesPerEventReadBack) }
    }

    /// The places of `partition`'s `memberCount` customers (whose first is `customerAt[first]`)
    /// in consecutive groups whose events fit `groupLimit`.
    mutating func groups(of partition: Int, first: Int, memberCount: Int) throws(FunnelError) -> [Range<Int>] {
        guard let groupLimit, let customerLimit, spilled.count(of: partition) > groupLimit else {
            return [0..<memberCount]
        }
        var counts = [Int](repeating: 0, count: memberCount)
        let places = placeInPartition
        try readBlocks(of: partition) { block in
            for event in block { counts[Int(places[Int(event.customer)])] += 1 }
        }
        self.counts = counts
        var groups: [Range<Int>] = []
        var lower = 0
        var held = 0
        for place in 0..<memberCount {
            let count = counts[place]
            if count > customerLimit {
                let customer = Int(customerAt[first + place])
                throw .customerOutgrowsMemory(
                    customer: customerIDs[customer], events: count, memoryLimit: spilled.memoryLimit ?? 0)
            }
            if held + count > groupLimit && place > lower {
                groups.append(lower..<place)
                (lower, held) = (place, 0)
            }
            held += count
        }
        groups.append(lower..<memberCount)
        return groups
    }

    /// Reads the events of the customers at `places` of `partition` into `events`: the whole
    /// partition when `places` are all of its `memberCount` customers.
    mutating func read(_ places: Range<Int>, of partition: Int, memberCount: Int) throws(FunnelError) {
        events.removeAll(keepingCapacity: true)
        if places == 0..<memberCount {
            do throws(FileError) {
                try spilled.read(partition: partition, into: &events)
            } catch {
                throw .spill(error)
            }
            return
        }
        events.reserveCapacity(places.reduce(0) { $0 + counts[$1] })
        var kept = events
        events = []
        defer { events = kept }
        let placeOf = placeInPartition
        try readBlocks(of: partition) { block in
            for event in block where places.contains(Int(placeOf[Int(event.customer)])) {
                kept.append(event)
            }
        }
    }

    /// Calls `body` with each block of `partition`'s events.
    private mutating func readBlocks(
        of partition: Int, _ body: (UnsafeMutableBufferPointer<FunnelEvent>) -> Void
    ) throws(FunnelError) {
        if block.isEmpty {
            block = [FunnelEvent](
                repeating: FunnelEvent(customer: 0, stage: 0, time: 0),
                count: min(Self.blockEvents, groupLimit ?? Self.blockEvents))
        }
        do throws(FileError) {
            try spilled.forEachBlock(of: partition, in: &block, body)
        } catch {
            throw .spill(error)
        }
    }
}
