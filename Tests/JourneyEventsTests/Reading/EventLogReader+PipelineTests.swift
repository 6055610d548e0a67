import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyEvents
@testable import JourneyLanguage

/// A stream read on two threads, one parsing and one interning customers: the same log, to the
/// event, as one thread reading it as a file.
@Suite struct EventLogReaderPipelineTests {
    /// A log of `rows` rows with all that can go wrong: a byte order mark, CRLF and LF lines,
    /// blank lines, quoted ids with `""` and line breaks, ids of 1 to 40 bytes, timestamps in
    /// several forms, ignored events and malformed rows of every kind.
    static func awkwardLog(rows: Int, seed: UInt64) -> String {
        var generator = SplitMix64(seed: seed)
        var text = "\u{FEFF}customer_id,timestamp,event,note\r\n"
        for row in 0..<rows {
            let customer = Int.random(in: 0..<5_000, using: &generator)
            var id = String(repeating: "k", count: customer % 33) + "\(customer)"
            switch Int.random(in: 0..<40, using: &generator) {
            case 0: id = "\"q\"\"\(customer)\"\"\""
            case 1: id = "\"two\nlines \(customer)\""
            case 2: id = "\"\(id)\""
            default: break
            }
            let event = ["visit", "signup", "\"order\"", "page_view", "search"][
                Int.random(in: 0..<5, using: &generator)]
            let seconds = 1_795_446_245 + Int.random(in: 0..<100_000, using: &generator)
            var time =
                Bool.random(using: &generator) ? "\(seconds)" : "2026-11-23T15:04:\(10 + row % 50).\(row % 1000)Z"
            var note = Int.random(in: 0..<30, using: &generator) == 0 ? "\"a note\r\nover lines\"" : "n"
            switch Int.random(in: 0..<300, using: &generator) {
            case 0: time = "not a time"
            case 1: id = ""
            case 2: note = "n,extra"
            case 3: note = "\"n\"x"
            default: break
            }
            let line =
                Int.random(in: 0..<400, using: &generator) == 0 ? "\(id),\(time)" : "\(id),\(time),\(event),\(note)"
            text += line + (Bool.random(using: &generator) ? "\r\n" : "\n")
            if Int.random(in: 0..<100, using: &generator) == 0 { text += "\n" }
        }
        return text + "last,1795446245,visit,\"unterminated"
    }

