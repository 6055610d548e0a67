import JourneyTestSupport
import Testing

@testable import JourneyEvents
@testable import JourneyLanguage

/// A spilled log read back within its memory limit: partitions too large for it a group of
/// customers at a time, a customer too large for it an error that names them.
@Suite struct SpilledPartitionReaderTests {
    /// 120,000 events of customers with 1 to 20 each: about 117 events a partition.
    static func log() -> EventLog {
        var generator = SplitMix64(seed: 29)
        return FunnelBenchmarkLog.make(events: 120_000, stageCount: 4, generator: &generator)
    }

    /// A reader of the partitions of `log` spilled under `memoryLimit`.
    static func reader(_ log: EventLog, memoryLimit: Int, workers: Int) throws
        -> (reader: SpilledPartitionReader, spilled: SpilledEvents, members: [[Int32]])
    {
        let spilled = try #require(try log.spillingEvents(memoryLimit: memoryLimit).spilledEvents)
        var members = [[Int32]](repeating: [], count: SpilledEvents.partitionCount)
        var places = [Int32](repeating: 0, count: log.customers.count)
        for customer in 0..<log.customers.count {
            let partition = spilled.partition(ofCustomer: customer)
            places[customer] = Int32(members[partition].count)
            members[partition].append(Int32(customer))
        }
        let reader = SpilledPartitionReader(
            spilled: spilled, placeInPartition: places, customerAt: members.flatMap { $0 },
            customerIDs: log.customers, workers: workers)
        return (reader, spilled, members)
    }

    @Test(arguments: [1, 2])
    func aLargePartitionIsReadInGroupsOfCustomersThatFit(workers: Int) throws {
        let log = Self.log()
        var (reader, spilled, members) = try Self.reader(log, memoryLimit: 20 * 32, workers: workers)
        #expect(reader.groupLimit == 20 / workers)
        #expect(reader.customerLimit == 20)
        var first = 0
        var partitionsGrouped = 0
        for partition in 0..<SpilledEvents.partitionCount {
            let memberCount = members[partition].count
            defer { first += memberCount }
            let whole = try spilled.events(inPartition: partition)
            let groups = try reader.groups(of: partition, first: first, memberCount: memberCount)
            // Consecutive, covering every customer of the partition once.
            #expect(groups.first?.lowerBound == 0)
            #expect(groups.last?.upperBound == memberCount)
            #expect(zip(groups, groups.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            if groups.count > 1 { partitionsGrouped += 1 }
            var readBack: [FunnelEvent] = []
            for group in groups {
                try reader.read(group, of: partition, memberCount: memberCount)
                // Within the share, unless one customer alone has more.
                #expect(reader.events.count <= 20 / workers || group.count == 1)
                let expected = whole.filter { group.contains(members[partition].firstIndex(of: $0.customer)!) }
                #expect(reader.events == expected, "partition \(partition), \(group)")
                readBack += reader.events
            }
            #expect(readBack.count == whole.count)
        }
        #expect(partitionsGrouped > 900)
    }

    @Test(arguments: FunnelMode.allCases)
    func theFunnelIsTheSameWhenPartitionsAreReadInGroups(mode: FunnelMode) throws {
        let log = Self.log()
        let inMemory = try FunnelEngine.compute(log: log, stageCount: 4, window: .days(10)!, mode: mode)
        for memoryLimit in [20 * 32, 1 << 10, 1 << 20] {
            let spilled = try log.spillingEvents(memoryLimit: memoryLimit)
            for workers in [1, 2, 3] {
                let fromFile = try FunnelEngine.compute(
                    log: spilled, stageCount: 4, window: .days(10)!, mode: mode, workers: workers)
                #expect(fromFile == inMemory, "\(memoryLimit) bytes, \(workers) workers")
            }
        }
    }

    /// Customers a and b with 3 events each, the bot with 50.
    static let logWithABot: EventLog = {
        var events: [FunnelEvent] = []
        for index in 0..<50 { events.append(FunnelEvent(customer: 1, stage: Int32(index % 2), time: Int64(index))) }
        for customer: Int32 in [0, 2] {
            for stage: Int32 in 0..<3 { events.append(FunnelEvent(customer: customer, stage: stage, time: 100)) }
        }
        return EventLog(customers: ["a", "bot", "b"], events: events, rows: events.count)
    }()

    @Test func aCustomerWithMoreEventsThanTheLimitHoldsIsAnError() throws {
        let inMemory = try FunnelEngine.compute(log: Self.logWithABot, stageCount: 3)
        for workers in [1, 2] {
            let refused = try Self.logWithABot.spillingEvents(memoryLimit: 49 * 32)
            #expect(throws: FunnelError.customerOutgrowsMemory(customer: "bot", events: 50, memoryLimit: 49 * 32)) {
                try FunnelEngine.compute(log: refused, stageCount: 3, workers: workers)
            }
            // Exactly the limit: read back, alone in its group, with the same result.
            let held = try Self.logWithABot.spillingEvents(memoryLimit: 50 * 32)
            #expect(try FunnelEngine.compute(log: held, stageCount: 3, workers: workers) == inMemory)
            // No limit: as in memory.
            let unbounded = try Self.logWithABot.spillingEvents()
            #expect(unbounded.spilledEvents?.memoryLimit == nil)
            #expect(try FunnelEngine.compute(log: unbounded, stageCount: 3, workers: workers) == inMemory)
        }
    }

    @Test func theErrorSaysWhatToRaiseTheOptionTo() {
        let diagnostic = Diagnostic.funnelFailed(
            .customerOutgrowsMemory(customer: "bot-7", events: 10_000_000, memoryLimit: 16 << 20))
        #expect(diagnostic.code == "customer-outgrows-event-memory")
        #expect(diagnostic.severity == .error)
        #expect(
            diagnostic.message
                == "customer 'bot-7' has 10,000,000 funnel events: the funnel scans a customer's events together, "
                + "which takes 306 MiB for these (32 bytes an event), more than --event-memory 16M")
        #expect(diagnostic.help?.hasPrefix("raise --event-memory to 306M or more; or, if this customer") == true)
        let long = Diagnostic.funnelFailed(
            .customerOutgrowsMemory(customer: String(repeating: "x", count: 5_000), events: 2, memoryLimit: 32))
        #expect(long.message.contains("'" + String(repeating: "x", count: 100) + "…'"))
        let spill = FileError(.cannotRead, path: "/tmp", reason: "the file ended early")
        #expect(Diagnostic.funnelFailed(.spill(spill)) == Diagnostic.cannotSpill(spill))
    }
}
