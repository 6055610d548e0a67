import JourneyLanguage

extension EventRowParser {
    /// Appends the rows of `second`, the parser of the input's second half, to this one's.
    ///
    /// Its customers are looked up in this half's table (`CustomerRegistry.merge`), so all stay
    /// in order of first appearance. Its events become `laterEvents`, with their customers'
    /// numbers here, or, when either half spilled, both halves' events go to their own files.
    /// Its lines, counted from 1, are shifted past this half's.
    mutating func merge(_ second: consuming EventRowParser) {
        let spilling = spill.file != nil || second.spill.file != nil
        if spilling {
            spill.assignPartitions(customers.table)
            second.spill.assignPartitions(second.customers.table)
        }
        let mapping = customers.merge(second.customers)
        // Nothing is looked up any more (`merge` freed this half's slots already).
        second.customers.table.releaseSlots()
        if spilling {
            // Each half's events go to its own file; the second's keep its customer numbers,
            // mapped to the log's when they are read back.
            spill.spill(&events, customers: customers.table)
            second.spill.spill(&second.events, customers: second.customers.table)
            spill.merge(second.spill, mapping: mapping)
        } else {
            precondition(laterEvents.isEmpty, "a parser takes in one later half")
            laterEvents = second.events
            second.events = []
            Self.renumber(&laterEvents, mapping: mapping)
        }
        problems.merge(second.problems, lineShift: line - 1)
        rows += second.rows
        ignoredEvents += second.ignoredEvents
        line += second.line - 1
    }

    /// Gives each event of `events` its customer's number in `mapping`, on two threads.
    private static func renumber(_ events: inout [FunnelEvent], mapping: [Int32]) {
        let parts = events.count < 1 << 16 ? 1 : 2
        mapping.withUnsafeBufferPointer { mappingBuffer in
            let mapping = SharedBuffer(UnsafeMutableBufferPointer(mutating: mappingBuffer))
            events.withUnsafeMutableBufferPointer { eventBuffer in
                let events = SharedBuffer(eventBuffer)
                ParallelWork.run(parts) { part in
                    for index in CustomerPlaces.share(part, of: parts, total: events.count) {
                        events[index].customer = mapping[Int(events[index].customer)]
                    }
                }
            }
        }
    }
}
