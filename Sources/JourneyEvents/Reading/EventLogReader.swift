import Foundation
import JourneyLanguage

// How fast, measured on the project's machine (2 vCPUs of an AMD EPYC under KVM, Linux, Swift 6.3.1,
// release build) with logs from bench/generate_events.py (4 columns, 12-byte customer ids, ISO 8601
// timestamps, 31% of rows an event of no stage), the file in the page cache, one read per process,
// best of 5 to 7 runs while the machine was otherwise idle (other work on it doubles the times):
//
//   rows   file     customers  threads  time          rows/s        peak RSS
//   1 M    51 MB    201 K      1        0.11–0.14 s   7–9 M         51 MB
//   1 M    51 MB    201 K      2        0.077–0.084 s 12–13 M       52 MB
//   10 M   513 MB   2.0 M      1        1.06–1.14 s   9 M           317 MB
//   10 M   513 MB   2.0 M      2        0.72–0.78 s   13–14 M       342 MB
//
// From a pipe (`cat log |`) on one thread: 0.13 s and 1.3 s; on two, see EventLogReader+Pipeline.swift.
// Peak RSS was mostly what the log keeps: 16 bytes an event (7 M of them for 10 M rows) and a
// `String` a customer (now the id's bytes), plus the customer table while reading (then 64–128
// bytes a customer, now 35–45: see ByteKeyTable and docs/funnels.md). These figures keep every event in
// memory (`eventMemoryLimit` nil); with the default limit the events of 10 M rows are spilled
// to a temporary file at no measurable cost in time, and `journey funnel` as a whole then
// peaks at 316 MB instead of 348 MB (bench/README.md, "Memory against rows and customers").
//
// Why two threads: see EventLogReader+TwoThreads.swift.
// Chunks of 256 KiB, 1 MiB and 4 MiB read as fast as each other; 1 MiB is the default.

