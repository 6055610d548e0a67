import JourneyLanguage

extension EventRowParser {
    /// Appends the rows of `second`, the parser of the input's later pieces, to this one's.
    ///
    /// Its customers are looked up in this half's table (`CustomerRegistry.merge`), so all stay
    /// in order of first appearance. Its events become `laterEvents`, with their customers'
    /// numbers here, and `laterRuns` a run for each of its pieces in file order; or, when
    /// either half spilled (then `second` read one piece), both halves' events go to their own
    /// files. Its lines, counted from 1 in each piece, are shifted past those before.
    mutating func merge(_ second: consuming EventRowParser) {
        let spilling = spill.file != nil || second.spill.file != nil
        let pieces = second.piecesInFileOrder
        precondition(!pieces.isEmpty, "the second thread closes each piece it reads")
        precondition(!spilling || pieces.count == 1, "a parser that spilled read one piece")
        if spilling {
            spill.assignPartitions(customers.table)
            second.spill.assignPartitions(second.customers.table)
        }
        // Customers new here are numbered in order of first appearance: as they come in the
        // events of the pieces the second thread read after its first (which are before it in
        // the file), then in the order of its table.
        let mapping = customers.merge(
            second.customers, firstSeenIn: second.events, runs: pieces.dropLast().map(\.events))
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
            laterRuns = pieces.map(\.events)
        }
        for piece in pieces {
            problems.merge(piece.problems, lineShift: line - 1)
            line += piece.lines
        }
        rows += second.rows
        ignoredEvents += second.ignoredEvents
        mergedNameCounts.add(second.eventNameCounts)
    }

    /// Gives each event of `events` its customer's number in `mapping`, on two threads.
    private static func renumber(_ events: inout [FunnelEvent], mapping: [Int32]) {
        let parts = events.count < 1 << 16 ? 1 : 2
        mapping.withUnsafeBufferPointer { mappingBuffer in
            let mapping = SharedBuffer(UnsafeMutableBufferPointer(mutating: mappingBuffer))
            events.withUnsafeMutableBufferPointer { eventBuffer in
                let events = SharedBuffer(eventBuffer)
                ParallelWork.run(parts) { part in
                    for index in ParallelWork.share(part, of: parts, total: events.count) {
                        events[index].customer = mapping[Int(events[index].customer)]
                    }
                }
            }
        }
    }
}