    /// Reads `text` with `reader` as a file on one thread and as a stream through the pipeline
    /// in chunks of each of `chunkSizes`, and expects the same outcome.
    private func expectSameOutcome(
        _ text: String, reader: EventLogReader, chunkSizes: [Int],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let bytes = Array(text.utf8)
        let reference = ReadingSetup.plain.apply(to: reader).readWithSourceLines(bytes: bytes, name: "events.csv")
        let referenceEvents = try SpilledEventsTests.allEvents(reference.log)
        for chunkSize in chunkSizes {
            let setup = ReadingSetup(chunkSize: chunkSize, threads: 2, stream: true)
            let outcome = setup.apply(to: reader).readWithSourceLines(bytes: bytes, name: "events.csv")
            #expect(outcome.log.customers == reference.log.customers, "\(setup)", sourceLocation: sourceLocation)
            #expect(outcome.log.events == reference.log.events, "\(setup)", sourceLocation: sourceLocation)
            #expect(try SpilledEventsTests.allEvents(outcome.log) == referenceEvents, sourceLocation: sourceLocation)
            #expect(
                (outcome.log.spilledEvents == nil) == (reference.log.spilledEvents == nil), "\(setup)",
                sourceLocation: sourceLocation)
            #expect(
                (outcome.log.rows, outcome.log.ignoredEvents, outcome.log.skippedRows)
                    == (reference.log.rows, reference.log.ignoredEvents, reference.log.skippedRows), "\(setup)",
                sourceLocation: sourceLocation)
            #expect(outcome.diagnostics == reference.diagnostics, "\(setup)", sourceLocation: sourceLocation)
            #expect(outcome.sourceLines == reference.sourceLines, "\(setup)", sourceLocation: sourceLocation)
        }
    }

    @Test func aLargeRandomLogReadsTheSameThroughThePipeline() throws {
        let text = Self.awkwardLog(rows: 100_000, seed: 11)
        for skip in [false, true] {
            var reader = EventLogReader(stageOfEvent: testStages)
            reader.skipBadRows = skip
            reader.eventMemoryLimit = nil
            let reference = readEvents(text, reader: reader)
            #expect(reference.log.customers.count > 4_000)
            #expect(reference.log.events.count > 50_000)
            #expect(reference.diagnostics.count == (skip ? 1 : Diagnostic.reportedBadRowsLimit + 1))
            try expectSameOutcome(text, reader: reader, chunkSizes: [1 << 20, 4_096, 333])
        }
    }

    @Test func aLargeRandomLogSpillsTheSameThroughThePipeline() throws {
        let text = Self.awkwardLog(rows: 30_000, seed: 12)
        var reader = EventLogReader(stageOfEvent: testStages)
        reader.skipBadRows = true
        reader.eventMemoryLimit = 1 << 14
        let reference = readEvents(text, reader: reader)
        #expect(reference.log.spilledEvents != nil)
        try expectSameOutcome(text, reader: reader, chunkSizes: [1 << 20, 1_000])
    }

    /// Spilling fails at the first batch: the reading stops after that chunk, and the rows read
    /// ahead by the parsing thread (with malformed ones among them) must not count.
    @Test func aFolderThatCannotBeWrittenStopsTheReadingAfterTheSameChunk() throws {
        let text = Self.awkwardLog(rows: 20_000, seed: 13)
        for skip in [false, true] {
            var reader = EventLogReader(stageOfEvent: testStages)
            reader.skipBadRows = skip
            reader.eventMemoryLimit = 1 << 12
            reader.spillDirectory = "/nonexistent/journey"
            let reference = readEvents(text, reader: reader, setup: ReadingSetup(chunkSize: 2_000, threads: 1))
            #expect(reference.diagnostics.last?.code == "cannot-spill-events")
            #expect(reference.log.rows < 2_000)
            let pipelined = readEvents(
                text, reader: reader, setup: ReadingSetup(chunkSize: 2_000, threads: 2, stream: true))
            #expect(LogSummary(pipelined.log) == LogSummary(reference.log))
            #expect(pipelined.diagnostics == reference.diagnostics)
        }
    }

    @Test func oneProcessorOrOneThreadReadsAStreamOnOneThread() {
        var reader = EventLogReader(stageOfEvent: testStages)
        reader.processorCount = 2
        #expect(reader.readsStreamsOnTwoThreads)
        reader.maximumThreads = 1
        #expect(!reader.readsStreamsOnTwoThreads)
        reader.maximumThreads = 2
        reader.processorCount = 1
        #expect(!reader.readsStreamsOnTwoThreads)
    }

    /// Through a real pipe, as `--events -` reads standard input: progress has no total, grows
    /// with each chunk and ends at the input's size.
    @Test func readsAPipeWithProgress() throws {
        let text = Self.awkwardLog(rows: 5_000, seed: 14)
        let bytes = Data(text.utf8)
        let pipe = Pipe()
        let writer = Thread {
            pipe.fileHandleForWriting.write(bytes)
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        var reader = EventLogReader(stageOfEvent: testStages)
        reader.chunkSize = 4_096
        reader.processorCount = 2
        var reports: [(Int64, Int64?)] = []
        let outcome = reader.readWithSourceLines(path: "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)") {
            reports.append(($0, $1))
        }
        let reference = readEvents(text)
        #expect(LogSummary(outcome.log) == LogSummary(reference.log))
        #expect(outcome.diagnostics == reference.diagnostics)
        #expect(reports.count > 10)
        #expect(reports.allSatisfy { $0.1 == nil })
        #expect(reports.last?.0 == Int64(bytes.count))
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.0 < $1.0 })
    }
}
