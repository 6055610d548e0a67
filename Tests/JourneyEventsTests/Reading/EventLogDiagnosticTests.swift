import JourneyTestSupport
import Testing

@testable import JourneyEvents
@testable import JourneyLanguage

/// One test per event-log message, each at its exact line and column, in every reading setup.
@Suite struct EventLogDiagnosticTests {
    /// Expects exactly the given diagnostics, in order, each at its marker, whatever the chunk
    /// size and the number of threads.
    private func expectDiagnostics(
        _ marked: String, _ expected: [ExpectedDiagnostic],
        reader: EventLogReader = EventLogReader(stageOfEvent: testStages),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for setup in ReadingSetup.all {
            JourneyTestSupport.expectDiagnostics(marked, expected, context: "\(setup)", sourceLocation: sourceLocation)
            {
                readEvents($0, reader: reader, setup: setup).diagnostics
            }
        }
    }

    @Test func emptyEventLog() {
        expectDiagnostics(
            "1️⃣",
            [
                .init(
                    marker: 1, code: "empty-event-log",
                    message: "the event log is empty: it has no header row",
                    helpContains: "customer_id,timestamp,event")
            ])
        expectDiagnostics("1️⃣\n\n\r\n", [.init(marker: 1, code: "empty-event-log")])
    }

    @Test func missingColumnSuggestsTheClosest() {
        expectDiagnostics(
            """
            customer_id,1️⃣time_stamp,event
            ana,1795446245,visit
            """,
            [
                .init(
                    marker: 1, code: "missing-column", message: "the header has no column 'timestamp'",
                    helpContains: "did you mean 'time_stamp'? Pass --time-column 'time_stamp' to use it; "
                        + "the header's columns are 'customer_id', 'time_stamp', 'event'")
            ])
    }

    @Test func missingColumnsWithoutSuggestionAreAtTheHeader() {
        expectDiagnostics(
            """

            2️⃣user,when,1️⃣Customer_ID
            """,
            [
                .init(
                    marker: 2, code: "missing-column", message: "the header has no column 'timestamp'",
                    helpContains: "the header's columns are 'user', 'when', 'Customer_ID'; pass --time-column NAME"),
                .init(
                    marker: 2, code: "missing-column", message: "the header has no column 'event'",
                    helpContains: "pass --event-column NAME"),
                .init(
                    marker: 1, code: "missing-column", message: "the header has no column 'customer_id'",
                    helpContains: "did you mean 'Customer_ID'?"),
            ])
    }

    @Test func missingColumnAfterAByteOrderMarkCountsColumnsAfterIt() {
        // The mark is not a column, as for journey files (`SourceFile` drops it too).
        for setup in ReadingSetup.all {
            let diagnostics = readEvents("\u{FEFF}customer_id,timestamp,evnt\n", setup: setup).diagnostics
            #expect(diagnostics.map(\.range) == [SourceRange(line: 1, column: 23, length: 4)], "\(setup)")
        }
    }

    @Test func tooFewFieldsIsAtTheEndOfTheRow() {
        expectDiagnostics(
            """
            customer_id,timestamp,event
            ana,1795446245,visit
            bob,17954462451️⃣
            """, [.init(marker: 1, code: "too-few-fields", message: "this row has 2 fields, but the header has 3")])
        expectDiagnostics(
            "customer_id,timestamp,event\r\nbob1️⃣\r\n",
            [
                .init(marker: 1, code: "too-few-fields", message: "this row has 1 field, but the header has 3")
            ])
    }

    @Test func tooManyFieldsIsAtTheFirstExtraComma() {
        expectDiagnostics(
            """
            customer_id,timestamp,event
            ana,"1795446245","visit"1️⃣,"Paris, France",x
            """,
            [
                .init(
                    marker: 1, code: "too-many-fields", message: "this row has 5 fields, but the header has 3",
                    helpContains: "\"Paris, France\"")
            ])
    }

    @Test func fieldCountIsCheckedForIgnoredEventsToo() {
        expectDiagnostics(
            """
            customer_id,timestamp,event
            ana,1795446245,page_view1️⃣,x
            """, [.init(marker: 1, code: "too-many-fields")])
    }

