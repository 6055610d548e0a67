import JourneyTestSupport
import Testing

@testable import JourneyEvents
@testable import JourneyLanguage

/// Funnel events kept in temporary files: written, read back, and computed on exactly as in memory.
@Suite struct SpilledEventsTests {
    /// Every event of `log`, in memory or spilled, in one canonical order.
    static func allEvents(_ log: EventLog) throws -> [FunnelEvent] {
        var events = log.events
        if let spilled = log.spilledEvents {
            for partition in 0..<SpilledEvents.partitionCount {
                events += try spilled.events(inPartition: partition)
            }
        }
        return events.sorted { ($0.customer, $0.time, $0.stage) < ($1.customer, $1.time, $1.stage) }
    }

    @Test func spillingMovesEveryEventToTheFileGroupedByPartition() throws {
        var generator = SplitMix64(seed: 5)
        let log = FunnelBenchmarkLog.make(events: 5_000, stageCount: 4, generator: &generator)
        let spilled = try log.spillingEvents()
        let file = try #require(spilled.spilledEvents)
        #expect(spilled.events.isEmpty)
        #expect(file.count == 5_000)
        #expect(spilled.eventCount == log.eventCount)
        #expect(spilled.customers == log.customers)
        #expect(try Self.allEvents(spilled) == Self.allEvents(log))
        var partitionsUsed = Set<Int>()
        for partition in 0..<SpilledEvents.partitionCount {
            for event in try file.events(inPartition: partition) {
                #expect(file.partition(ofCustomer: Int(event.customer)) == partition)
                partitionsUsed.insert(partition)
            }
        }
        // About 600 customers spread over 1,024 partitions: most partitions used at most once or twice.
        #expect(partitionsUsed.count > 300)
        // Spilling again changes nothing.
        #expect(try spilled.spillingEvents().spilledEvents === file)
    }

    @Test func anEmptyLogSpillsToAnEmptyFile() throws {
        let spilled = try EventLog(customers: ["a"], ignoredEvents: 2, rows: 2).spillingEvents()
        #expect(spilled.eventCount == 0)
        let result = try FunnelEngine.compute(log: spilled, stageCount: 2)
        #expect(result.customersPerLevel == [1, 0, 0])
        #expect(result.events == 0)
    }