/// Reads an event log, a CSV file of one event a row, into the funnel events of an `EventLog`.
///
/// The first row that is not blank is the header; it names the columns, which may come in any
/// order and include others the funnel does not use. Each following row is one event: a
/// customer id, a timestamp (see `Timestamp`) and an event name. Rows may come in any order.
/// A row whose event name is a key of `stageOfEvent` becomes a `FunnelEvent`; any other row is
/// counted in `ignoredEvents` without its customer or timestamp being read or checked, which
/// keeps events the funnel does not use cheap. The CSV follows RFC 4180, with LF or CRLF line
/// endings, an optional UTF-8 byte order mark, blank lines skipped anywhere and, in a file, a
/// last row without a line break; see `CSVRecord` for the details. On a stream (a pipe), a last
/// row without one is malformed (`row-cut-at-end`): the writer may have stopped in it. Bytes are not checked for UTF-8:
/// names are compared as bytes, and a customer id that is not UTF-8 gets U+FFFD in `customers`.
///
/// Malformed rows: without `skipBadRows`, each is an error at its line and column; the first
/// 20 are reported one by one, then a last error counts the others (the whole file is still
/// read, to count them). With `skipBadRows` they are counted in `EventLog.skippedRows` and one
/// warning gives the count at the first of them. A row is malformed when it has too few or too
/// many fields, an unterminated quote or text after a closing quote; and, only when its event
/// marks a stage, an invalid timestamp or an empty customer id. A header without one of the
/// three columns, or an input without a header, stops the reading: the log is then empty.
///
/// The input is read in chunks of `chunkSize` bytes, never whole: memory holds one chunk per thread
/// (more only for a longer row), the customers interned by their bytes (`ByteKeyTable`) and the
/// 16-byte events, these only up to `eventMemoryLimit`: past it, each thread moves its batch of
/// events to a temporary file (`SpilledEvents`). A regular file with at least `parallelThreshold`
/// bytes of rows is cut at line breaks into pieces that two threads take from either end, each
/// with its own customer table, until they meet (see `SecondHalf`); the second thread's customers
/// are then looked up in the first's. A line break inside a quoted field could make a cut fall
/// inside a row: the thread that reads up to a cut of the second thread's knows whether it ended
/// a row exactly there, and if not the second thread's work is dropped and the first goes on to
/// the end of the file alone (the second thread also gives up on a row of more than 16 MiB), so
/// the result never depends on the cuts. A stream, such as standard input, cannot be cut: when
/// two threads are allowed and the machine has two processors, its rows are parsed on the
/// caller's thread while another interns their customers and keeps their events (see
/// EventLogReader+Pipeline.swift). `EventLog.customers`
/// are in order of first appearance in a row that marks a stage, and `events` (when not spilled)
/// in file order, either way.
public struct EventLogReader: Sendable {
    /// The event names that mark each stage: the stage's index in the funnel, from 0.
    public var stageOfEvent: [String: Int32]
    /// The header names of the customer id, timestamp and event name columns.
    public var customerColumn: String
    public var timeColumn: String
    /// Nil for a log of one kind of event, such as a purchase log: every row is then an event of
    /// stage 0, and `stageOfEvent` is not used.
    public var eventColumn: String?
    /// Whether malformed rows are skipped and counted instead of being errors.
    public var skipBadRows: Bool
    /// The bytes read at a time, 1 MiB by default.
    ///
    /// A row longer than a chunk makes the buffer grow. Small values are for tests of rows cut
    /// by a chunk's end.
    public var chunkSize: Int = 1 << 20
    /// The most threads that parse one input: 2 by default; 1 parses everything on the caller's.
    public var maximumThreads = 2
    /// The bytes of rows (after the header) from which a regular file, or bytes in memory, are
    /// parsed on two threads; 8 MiB by default.
    public var parallelThreshold: Int64 = 8 << 20
    /// The bytes of a piece of a file read on two threads, 4 MiB by default (see `SecondHalf`).
    ///
    /// The longest one thread may wait for the other is about the time a piece takes. Tests
    /// set it small.
    var pieceSize: Int64 = 4 << 20
    /// Whether the first thread takes pieces past its first while the second still reads;
    /// tests turn it off so that the second thread takes every piece between that it will,
    /// from the last back, before the first takes what is left.
    var firstThreadTakesPieces = true
    /// The bytes of funnel events kept in memory while reading, 64 MiB by default.
    ///
    /// Past it, the events go to a temporary file in `spillDirectory` a batch at a time and the
    /// log comes back with `spilledEvents` (see `SpilledEvents`). The limit covers each thread's
    /// batch and the room to sort it by partition. Nil keeps every event in memory.
    public var eventMemoryLimit: Int? = 64 << 20
    /// The smallest `eventMemoryLimit` worth using, 4 MiB.
    ///
    /// Each batch written costs 16 bytes of bookkeeping for every partition it touches, so
    /// batches much under 64 K events (1 MiB) keep nearly as much in memory as the events would.
    /// Smaller limits work (the tests use them to spill after every event); the command line
    /// refuses them.
    public static let smallestUsefulEventMemoryLimit = 4 << 20
    /// The folder of the temporary files; nil for the system's (`TMPDIR`, else /tmp).
    public var spillDirectory: String?
    /// The processors the machine lets this process use.
    ///
    /// A stream is read on two threads only when there are two or more. Tests set it.
    var processorCount = ProcessInfo.processInfo.activeProcessorCount
    /// Whether bytes in memory are read as a stream, of unknown size, rather than as a file:
    /// for tests of the stream's path.
    var readsBytesAsStream = false

    /// What a reading found, with the text of the lines its diagnostics point at, which a
    /// formatter needs to show them without reading the file again (standard input cannot be).
    public struct Outcome: Sendable {
        public var log: EventLog
        /// Errors and warnings, in file order but for a read failure, which comes last (at 1:1).
        public var diagnostics: [Diagnostic]
        /// The text of each line a diagnostic points at, without its line ending, by line number.
        public var sourceLines: [Int: String]
    }

    /// A reader that maps event names to stages with `stageOfEvent` and finds the three columns
    /// it needs by the names given.
    public init(
        stageOfEvent: [String: Int32], customerColumn: String = "customer_id", timeColumn: String = "timestamp",
        eventColumn: String? = "event", skipBadRows: Bool = false
    ) {
        self.stageOfEvent = stageOfEvent
        self.customerColumn = customerColumn
        self.timeColumn = timeColumn
        self.eventColumn = eventColumn
        self.skipBadRows = skipBadRows
    }

