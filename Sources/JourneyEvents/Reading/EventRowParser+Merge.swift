extension EventRowParser {
    /// Appends the rows of `second`, the parser of the input's second half, to this one's.
    ///
    /// Its customers are looked up in this half's table (`CustomerRegistry.merge`), so all stay
    /// in order of first appearance. Its events follow this half's with their customers'
    /// numbers here, or, when either half spilled, both halves' events go to their own files.
    /// Its lines, counted from 1, are shifted past this half's.
    mutating func merge(_ second: consuming EventRowParser) {
        let spilling = spill.file != nil || second.spill.file != nil
        if spilling {
            spill.assignPartitions(customers.table)
            second.spill.assignPartitions(second.customers.table)
        }
        let firstNew = Int32(customers.table.count + customers.afterTable.count)
        let mapping = customers.merge(second.customers)
        // Nothing is looked up any more: free the slots before the events are copied.
        customers.table.releaseSlots()
        second.customers.table.releaseSlots()
        if spilling {
            // Each half's events go to its own file; the second's keep its customer numbers,
            // mapped to the log's when they are read back.
            spill.spill(&events, customers: customers.table)
            second.spill.spill(&second.events, customers: second.customers.table)
            spill.merge(second.spill, mapping: mapping, firstNew: firstNew)
        } else {
            var secondEvents = second.events
            second.events = []
            secondEvents.withUnsafeMutableBufferPointer { secondEvents in
                for i in secondEvents.indices { secondEvents[i].customer = mapping[Int(secondEvents[i].customer)] }
            }
            events.append(contentsOf: secondEvents)
        }
        problems.merge(second.problems, lineShift: line - 1)
        rows += second.rows
        ignoredEvents += second.ignoredEvents
        line += second.line - 1
    }
}