    @Test func aFolderThatCannotBeWrittenIsAFileError() {
        let log = EventLog(customers: ["a"], events: [FunnelEvent(customer: 0, stage: 0, time: 0)], rows: 1)
        #expect(throws: FileError(.cannotWrite, path: "/nonexistent/journey", reason: "No such file or directory")) {
            try log.spillingEvents(directory: "/nonexistent/journey")
        }
    }

    /// Above the engine's parallel threshold, so that two workers share the partitions.
    @Test(arguments: FunnelMode.allCases)
    func theEngineGivesTheSameResultFromTheFile(mode: FunnelMode) throws {
        var generator = SplitMix64(seed: 17)
        let log = FunnelBenchmarkLog.make(events: 120_000, stageCount: 5, generator: &generator)
        let spilled = try log.spillingEvents()
        let inMemory = try FunnelEngine.compute(log: log, stageCount: 5, window: .days(10)!, mode: mode)
        #expect(inMemory.reach[0] > 1_000)
        for workers in [1, 2, 3] {
            let fromFile = try FunnelEngine.compute(
                log: spilled, stageCount: 5, window: .days(10)!, mode: mode,
                workers: workers)
            #expect(fromFile == inMemory, "\(workers) workers")
        }
    }

    /// A log with noise, repeats and customers spread over the whole file; with `awkward`, some
    /// ids are quoted (with escaped quotes or a line break inside), some timestamps are bad and
    /// some lines blank, so that a chunk or the two threads' cut falls inside a quoted field.
    static func csv(rows: Int, seed: UInt64 = 3, awkward: Bool = false) -> String {
        var generator = SplitMix64(seed: seed)
        var text = "customer_id,timestamp,event\n"
        for _ in 0..<rows {
            let customer = Int.random(in: 0..<300, using: &generator)
            let event = ["visit", "signup", "order", "page_view"][Int.random(in: 0..<4, using: &generator)]
            var id = "c\(customer)"
            var time = "\(1_795_446_245 + Int.random(in: 0..<5_000, using: &generator))"
            if awkward {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: id = "\"q\"\"\(customer)\"\"\""
                case 1: id = "\"two\nlines \(customer)\""
                default: break
                }
                if Int.random(in: 0..<20, using: &generator) == 0 { time = "bad" }
                if Int.random(in: 0..<50, using: &generator) == 0 { text += "\n" }
            }
            text += "\(id),\(time),\(event)\n"
        }
        return text
    }

    /// Memory limits of a few events (the smallest spill after every event), in every reading
    /// setup, two threads included: the log read must be the same events, and so the same funnel.
    @Test(arguments: [(3_000, 3, false), (1_500, 1, true), (1_500, 2, true)])
    func theReaderSpillsPastItsMemoryLimit(rows: Int, seed: UInt64, awkward: Bool) throws {
        let text = Self.csv(rows: rows, seed: seed, awkward: awkward)
        var plain = EventLogReader(stageOfEvent: testStages)
        plain.skipBadRows = awkward
        let reference = readEvents(text, reader: plain)
        #expect(reference.log.spilledEvents == nil)
        #expect(reference.diagnostics.count == (awkward ? 1 : 0))
        let expected = try FunnelEngine.compute(log: reference.log, stageCount: 3)
        let events = try Self.allEvents(reference.log)
        let busiest = Dictionary(grouping: events, by: \.customer).values.map(\.count).max() ?? 0
        #expect(busiest * FunnelEngine.bytesPerEventReadBack > 100)
        #expect(busiest * FunnelEngine.bytesPerEventReadBack <= 1 << 10)
        let setups = ReadingSetup.all + [5, 13, 100, 4096].map { ReadingSetup(chunkSize: $0, threads: 2) }
        for limit in [1, 100, 1 << 10, 1 << 14] {
            for setup in setups {
                var reader = plain
                reader.eventMemoryLimit = limit
                let (log, diagnostics) = readEvents(text, reader: reader, setup: setup)
                #expect(diagnostics == reference.diagnostics, "limit \(limit), \(setup)")
                #expect(log.spilledEvents != nil, "limit \(limit), \(setup)")
                #expect(log.events.isEmpty, "limit \(limit), \(setup)")
                #expect(log.customers == reference.log.customers, "limit \(limit), \(setup)")
                #expect(
                    (log.rows, log.ignoredEvents, log.skippedRows)
                        == (reference.log.rows, reference.log.ignoredEvents, reference.log.skippedRows))
                #expect(try Self.allEvents(log) == events, "limit \(limit), \(setup)")
                #expect(log.spilledEvents?.memoryLimit == limit)
                // The funnel reads them back within the limit: a customer whose events take more
                // than it holds, at 32 bytes an event, cannot be scanned.
                if busiest * FunnelEngine.bytesPerEventReadBack <= limit {
                    #expect(try FunnelEngine.compute(log: log, stageCount: 3) == expected, "limit \(limit), \(setup)")
                } else {
                    #expect(throws: FunnelError.self, "limit \(limit), \(setup)") {
                        try FunnelEngine.compute(log: log, stageCount: 3)
                    }
                }
            }
        }
    }

    @Test func underTheLimitNothingIsSpilled() {
        var reader = EventLogReader(stageOfEvent: testStages)
        reader.eventMemoryLimit = 1 << 20
        let (log, _) = readEvents(Self.csv(rows: 3_000), reader: reader)
        #expect(log.spilledEvents == nil)
        #expect(log.events.count > 2_000)
    }

    @Test func aFolderThatCannotBeWrittenStopsTheReading() {
        for setup in [ReadingSetup.plain, ReadingSetup(chunkSize: 64, threads: 2)] {
            var reader = EventLogReader(stageOfEvent: testStages)
            reader.eventMemoryLimit = 1 << 10
            reader.spillDirectory = "/nonexistent/journey"
            let (log, diagnostics) = readEvents(Self.csv(rows: 3_000), reader: reader, setup: setup)
            #expect(diagnostics.map(\.code) == ["cannot-spill-events"], "\(setup)")
            #expect(
                diagnostics.first?.message == "cannot keep the funnel events in a temporary file in "
                    + "'/nonexistent/journey': No such file or directory", "\(setup)")
            #expect(log.spilledEvents == nil, "\(setup)")
        }
    }
}
