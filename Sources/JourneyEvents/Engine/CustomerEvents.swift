import JourneyLanguage

/// The funnel events of a log grouped by customer into one flat array, each customer's in time order.
///
/// Grouping is the second half of a counting sort on the customer index (`CustomerPlaces`):
/// each worker copies its share of the log to the places counted for it. Customer c's events
/// are then `places.range(of: c)`, in file order; whichever worker scans a customer sorts them
/// by time, then stage (`sortCustomer`).
enum CustomerEvents {
    /// `log.events` grouped by customer on `places.parts` threads, in the layout `Event`; moves
    /// `places`' cursors on to where each customer's events end.
    static func group<Event: ScannedEvent>(
        _ log: EventLog, places: inout CustomerPlaces, as: Event.Type
    ) -> [Event] {
        let (customers, parts, total) = (places.customerCount, places.parts, places.total)
        return log.withEventRuns { source in
            places.cursors.withUnsafeMutableBufferPointer { cursorBuffer in
                let cursors = SharedBuffer(cursorBuffer)
                return [Event](unsafeUninitializedCapacity: total) { buffer, initialized in
                    if let base = buffer.baseAddress {
                        HugePages.advise(base, byteCount: buffer.count * MemoryLayout<Event>.stride)
                    }
                    let target = SharedBuffer(buffer)
                    ParallelWork.run(parts) { part in
                        let base = part * customers
                        source.forEach(in: ParallelWork.share(part, of: parts, total: total)) { event in
                            let slot = base + Int(event.customer)
                            (target.base + Int(cursors[slot])).initialize(
                                to: Event(time: event.time, stage: event.stage))
                            cursors[slot] &+= 1
                        }
                    }
                    initialized = total
                }
            }
        }
    }

    /// Groups the events of one partition of a spilled log (`SpilledEvents`) by customer.
    ///
    /// The grouping runs on the calling thread: customer c's events go to
    /// `events[offsets[i]..<offsets[i + 1]]`, where i = `places[c] - firstPlace` is c's place
    /// among the `customers` of the partition from its `firstPlace`th on (`source` holds only
    /// theirs). `events` and `offsets` are overwritten, their memory reused.
    static func group(
        _ source: [FunnelEvent], places: [Int32], firstPlace: Int = 0, customers: Int, stageCount: Int,
        into events: inout [WideEvent], offsets: inout [Int]
    ) {
        offsets.removeAll(keepingCapacity: true)
        offsets.append(contentsOf: repeatElement(0, count: customers + 1))
        for event in source {
            let customer = Int(event.customer)
            precondition(
                customer >= 0 && customer < places.count,
                "event of customer \(customer), but the log has \(places.count) customers")
            let place = Int(places[customer]) - firstPlace
            precondition(place >= 0 && place < customers, "an event of a customer outside its partition")
            precondition(
                event.stage >= 0 && Int(event.stage) < stageCount,
                "event of stage \(event.stage), but the funnel has \(stageCount) stages")
            offsets[place + 1] += 1
        }
        for place in 0..<customers { offsets[place + 1] += offsets[place] }
        events.removeAll(keepingCapacity: true)
        events.append(contentsOf: repeatElement(WideEvent(time: 0, stage: 0), count: source.count))
        var cursors = offsets
        events.withUnsafeMutableBufferPointer { target in
            for event in source {
                let place = Int(places[Int(event.customer)]) - firstPlace
                target[cursors[place]] = WideEvent(time: event.time, stage: event.stage)
                cursors[place] += 1
            }
        }
    }

    /// Sorts one customer's `events` by time, then stage: insertion sort for the usual handful.
    static func sortCustomer<Event: ScannedEvent>(_ events: UnsafeMutableBufferPointer<Event>) {
        if events.count <= 24 {
            var index = 1
            while index < events.count {
                let event = events[index]
                var hole = index
                while hole > 0 && event < events[hole - 1] {
                    events[hole] = events[hole - 1]
                    hole -= 1
                }
                events[hole] = event
                index += 1
            }
        } else {
            var events = events
            events.sort()
        }
    }
}