    /// Reads the event log at `path`; `-` reads standard input.
    ///
    /// - Parameter progress: called on the caller's thread after each chunk, and every 0.1 s
    ///   while waiting for the second thread, with the bytes read so far and the input's size
    ///   in bytes (nil for a pipe); never more than the size, never decreasing.
    public func read(path: String, progress: ((Int64, Int64?) -> Void)? = nil) -> (
        log: EventLog, diagnostics: [Diagnostic]
    ) {
        let outcome = readWithSourceLines(path: path, progress: progress)
        return (outcome.log, outcome.diagnostics)
    }

    /// Reads an event log held in memory, as `read(path:)` reads a file.
    ///
    /// `name` is the name the input goes by; diagnostics hold no file name, and bytes in memory
    /// never fail to be read, so nothing shows it yet.
    public func read(bytes: some Collection<UInt8>, name: String) -> (log: EventLog, diagnostics: [Diagnostic]) {
        let outcome = readWithSourceLines(bytes: bytes, name: name)
        return (outcome.log, outcome.diagnostics)
    }

    /// `read(path:progress:)`, with the text of the lines the diagnostics point at.
    public func readWithSourceLines(path: String, progress: ((Int64, Int64?) -> Void)? = nil) -> Outcome {
        let input: EventLogInput
        do {
            input = try EventLogInput.open(path: path)
        } catch {
            return Outcome(log: EventLog(), diagnostics: [.cannotRead(error)], sourceLines: [:])
        }
        defer { input.close() }
        return run(input.source, end: input.end, progress: progress)
    }

    /// `read(bytes:name:)`, with the text of the lines the diagnostics point at.
    public func readWithSourceLines(bytes: some Collection<UInt8>, name: String) -> Outcome {
        let bytes = Array(bytes)
        return run(
            ChunkSource(.memory(bytes), path: name), end: readsBytesAsStream ? nil : Int64(bytes.count), progress: nil)
    }

    // MARK: - Reading

    /// Reads `source` (whose offsets run to `end`, nil for a stream): its header, then its rows,
    /// on one or two threads.
    private func run(_ source: ChunkSource, end: Int64?, progress callback: ((Int64, Int64?) -> Void)?) -> Outcome {
        var source = source
        var progress = ReadProgress(total: end.map { $0 - source.position }, callback: callback)
        var buffer = ChunkBuffer(capacity: chunkSize)
        let header: EventLogHeader
        let wanted =
            [(customerColumn, "--customer-column"), (timeColumn, "--time-column")]
            + (eventColumn.map { [($0, "--event-column")] } ?? [])
        switch EventLogHeader.read(&source, &buffer, wanted: wanted, read: { progress.addOwn($0) }) {
        case .success(let read): header = read
        case .failure(let failure):
            return Outcome(log: EventLog(), diagnostics: failure.diagnostics, sourceLines: failure.sourceLines)
        }
        // Rows to expect, from the length of the rows in the first chunk; reserving room for
        // as many events spares the copies of a growing array (and, with two threads, of the
        // merge), and room never written to takes address space, not memory.
        let rowsAfterHeader =
            end.map {
                EventLogReader.estimatedRows(
                    in: $0 - (source.position - Int64(buffer.count)),
                    sample: buffer.bytes)
            } ?? 0

        // Cut the rest, when it is worth a thread, into pieces that the two threads take from
        // either end (see `SecondHalf`); into two only, one a thread, when the events may be
        // spilled.
        let mayBeSpilled =
            eventMemoryLimit.map { rowsAfterHeader >= EventSpillPolicy.threshold(memoryLimit: $0, threads: 2) } ?? false
        let boundaries = pieceBoundaries(source, buffered: buffer.count, end: end, twoPiecesOnly: mayBeSpilled)
        // Else a stream is parsed on this thread and its customers interned on another, which
        // alone keeps events.
        let pipelined = end == nil && readsStreamsOnTwoThreads
        let spillThreshold = eventMemoryLimit.map {
            EventSpillPolicy.threshold(memoryLimit: $0, threads: boundaries == nil ? 1 : 2)
        }
        var parser = makeParser(
            columns: header.columns, firstLine: header.nextLine, expectedRows: rowsAfterHeader,
            spillThreshold: spillThreshold)
        parser.lastRowNeedsLineBreak = end == nil
        var second: SecondHalf?
        if let boundaries {
            let half = SecondHalf(boundaries: boundaries)
            source.stop = boundaries[1]
            startSecondHalf(
                source.input, path: source.path, half: half, columns: header.columns,
                expectedRows: rowsAfterHeader / 2 + rowsAfterHeader / 8, spillThreshold: spillThreshold)
            second = half
        }
        let partEnd =
            pipelined
            ? readRowsThroughPipeline(
                &parser, &source, &buffer, spillThreshold: spillThreshold, progress: &progress)
            : readRows(&parser, &source, &buffer, second: second, progress: &progress)
        var readFailure: FileError?
        if case .failed(let error) = partEnd { readFailure = error }
        progress.report(progress.total ?? progress.ownBytes)

        // Once some events are spilled, all are: the funnel then reads them partition by partition.
        parser.spillRest()
        var diagnostics = parser.problems.diagnostics()
        if let readFailure { diagnostics.append(.unreadable(readFailure)) }
        if let spillFailure = parser.spill.failure { diagnostics.append(.cannotSpill(spillFailure)) }
        let lines = Set(diagnostics.map(\.location.line))
        parser.customers.table.releaseSlots()
        let spilled = parser.spill.spilledEvents(customers: parser.customers.table, memoryLimit: eventMemoryLimit)
        var log = EventLog(
            customers: parser.customers.takeIDs(), spilledEvents: spilled,
            ignoredEvents: parser.ignoredEvents, skippedRows: skipBadRows ? parser.problems.count : 0,
            rows: parser.rows)
        log.eventNames = parser.eventNameCounts
        if spilled == nil {
            log.eventRuns = [parser.events[...]] + parser.laterRuns.map { parser.laterEvents[$0] }
        }
        return Outcome(
            log: log, diagnostics: diagnostics,
            sourceLines: parser.problems.sourceLines.filter { lines.contains($0.key) })
    }

