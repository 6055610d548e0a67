import JourneyLanguage

/// Turns the rows of an event log, after its header, into funnel events, a buffer at a time.
///
/// `parse(_:final:)` reads every whole row of a buffer and returns where the first row it
/// could not finish starts, so that the caller keeps those bytes and appends the next chunk
/// behind them. `EventRowScanner` finds a row's fields; this parser decides what the row
/// means. A row whose event belongs to no stage is counted and dropped without reading its
/// customer or time. The others' customers are interned by `customers`, their events kept in
/// `events` up to the limit of `spill`, and malformed rows counted by `problems`. Lines are
/// counted as rows go by; columns are only worked out for a diagnostic.
///
/// Blank lines (empty, or a lone CR) are skipped wherever they are and are not rows.
struct EventRowParser: ~Copyable {
    let columns: EventLogColumns
    private let scanner: EventRowScanner
    /// The stage of each event name.
    private var stages: EventStageMap
    /// The customers, in order of first appearance in a row that marks a stage.
    var customers: CustomerRegistry
    /// The funnel events not spilled, in file order.
    var events: [FunnelEvent] = []
    /// The events of a later half of the input merged into this one (`merge(_:)`), which
    /// follow `events` in file order, kept where that half's thread wrote them: `laterRuns`
    /// says where each of its pieces' are, in file order.
    var laterEvents: [FunnelEvent] = []
    var laterRuns: [Range<Int>] = []
    /// The pieces of the input read so far, in the order read (see `closePiece(_:)`); empty
    /// for a parser that reads one stretch of the input.
    var pieces: [ParsedPiece] = []
    /// When `events` go to a temporary file, and the file.
    var spill = EventSpillPolicy()
    /// The malformed rows.
    var problems: RowProblemCollector
    /// Rows read, malformed ones included; blank lines excluded.
    var rows = 0
    /// Rows whose event belongs to no stage.
    var ignoredEvents = 0
    /// The rows of each event name read by the parsers merged into this one (`merge(_:)`).
    var mergedNameCounts = EventNameCounts()
    /// The line the next row starts on, from 1.
    var line: Int
    /// Whether the customers are interned by another thread (see `ChunkPipeline`): the pending
    /// events of a buffer are then left in `customers` for the caller to take with the buffer,
    /// and a quoted customer id holding `""` is unescaped in place, in the buffer.
    var internsLater = false
    /// Whether the input's last row must end with a line break, as on a stream, where a missing
    /// one may mean the writer stopped in the middle of the row (a file read to its end is
    /// whole, and editors often leave the last line break out).
    var lastRowNeedsLineBreak = false
    /// Room to unescape a quoted customer id or event name holding `""`.
    private var scratch: [UInt8] = []
    /// The date of the last timestamp read.
    private var dateMemo = Timestamp.DateMemo()

    init(
        columns: EventLogColumns, stageOfEvent: [String: Int32], skipBadRows: Bool, firstLine: Int,
        expectedCustomers: Int = 1 << 16, reservedCustomers: Int = 0
    ) {
        self.columns = columns
        self.scanner = EventRowScanner(columns: columns)
        self.line = firstLine
        self.stages = EventStageMap(stageOfEvent)
        self.customers = CustomerRegistry(expectedCount: expectedCustomers, reservedCount: reservedCustomers)
        self.problems = RowProblemCollector(skipBadRows: skipBadRows)
    }

