import JourneyLanguage

extension FunnelEngine {
    /// The bytes a funnel event takes while a spilled log is read back and scanned.
    ///
    /// The event read back (16) and its copy grouped by customer (16): `SpilledEvents.memoryLimit`
    /// is counted at that many bytes an event.
    public static let bytesPerEventReadBack = 2 * MemoryLayout<FunnelEvent>.stride

    /// Reads the partitions of a spilled log back and scans them.
    ///
    /// Each worker takes a run of partitions with about the same number of events, and for each
    /// one reads its events a group of customers at a time (`SpilledPartitionReader`: the whole
    /// partition, unless it outgrows the worker's share of the log's memory limit), groups them
    /// by customer with a counting sort on the customer's place in the partition, and scans them.
    static func computePartitions(
        _ spilled: SpilledEvents, customerIDs: PackedStrings, stageCount: Int,
        window: ConversionWindow, mode: FunnelMode,
        workers requested: Int
    ) throws(FunnelError) -> ([RangeTally], [UInt8]) {
        let customers = customerIDs.count
        let partitionOfCustomer = spilled.partitionOfCustomer
        precondition(
            partitionOfCustomer.count == customers,
            "\(partitionOfCustomer.count) customers have a partition, but the log has \(customers)")
        let partitionCount = SpilledEvents.partitionCount
        // The customers of partition p are members[memberStarts[p]..<memberStarts[p + 1]], and
        // placeInPartition[c] is customer c's place there.
        var memberStarts = [Int](repeating: 0, count: partitionCount + 1)
        for partition in partitionOfCustomer { memberStarts[Int(partition) + 1] += 1 }
        for partition in 0..<partitionCount { memberStarts[partition + 1] += memberStarts[partition] }
        var cursors = memberStarts
        var members = [Int32](repeating: 0, count: customers)
        var placeInPartition = [Int32](repeating: 0, count: customers)
        for customer in 0..<customers {
            let partition = Int(partitionOfCustomer[customer])
            placeInPartition[customer] = Int32(cursors[partition] - memberStarts[partition])
            members[cursors[partition]] = Int32(customer)
            cursors[partition] += 1
        }
        // Runs of partitions with about the same number of events, one per worker.
        var eventStarts = [Int](repeating: 0, count: partitionCount + 1)
        for partition in 0..<partitionCount {
            eventStarts[partition + 1] = eventStarts[partition] + spilled.count(of: partition)
        }
        let workerCount = spilled.count < parallelThreshold ? 1 : max(1, requested)
        let ranges = splitCustomers(partitionCount, into: workerCount, eventsBefore: { eventStarts[$0] })

        let (starts, places, customerAt) = (memberStarts, placeInPartition, members)
        var levels = [UInt8](repeating: 0, count: customers)
        var partials = [Result<RangeTally, FunnelError>?](repeating: nil, count: ranges.count)
        levels.withUnsafeMutableBufferPointer { levelBuffer in
            partials.withUnsafeMutableBufferPointer { partialBuffer in
                let levelsOut = SharedBuffer(levelBuffer)
                let results = SharedBuffer(partialBuffer)
                ParallelWork.run(ranges.count) { index in
                    var scanner = CustomerFunnelScanner(stageCount: stageCount, window: window, mode: mode)
                    var tally = RangeTally(stageCount: stageCount)
                    var reader = SpilledPartitionReader(
                        spilled: spilled, placeInPartition: places, customerAt: customerAt,
                        customerIDs: customerIDs, workers: ranges.count)
                    var grouped: [WideEvent] = []
                    var offsets: [Int] = []
                    for partition in ranges[index] {
                        let first = starts[partition]
                        let memberCount = starts[partition + 1] - first
                        do throws(FunnelError) {
                            for group in try reader.groups(of: partition, first: first, memberCount: memberCount) {
                                try reader.read(group, of: partition, memberCount: memberCount)
                                CustomerEvents.group(
                                    reader.events, places: places, firstPlace: group.lowerBound,
                                    customers: group.count, stageCount: stageCount, into: &grouped,
                                    offsets: &offsets)
                                grouped.withUnsafeMutableBufferPointer { buffer in
                                    let events = SharedBuffer(buffer)
                                    for place in 0..<group.count {
                                        let lower = offsets[place]
                                        let upper = offsets[place + 1]
                                        guard upper > lower else { continue }
                                        levelsOut[Int(customerAt[first + group.lowerBound + place])] = tally.scan(
                                            events.slice(lower..<upper),
                                            with: &scanner)
                                    }
                                }
                            }
                        } catch {
                            results[index] = .failure(error)
                            return
                        }
                    }
                    results[index] = .success(tally)
                }
            }
        }
        var tallies: [RangeTally] = []
        for partial in partials {
            switch partial {
            case .success(let tally): tallies.append(tally)
            case .failure(let error): throw error
            case nil: break
            }
        }
        return (tallies, levels)
    }
}
