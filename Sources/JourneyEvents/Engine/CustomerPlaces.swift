import JourneyLanguage

/// Where each customer's events go when a log's events are grouped by customer into one flat
/// array (`CustomerEvents`), and then where they are.
///
/// Counting, the first half of a counting sort on the customer index, with no per-customer
/// arrays: each worker counts its share of the log per customer, and a prefix sum gives every
/// customer its place and every worker its place inside it. `CustomerEvents.group` then copies
/// each worker's share there, moving the cursors on.
///
/// The bookkeeping is one 32-bit cursor per customer and worker, and nothing else: once the
/// last worker has copied its share, its cursors are where each customer's events end, which
/// is all `range(of:)` needs. On the shared benchmark's 10 M events (3.9 M customers, two
/// workers) that is 31 MB where 64-bit cursors and a separate array of offsets took 94 MB.
struct CustomerPlaces {
    /// The most events grouped in memory: their places are 32-bit.
    ///
    /// `FunnelEngine` spills a larger log (over 16 GiB of events) and groups it partition by
    /// partition instead.
    static let maximumCount = Int(Int32.max)

    /// The number of customers.
    let customerCount: Int
    /// The number of workers, each with its share of the log (`share`).
    let parts: Int
    /// The number of events.
    let total: Int
    /// Whether every time fits a `PackedEvent`.
    let timesFitPacked: Bool
    /// Where each part's next event of each customer goes: `cursors[part * customerCount + c]`.
    ///
    /// Each part has its own run of cursors, so that the parts never write to the same cache line.
    var cursors: [Int32]

    /// Counts `log.events` per customer on `workers` threads; every event's customer must index
    /// `log.customers`, its stage must be below `stageCount`, and there must be at most
    /// `maximumCount` events.
    init(counting log: EventLog, stageCount: Int, workers: Int) {
        let customers = log.customers.count
        let parts = max(1, min(workers, log.eventsInMemory))
        var fits = [Bool](repeating: true, count: parts)
        var total = 0
        // Each worker clears its own run of cursors, so that their pages are first written on
        // both cores (31 MB on the shared benchmark's 10 M events).
        var cursors = [Int32](unsafeUninitializedCapacity: parts * customers) { buffer, initialized in
            if let base = buffer.baseAddress { HugePages.advise(base, byteCount: buffer.count * 4) }
            let cursors = SharedBuffer(buffer)
            total = log.withEventRuns { source in
                precondition(
                    source.count <= Self.maximumCount, "\(source.count) events are too many to group in memory")
                fits.withUnsafeMutableBufferPointer { fitBuffer in
                    let fitsOut = SharedBuffer(fitBuffer)
                    ParallelWork.run(parts) { part in
                        let base = part * customers
                        (cursors.base + base).initialize(repeating: 0, count: customers)
                        var fit = true
                        source.forEach(in: ParallelWork.share(part, of: parts, total: source.count)) { event in
                            let customer = Int(event.customer)
                            precondition(
                                customer >= 0 && customer < customers,
                                "event of customer \(customer), but the log has \(customers) customers")
                            precondition(
                                event.stage >= 0 && Int(event.stage) < stageCount,
                                "event of stage \(event.stage), but the funnel has \(stageCount) stages")
                            fit = fit && PackedEvent.fits(event.time)
                            cursors[base + customer] &+= 1
                        }
                        fitsOut[part] = fit
                    }
                }
                return source.count
            }
            initialized = parts * customers
        }
        cursors.withUnsafeMutableBufferPointer { Self.place(SharedBuffer($0), customers: customers, parts: parts) }
        self.customerCount = customers
        self.parts = parts
        self.total = total
        self.timesFitPacked = !fits.contains(false)
        self.cursors = cursors
    }

    /// Turns counts per part and customer into places: a prefix sum in customer order, each
    /// customer's parts in part order, on `parts` threads (each sums a block of customers,
    /// then places it from where the blocks before it end).
    private static func place(_ cursors: SharedBuffer<Int32>, customers: Int, parts: Int) {
        let blockTotals = [Int32](unsafeUninitializedCapacity: parts) { totals, initialized in
            let totals = SharedBuffer(totals)
            ParallelWork.run(parts) { block in
                var sum: Int32 = 0
                for part in 0..<parts {
                    let row = part * customers
                    for customer in ParallelWork.share(block, of: parts, total: customers) {
                        sum &+= cursors[row + customer]
                    }
                }
                (totals.base + block).initialize(to: sum)
            }
            initialized = parts
        }
        var starts: [Int32] = []
        var start: Int32 = 0
        for blockTotal in blockTotals {
            starts.append(start)
            start &+= blockTotal
        }
        let blockStarts = starts
        ParallelWork.run(parts) { block in
            var running = blockStarts[block]
            for customer in ParallelWork.share(block, of: parts, total: customers) {
                for part in 0..<parts {
                    let count = cursors[part * customers + customer]
                    cursors[part * customers + customer] = running
                    running &+= count
                }
            }
        }
    }

    /// Where customer `customer`'s events are, once grouped.
    @inline(__always)
    func range(of customer: Int) -> Range<Int> {
        eventsBefore(customer)..<eventsBefore(customer + 1)
    }

    /// Where the events of the customers before `customer` end (0...`customerCount`), once grouped.
    @inline(__always)
    func eventsBefore(_ customer: Int) -> Int {
        customer == 0 ? 0 : Int(cursors[(parts - 1) * customerCount + customer - 1])
    }
}
