extension EventRowParser {
    /// Interns the customers of `pending`, the events of a chunk whose bytes are at `p` that a
    /// parser with `internsLater` left, appends the events and spills them past the limit.
    mutating func internEvents(_ pending: [CustomerRegistry.PendingEvent], in p: UnsafePointer<UInt8>) {
        pending.withUnsafeBufferPointer { pending in
            var start = 0
            while start < pending.count {
                // Batches as `addPendingEvent` counts them: each starts with an event to look up.
                let end = min(start + CustomerRegistry.batchSize, pending.count)
                customers.internEvents(UnsafeBufferPointer(rebasing: pending[start..<end]), in: p, appendingTo: &events)
                spill.spillIfFull(&events, customers: customers.table)
                start = end
            }
        }
    }

    /// Takes the customers, events and spilled events of `other`, the parser that interned this
    /// one's events on another thread, in place of this one's, which are unused.
    mutating func takeInterned(from other: inout EventRowParser) {
        swap(&customers, &other.customers)
        swap(&events, &other.events)
        swap(&spill, &other.spill)
    }
}