    @Test func unterminatedQuote() {
        expectDiagnostics(
            """
            customer_id,timestamp,event
            ana,1795446245,visit
            bob,1795446245,1️⃣"visit
            carla,1795446245,visit
            """, [.init(marker: 1, code: "unterminated-quote", message: "this quoted field is never closed")])
    }

    @Test func unterminatedQuoteInTheHeader() {
        expectDiagnostics("customer_id,1️⃣\"timestamp,event\n", [.init(marker: 1, code: "unterminated-quote")])
    }

    @Test func textAfterAClosingQuote() {
        expectDiagnostics(
            """
            customer_id,timestamp,event
            "ana"1️⃣ ,1795446245,visit
            bob,1795446245,visit
            """,
            [.init(marker: 1, code: "text-after-quote", message: "unexpected ' ' after the closing quote of a field")])
        expectDiagnostics("\"customer_id\"1️⃣x,timestamp,event\n", [.init(marker: 1, code: "text-after-quote")])
    }

    @Test func invalidTimestampQuotesTheTextAndSaysWhy() {
        expectDiagnostics(
            """
            customer_id,timestamp,event
            ana,1️⃣2026-02-29T10:00:00Z,visit
            bob,2️⃣"2026-11-23T24:00:00Z",order
            """,
            [
                .init(
                    marker: 1, code: "invalid-timestamp",
                    message: "'2026-02-29T10:00:00Z' is not a valid timestamp: February 2026 has 28 days, not 29",
                    helpContains: "ISO 8601"),
                .init(
                    marker: 2, code: "invalid-timestamp",
                    message: "'2026-11-23T24:00:00Z' is not a valid timestamp: hour 24 is not between 00 and 23",
                    helpContains: "epoch seconds (1795446245) or milliseconds (1795446245123)"),
            ])
    }

    @Test func invalidDatesAloneAreAtTheirFieldAndSayWhy() {
        expectDiagnostics(
            """
            customer_id,timestamp,amount
            ana,1997-09-30,1.00
            bob,1️⃣1900-02-29,2.00
            cal,2️⃣"1997-9-30",3.00
            dan,3️⃣1997-09-30 noon,4.00
            """,
            [
                .init(
                    marker: 1, code: "invalid-timestamp",
                    message: "'1900-02-29' is not a valid timestamp: February 1900 has 28 days, not 29",
                    helpContains: "a date alone, 2026-11-23, is midnight UTC"),
                .init(
                    marker: 2, code: "invalid-timestamp",
                    message: "'1997-9-30' is not a valid timestamp: the month and the day take two digits each, "
                        + "as in 1997-09-30"),
                .init(
                    marker: 3, code: "invalid-timestamp",
                    message: "'1997-09-30 noon' is not a valid timestamp: it is neither an ISO 8601 date or date "
                        + "and time nor a number of epoch seconds or milliseconds"),
            ],
            reader: EventLogReader(stageOfEvent: [:], eventColumn: nil))
    }

    @Test func invalidTimestampColumnsCountCharactersNotBytes() {
        expectDiagnostics(
            "note,customer_id,timestamp,event\n\"Zoë ☕️ café, \"\"ok\"\"\",zoë,1️⃣soon,visit\n",
            [.init(marker: 1, code: "invalid-timestamp")])
    }

    @Test func linesCountLineBreaksInsideQuotedFields() {
        expectDiagnostics(
            """
            customer_id,timestamp,event,note
            ana,1795446245,visit,"a note
            over

            four lines"
            bob,1️⃣never,visit,
            """, [.init(marker: 1, code: "invalid-timestamp")])
    }

    @Test func blankLinesCountAsLines() {
        expectDiagnostics(
            "\n\ncustomer_id,timestamp,event\n\n\nana,1️⃣x,visit\n", [.init(marker: 1, code: "invalid-timestamp")])
    }

    @Test func emptyCustomerID() {
        expectDiagnostics(
            """
            customer_id,timestamp,event
            1️⃣,1795446245,visit
            2️⃣"",1795446245,visit
            """,
            [
                .init(marker: 1, code: "empty-customer-id", message: "the customer id is empty"),
                .init(marker: 2, code: "empty-customer-id"),
            ])
    }

