@testable import JourneyEvents
@testable import JourneyLanguage

/// The stages the event-log tests map events to.
let testStages: [String: Int32] = ["visit": 0, "signup": 1, "order": 2]

/// How a test reads an event log: the chunk size, whether two threads may share it, and whether
/// it is read as a stream (of unknown size, as from a pipe) or as a file.
struct ReadingSetup: CustomStringConvertible, Sendable {
    var chunkSize: Int
    var threads: Int
    /// A stream on two threads is a pipeline: one thread parses, the other interns customers.
    var stream = false
    /// The size of the pieces two threads take from either end of a file (`pieceSize`): the
    /// default, or a few bytes, so that small inputs are cut into many, inside rows too.
    var pieceSize: Int64 = 4 << 20
    /// Whether the first thread takes pieces past its own; when not, the second reads them all,
    /// from the last back.
    var firstThreadTakesPieces = true

    var description: String {
        "\(chunkSize)-byte chunks, \(threads) thread\(threads == 1 ? "" : "s")\(stream ? ", a stream" : "")"
            + (pieceSize < 4 << 20 ? ", \(pieceSize)-byte pieces" : "")
            + (firstThreadTakesPieces ? "" : ", all taken by the second thread")
    }

    /// One thread with the default chunk: the reference every other setup must agree with.
    static let plain = ReadingSetup(chunkSize: 1 << 20, threads: 1)

    /// Setups that cut rows at every place: tiny chunks, and two threads on tiny inputs.
    static let all: [ReadingSetup] = [
        .plain,
        ReadingSetup(chunkSize: 1, threads: 1), ReadingSetup(chunkSize: 2, threads: 1),
        ReadingSetup(chunkSize: 3, threads: 1),
        ReadingSetup(chunkSize: 7, threads: 1), ReadingSetup(chunkSize: 16, threads: 1),
        ReadingSetup(chunkSize: 61, threads: 1),
        ReadingSetup(chunkSize: 1 << 20, threads: 2), ReadingSetup(chunkSize: 7, threads: 2),
        ReadingSetup(chunkSize: 16, threads: 2, pieceSize: 1), ReadingSetup(chunkSize: 7, threads: 2, pieceSize: 5),
        ReadingSetup(chunkSize: 3, threads: 2, pieceSize: 40),
        ReadingSetup(chunkSize: 64, threads: 2, pieceSize: 3, firstThreadTakesPieces: false),
        ReadingSetup(chunkSize: 5, threads: 2, pieceSize: 20, firstThreadTakesPieces: false),
        ReadingSetup(chunkSize: 1, threads: 2),
        ReadingSetup(chunkSize: 1 << 20, threads: 1, stream: true),
        ReadingSetup(chunkSize: 1 << 20, threads: 2, stream: true),
        ReadingSetup(chunkSize: 1, threads: 2, stream: true), ReadingSetup(chunkSize: 2, threads: 2, stream: true),
        ReadingSetup(chunkSize: 7, threads: 2, stream: true), ReadingSetup(chunkSize: 61, threads: 2, stream: true),
    ]

    /// `reader` set up for this: two threads split even the smallest input.
    func apply(to reader: EventLogReader) -> EventLogReader {
        var reader = reader
        reader.chunkSize = chunkSize
        reader.maximumThreads = threads
        reader.parallelThreshold = threads > 1 ? 0 : .max
        reader.readsBytesAsStream = stream
        reader.pieceSize = pieceSize
        reader.firstThreadTakesPieces = firstThreadTakesPieces
        // On a machine of one processor too.
        reader.processorCount = 2
        return reader
    }
}

/// An event log's content in one comparable value.
struct LogSummary: Equatable, CustomStringConvertible {
    var customers: [String]
    var events: [FunnelEvent]
    var ignoredEvents: Int
    var skippedRows: Int
    var rows: Int

    init(_ log: EventLog) {
        customers = Array(log.customers)
        events = log.events
        ignoredEvents = log.ignoredEvents
        skippedRows = log.skippedRows
        rows = log.rows
    }

    var description: String {
        "customers \(customers), events \(events.map { "(\($0.customer) \($0.stage) \($0.time))" }), "
            + "ignored \(ignoredEvents), skipped \(skippedRows), rows \(rows)"
    }
}

/// Reads `text` with `reader` as `setup` says.
///
/// As a stream, `text` gets a line break at its end when it has none: a stream's last row
/// needs one (`row-cut-at-end`, tested on its own), and the texts are written as files.
func readEvents(
    _ text: String, reader: EventLogReader = EventLogReader(stageOfEvent: testStages),
    setup: ReadingSetup = .plain
) -> (log: EventLog, diagnostics: [Diagnostic]) {
    let whole = setup.stream && !text.isEmpty && !text.hasSuffix("\n") ? text + "\n" : text
    return setup.apply(to: reader).read(bytes: Array(whole.utf8), name: "events.csv")
}

/// 2026-11-23T15:04:05Z in milliseconds since the epoch.
let testInstant: Int64 = 1_795_446_245_000