    /// Parses the whole rows of `buffer` and returns the number of bytes they take.
    ///
    /// `buffer` starts at the start of a row. `final` says that the input ends with the buffer,
    /// so that its last row needs no line break.
    mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>, final: Bool) -> Int {
        guard let p = buffer.baseAddress else { return 0 }
        let end = buffer.count
        var rowStart = 0
        while rowStart < end {
            guard let row = scanner.scan(p, from: rowStart, end: end, final: final) else { break }
            if row.isBlank {
                line += 1
                rowStart = row.next
                continue
            }
            rows += 1
            var problem = row.problem
            if problem == nil, final, lastRowNeedsLineBreak, row.next == end, p[end - 1] != UInt8(ascii: "\n") {
                problem = .cutAtEnd(end: end)
            }
            if problem == nil {
                let customer = row.customer
                let time = row.time
                let event = row.event
                let stage = self.stage(p, from: event.start, to: event.end, escaped: event.escaped)
                if stage < 0 {
                    ignoredEvents += 1
                } else if let parsedTime = Timestamp.parse(
                    p + time.start, count: time.end - time.start, memo: &dateMemo),
                    customer.end > customer.start
                {
                    if customer.escaped && internsLater {
                        let length = unescapeInPlace(p, from: customer.start, to: customer.end)
                        _ = customers.addPendingEvent(
                            p, start: customer.start, length: length, stage: stage, time: parsedTime)
                    } else if customer.escaped {
                        flush(p)
                        unescape(p, from: customer.start, to: customer.end)
                        let number = scratch.withUnsafeBufferPointer { customers.intern($0) }
                        events.append(FunnelEvent(customer: number, stage: stage, time: parsedTime))
                    } else if customers.addPendingEvent(
                        p, start: customer.start, length: customer.end - customer.start,
                        stage: stage, time: parsedTime), !internsLater
                    {
                        flush(p)
                    }
                } else {
                    let timeProblem = EventRowProblem.invalidTimestamp(
                        start: time.quoted ? time.start - 1 : time.start, end: time.quoted ? time.end + 1 : time.end,
                        contentStart: time.start, contentEnd: time.end)
                    let customerProblem = EventRowProblem.emptyCustomer(
                        start: customer.quoted ? customer.start - 1 : customer.start,
                        end: customer.quoted ? customer.end + 1 : customer.end)
                    if customer.end == customer.start,
                        columns.customer < columns.time
                            || Timestamp.parse(p + time.start, count: time.end - time.start) != nil
                    {
                        problem = customerProblem
                    } else {
                        problem = timeProblem
                    }
                }
            }
            if let problem {
                problems.report(problem, in: buffer, rowStart: rowStart, line: line, fieldCount: scanner.fieldCount)
            }
            line += 1 + row.innerLineBreaks
            rowStart = row.next
        }
        if !internsLater { flush(p) }
        return rowStart
    }

    /// Interns the customers of the pending events and appends the events, then spills them
    /// if they have reached the limit.
    private mutating func flush(_ p: UnsafePointer<UInt8>) {
        guard customers.hasPendingEvents else { return }
        customers.internPendingEvents(p, appendingTo: &events)
        spill.spillIfFull(&events, customers: customers.table)
    }

    /// Moves the events in memory to the temporary file when some already went there, so that
    /// all are in it; nothing when none did or spilling failed.
    mutating func spillRest() {
        if spill.hasSpilled { spill.spill(&events, customers: customers.table) }
    }

    /// The stage the event name at `start..<end` marks, or -1 when it marks none.
    @inline(__always)
    /// The rows of each event name read so far, by this parser and those merged into it.
    ///
    /// Not part of `tally`: when a stream's reading ends early, the names of the rows read
    /// ahead stay counted, which changes no verdict, as the reading then fails.
    var eventNameCounts: EventNameCounts {
        var counts = stages.nameCounts()
        counts.add(mergedNameCounts)
        return counts
    }

    private mutating func stage(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, escaped: Bool) -> Int32 {
        guard escaped else { return stages.stage(p + start, length: end - start) }
        unescape(p, from: start, to: end)
        return scratch.withUnsafeBufferPointer { stages.stage($0.baseAddress!, length: $0.count) }
    }

    /// Unescapes the content at `start..<end` where it is, `""` read as `"`, and returns its
    /// new length.
    ///
    /// The buffer is a `ChunkBuffer`'s, which is mutable; the row is whole and has no problem,
    /// so that nothing reads its escaped text again.
    private func unescapeInPlace(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let target = UnsafeMutablePointer(mutating: p)
        var i = start
        var length = 0
        while i < end {
            target[start + length] = p[i]
            length += 1
            i += p[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        return length
    }

    /// Puts the content at `start..<end` into `scratch`, with `""` read as `"`.
    private mutating func unescape(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) {
        scratch.removeAll(keepingCapacity: true)
        var i = start
        while i < end {
            scratch.append(p[i])
            i += p[i] == UInt8(ascii: "\"") ? 2 : 1
        }
    }
}