    /// A parser of the rows after the header, whose first row is on line `firstLine`, with room
    /// for `expectedRows` events and spilling past `spillThreshold` of them.
    func makeParser(columns: EventLogColumns, firstLine: Int, expectedRows: Int, spillThreshold: Int?) -> EventRowParser
    {
        // Room is reserved for a row's event and customer at most, in address space; no more
        // than `reservableRows` rows' worth (see there).
        let expectedRows = min(expectedRows, Self.reservableRows)
        // Without an event column no field plays the event's role, so every row's event name is
        // empty: mapping the empty name to stage 0 makes every row an event with no change to
        // the per-row loop (a test of the column in that loop cost 12% more instructions).
        var parser = EventRowParser(
            columns: columns, stageOfEvent: columns.event == nil ? ["": 0] : stageOfEvent, skipBadRows: skipBadRows,
            firstLine: firstLine, reservedCustomers: expectedRows)
        parser.spill.threshold = spillThreshold
        parser.spill.directory = spillDirectory ?? parser.spill.directory
        parser.events.reserveCapacity(
            EventSpillPolicy.reservedEvents(expected: expectedRows, threshold: spillThreshold))
        HugePages.advise(&parser.events)
        return parser
    }

    /// The most rows a parser reserves room for: as many as a quarter of the machine's memory
    /// holds at 56 bytes a row (a 16-byte event, and a customer's 16-byte record, 16 bytes of
    /// id and 8-byte end).
    ///
    /// Reserved room is address space, which memory backs only as it is written; but a system
    /// that does not overcommit memory refuses to reserve more than it has, and a larger input
    /// then grows its arrays as it goes instead. On a machine of 24 GiB, 115 M rows.
    static let reservableRows: Int = {
        let memory = MemorySize.physicalMemory() ?? (1 << 30)
        return max(1 << 16, memory / 4 / 56)
    }()

    /// About how many rows `bytes` bytes hold, judging by the line breaks in `sample`.
    ///
    /// The estimate is that count plus a tenth; 0 when the sample has none. At most 2^28.
    static func estimatedRows(in bytes: Int64, sample: UnsafeBufferPointer<UInt8>) -> Int {
        let lineBreaks = sample.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        guard lineBreaks > 0, bytes > 0 else { return 0 }
        let rows = Double(bytes) / (Double(sample.count) / Double(lineBreaks)) * 1.1
        return Int(min(rows, Double(1 << 28)))
    }
}