    @Test func aRowWithTwoProblemsReportsTheLeftmost() {
        expectDiagnostics(
            """
            customer_id,timestamp,event
            1️⃣,x,visit
            """, [.init(marker: 1, code: "empty-customer-id")])
        expectDiagnostics(
            """
            timestamp,customer_id,event
            1️⃣x,,visit
            """, [.init(marker: 1, code: "invalid-timestamp")])
    }

    @Test func afterTwentyBadRowsTheRestAreCounted() {
        var marked = "customer_id,timestamp,event\n"
        for row in 0..<25 { marked += row == 20 ? "c\(row),1️⃣x,visit\n" : "c\(row),x,visit\n" }
        let expected = Array(repeating: ExpectedDiagnostic(marker: 0, code: "invalid-timestamp"), count: 20)
        let text = MarkedText(marked)
        for setup in ReadingSetup.all {
            let diagnostics = readEvents(text.text, setup: setup).diagnostics
            #expect(diagnostics.map(\.code) == expected.map(\.code) + ["more-bad-rows"], "\(setup)")
            #expect(diagnostics.prefix(20).map(\.location.line) == Array(2...21), "\(setup)")
            #expect(diagnostics.last?.location == text[1], "\(setup)")
            #expect(
                diagnostics.last?.message == "5 more rows are malformed, from this one on; only the first 20 are shown")
        }
    }

    @Test func skippedRowsWarningIsAtTheFirstBadRow() {
        var reader = EventLogReader(stageOfEvent: testStages)
        reader.skipBadRows = true
        expectDiagnostics(
            """
            customer_id,timestamp,event
            ana,1795446245,visit
            bob,1795446245,visit1️⃣,x
            ,1795446245,visit
            """,
            [
                .init(
                    marker: 1, code: "skipped-rows", severity: .warning,
                    message: "skipped 2 malformed rows, the first here: this row has 4 fields, but the header has 3",
                    helpContains: "they are left out of the funnel")
            ], reader: reader)
    }

    @Test func ranges() {
        let text = "customer_id,timestamp,event\nzoë,\"2026-02-30T00:00:00Z\",visit\nbob,1,visit,x,y\n"
        let diagnostics = readEvents(text).diagnostics
        #expect(
            diagnostics.map(\.range) == [
                SourceRange(line: 2, column: 5, length: 22), SourceRange(line: 3, column: 12, length: 4),
            ])
    }

    /// The stream setups, and a reader of them that skips bad rows or not.
    private static let streams = ReadingSetup.all.filter(\.stream)

    @Test func aStreamsLastRowWithoutALineBreakMayBeCut() {
        // "ana" orders, but the stream stops in the middle of her event name: "ord".
        let text = "customer_id,timestamp,event\nana,1795446245,visit\nana,1795446246,ord"
        for setup in Self.streams {
            let stopped = setup.apply(to: EventLogReader(stageOfEvent: testStages))
                .read(bytes: Array(text.utf8), name: "-")
            #expect(stopped.diagnostics.map(\.code) == ["row-cut-at-end"], "\(setup)")
            #expect(stopped.diagnostics.first?.location == SourceLocation(line: 3, column: 19), "\(setup)")
            #expect(stopped.diagnostics.first?.severity == .error)

            var skipping = EventLogReader(stageOfEvent: testStages, skipBadRows: true)
            skipping = setup.apply(to: skipping)
            let skipped = skipping.read(bytes: Array(text.utf8), name: "-")
            #expect(skipped.log.skippedRows == 1, "\(setup)")
            #expect(skipped.log.events.count == 1 && skipped.log.ignoredEvents == 0, "\(setup)")
            #expect(skipped.diagnostics.map(\.code) == ["skipped-rows"], "\(setup)")

            let whole = setup.apply(to: EventLogReader(stageOfEvent: testStages))
                .read(bytes: Array((text + "er\n").utf8), name: "-")
            #expect(whole.diagnostics.isEmpty, "\(setup)")
            #expect(whole.log.events.count == 2, "\(setup)")
        }
        // A file is whole when read to its end: its last row needs no line break.
        for setup in ReadingSetup.all where !setup.stream {
            let file = setup.apply(to: EventLogReader(stageOfEvent: testStages))
                .read(bytes: Array(text.utf8), name: "events.csv")
            #expect(file.diagnostics.isEmpty, "\(setup)")
            #expect(file.log.ignoredEvents == 1, "\(setup)")
        }
    }
}
