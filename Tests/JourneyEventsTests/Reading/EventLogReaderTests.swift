import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyEvents
@testable import JourneyLanguage

/// Reading event logs: columns, CSV quoting and line endings, chunks and threads, counts.
@Suite struct EventLogReaderTests {
    private func expectLog(
        _ text: String, reader: EventLogReader = EventLogReader(stageOfEvent: testStages),
        customers: [String], events: [FunnelEvent], ignored: Int = 0, skipped: Int = 0, rows: Int,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for setup in ReadingSetup.all {
            let (log, diagnostics) = readEvents(text, reader: reader, setup: setup)
            #expect(diagnostics.isEmpty, "\(setup): \(diagnostics.map(\.message))", sourceLocation: sourceLocation)
            let expected =
                "customers \(customers), events \(events.map { "(\($0.customer) \($0.stage) \($0.time))" }), "
                + "ignored \(ignored), skipped \(skipped), rows \(rows)"
            #expect(LogSummary(log).description == expected, "\(setup)", sourceLocation: sourceLocation)
        }
    }

    @Test func columnsInAnotherOrderAmongOthers() {
        expectLog(
            """
            device,event,customer_id,extra,timestamp
            web,visit,ana,x,2026-11-23T15:04:05Z
            ios,order,bob,y,1795446245000
            web,page_view,ana,z,not a time
            web,signup,ana,,2026-11-23T15:05:05Z

            """,
            customers: ["ana", "bob"],
            events: [
                FunnelEvent(customer: 0, stage: 0, time: testInstant),
                FunnelEvent(customer: 1, stage: 2, time: testInstant),
                FunnelEvent(customer: 0, stage: 1, time: testInstant + 60_000),
            ],
            ignored: 1, rows: 4)
    }

    @Test func renamedColumns() {
        let reader = EventLogReader(
            stageOfEvent: testStages, customerColumn: "user", timeColumn: "at", eventColumn: "name")
        expectLog(
            """
            at,user,name,customer_id,timestamp,event
            1795446245,u1,visit,x,y,z

            """, reader: reader,
            customers: ["u1"], events: [FunnelEvent(customer: 0, stage: 0, time: testInstant)], rows: 1)
    }

    @Test func withoutAnEventColumnEveryRowIsAnEventOfStageZero() {
        // A purchase log: customer and time, an amount the reader does not use, an `event`
        // column it must not read either.
        let reader = EventLogReader(stageOfEvent: [:], eventColumn: nil)
        expectLog(
            """
            customer_id,timestamp,amount,event
            ana,2026-11-23T15:04:05Z,12.50,whatever
            bob,1795446245000,3,
            ana,2026-11-23T15:05:05Z,,order

            """, reader: reader,
            customers: ["ana", "bob"],
            events: [
                FunnelEvent(customer: 0, stage: 0, time: testInstant),
                FunnelEvent(customer: 1, stage: 0, time: testInstant),
                FunnelEvent(customer: 0, stage: 0, time: testInstant + 60_000),
            ],
            rows: 3)
    }

    @Test func aPurchaseLogOfDatesAloneIsReadAsMidnightUTC() {
        // As purchase logs are often exported: the day of each order, no time.
        let reader = EventLogReader(stageOfEvent: [:], eventColumn: nil)
        let day: Int64 = 86_400_000
        let september30: Int64 = 875_577_600_000
        expectLog(
            """
            customer_id,timestamp,amount
            00001,1997-09-30,11.77
            00002,"1997-10-01",12.00
            00001,1997-09-30T15:04:05Z,1.00
            00002,1996-02-29,3.50

            """, reader: reader,
            customers: ["00001", "00002"],
            events: [
                FunnelEvent(customer: 0, stage: 0, time: september30),
                FunnelEvent(customer: 1, stage: 0, time: september30 + day),
                FunnelEvent(customer: 0, stage: 0, time: september30 + 54_245_000),
                FunnelEvent(customer: 1, stage: 0, time: 825_552_000_000),
            ],
            rows: 4)
    }

    @Test func withoutAnEventColumnOnlyTheCustomerAndTimeColumnsAreRequired() {
        let (_, diagnostics) = readEvents(
            "customer_id,when\nana,2026-11-23T15:04:05Z\n", reader: EventLogReader(stageOfEvent: [:], eventColumn: nil))
        #expect(diagnostics.map(\.code) == ["missing-column"])
        #expect(diagnostics.first?.message.contains("'timestamp'") == true, "\(diagnostics)")
    }

    @Test func spacesAroundUnquotedHeaderNamesAreDropped() {
        expectLog(
            "customer_id , timestamp,\tevent\nana,1795446245,visit\n",
            customers: ["ana"], events: [FunnelEvent(customer: 0, stage: 0, time: testInstant)], rows: 1)
    }

    @Test func quotedFieldsWithCommasQuotesAndLineBreaks() {
        var stages = testStages
        stages["big \"sale\""] = 3
        stages["a,b"] = 4
        let lines = [
            "\"customer_id\",\"timestamp\",\"event\",\"note\"",
            "\"Smith, Ana\",\"2026-11-23T15:04:05Z\",visit,\"she said \"\"hi\"\"\"",
            "\"say \"\"hi\"\"\",1795446245,\"big \"\"sale\"\"\",",
            "\"two",
            "lines\",1795446245,\"a,b\",\"and",
            "a note over",
            "",
            "three lines, with \"\"quotes\"\", commas\"",
            "\"\",1795446245,ignored,\"\"",
            "ana,1795446245,\"visit\",x",
        ]
        expectLog(
            lines.joined(separator: "\n") + "\n", reader: EventLogReader(stageOfEvent: stages),
            customers: ["Smith, Ana", "say \"hi\"", "two\nlines", "ana"],
            events: [
                FunnelEvent(customer: 0, stage: 0, time: testInstant),
                FunnelEvent(customer: 1, stage: 3, time: testInstant),
                FunnelEvent(customer: 2, stage: 4, time: testInstant),
                FunnelEvent(customer: 3, stage: 0, time: testInstant),
            ],
            ignored: 1, rows: 5)
    }

    @Test func quoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() {
        expectLog(
            "customer_id,timestamp,event\nan\"a,1795446245,visit\n",
            customers: ["an\"a"], events: [FunnelEvent(customer: 0, stage: 0, time: testInstant)], rows: 1)
    }

    @Test func crlfLineEndings() {
        expectLog(
            "customer_id,timestamp,event\r\nana,1795446245,visit\r\n\"bob\",1795446245,\"order\"\r\n\"c\r\nd\",1795446245,signup\r\n\r\n",
            customers: ["ana", "bob", "c\r\nd"],
            events: [
                FunnelEvent(customer: 0, stage: 0, time: testInstant),
                FunnelEvent(customer: 1, stage: 2, time: testInstant),
                FunnelEvent(customer: 2, stage: 1, time: testInstant),
            ],
            rows: 3)
    }

    @Test func byteOrderMarkIsDropped() {
        expectLog(
            "\u{FEFF}customer_id,timestamp,event\nana,1795446245,visit\n",
            customers: ["ana"], events: [FunnelEvent(customer: 0, stage: 0, time: testInstant)], rows: 1)
    }

    @Test func lastRowWithoutLineBreak() {
        expectLog(
            "customer_id,timestamp,event\nana,1795446245,visit\nbob,1795446245,order",
            customers: ["ana", "bob"],
            events: [
                FunnelEvent(customer: 0, stage: 0, time: testInstant),
                FunnelEvent(customer: 1, stage: 2, time: testInstant),
            ],
            rows: 2)
        expectLog(
            "customer_id,timestamp,event\r\nana,1795446245,\"visit\"",
            customers: ["ana"], events: [FunnelEvent(customer: 0, stage: 0, time: testInstant)], rows: 1)
        expectLog(
            "customer_id,timestamp,event\r\nana,1795446245,visit\r",
            customers: ["ana"], events: [FunnelEvent(customer: 0, stage: 0, time: testInstant)], rows: 1)
    }

    @Test func blankLinesAreSkippedAnywhere() {
        expectLog(
            "\n\r\ncustomer_id,timestamp,event\n\nana,1795446245,visit\n\r\n\nbob,1795446245,order\n\n\n",
            customers: ["ana", "bob"],
            events: [
                FunnelEvent(customer: 0, stage: 0, time: testInstant),
                FunnelEvent(customer: 1, stage: 2, time: testInstant),
            ],
            rows: 2)
    }

    @Test func eventNamesMatchExactly() {
        expectLog(
            "customer_id,timestamp,event\nana,1795446245,Visit\nana,1795446245,visit \nana,1795446245,visits\n",
            customers: [], events: [], ignored: 3, rows: 3)
    }

    @Test func ignoredRowsAreNotCheckedForTimeOrCustomer() {
        expectLog(
            "customer_id,timestamp,event\n,yesterday,page_view\nana,,search\n,,\n",
            customers: [], events: [], ignored: 3, rows: 3)
    }

    @Test func customersAreInternedInOrderOfFirstAppearance() {
        var text = "customer_id,timestamp,event\n"
        var expectedCustomers: [String] = []
        var expectedEvents: [FunnelEvent] = []
        var ignored = 0
        // Ids of every length up to 40 bytes (inline and arena keys), repeated, in both halves.
        let ids = (0..<60).map { i in String(repeating: "x", count: i % 41) + "#\(i % 23)" }
        for (row, id) in (ids + ids.reversed() + ids).enumerated() {
            let event = ["visit", "signup", "order", "page_view"][row % 4]
            text += "\(id),\(1_795_446_245 + row),\(event)\n"
            guard event != "page_view" else {
                ignored += 1
                continue
            }
            if !expectedCustomers.contains(id) { expectedCustomers.append(id) }
            expectedEvents.append(
                FunnelEvent(
                    customer: Int32(expectedCustomers.firstIndex(of: id)!), stage: Int32(row % 4),
                    time: (1_795_446_245 + Int64(row)) * 1000))
        }
        expectLog(text, customers: expectedCustomers, events: expectedEvents, ignored: ignored, rows: ids.count * 3)
    }

    @Test func headerOnly() {
        for text in [
            "customer_id,timestamp,event", "customer_id,timestamp,event\n", "customer_id,timestamp,event\r\n\r\n",
        ] {
            expectLog(text, customers: [], events: [], rows: 0)
        }
    }

    @Test func emptyInputHasNoHeader() {
        for text in ["", "\u{FEFF}", "\n\n", "\r\n"] {
            let (log, diagnostics) = readEvents(text)
            #expect(diagnostics.map(\.code) == ["empty-event-log"])
            #expect(log.rows == 0)
        }
    }

    @Test func skipBadRowsCountsThemAndWarnsOnce() {
        var reader = EventLogReader(stageOfEvent: testStages)
        reader.skipBadRows = true
        let text = """
            customer_id,timestamp,event
            ana,1795446245,visit
            bob,1795446245
            ,1795446245,visit
            cid,2026-02-30T00:00:00Z,order
            dan,bad,page_view
            eve,1795446245,order,extra
            fay,1795446245,signup
            "gus"x,1795446245,visit

            """
        for setup in ReadingSetup.all {
            let (log, diagnostics) = readEvents(text, reader: reader, setup: setup)
            #expect(
                LogSummary(log)
                    == LogSummary(
                        EventLog(
                            customers: ["ana", "fay"],
                            events: [
                                FunnelEvent(customer: 0, stage: 0, time: testInstant),
                                FunnelEvent(customer: 1, stage: 1, time: testInstant),
                            ],
                            ignoredEvents: 1, skippedRows: 5, rows: 8)), "\(setup)")
            #expect(diagnostics.map(\.code) == ["skipped-rows"], "\(setup)")
            #expect(diagnostics.first?.severity == .warning)
            #expect(diagnostics.first?.location == SourceLocation(line: 3, column: 15), "\(setup)")
            #expect(
                diagnostics.first?.message
                    == "skipped 5 malformed rows, the first here: this row has 2 fields, but the header has 3")
        }
    }

    @Test func withoutSkippingBadRowsAreErrorsAndLeftOut() {
        let (log, diagnostics) = readEvents("customer_id,timestamp,event\nana,1795446245,visit\nbob,x,visit\n")
        #expect(diagnostics.map(\.code) == ["invalid-timestamp"])
        #expect(log.skippedRows == 0)
        #expect(log.rows == 2)
        #expect(log.events == [FunnelEvent(customer: 0, stage: 0, time: testInstant)])
    }

    /// A log with everything at once, read in every setup: the results must all be the same.
    @Test func everySetupAgrees() {
        var text = "\u{FEFF}customer_id,timestamp,event,note\r\n"
        for row in 0..<120 {
            let customer = ["ana", "\"b,o\"\"b\"", "carla-with-a-rather-long-customer-identifier", "d"][row % 4]
            let event = ["visit", "signup", "\"order\"", "page_view", "visit"][row % 5]
            let time = row % 3 == 0 ? "\(1_795_446_245 + row)" : "2026-11-23T15:04:\(10 + row % 50).\(row)Z"
            let note = row % 7 == 0 ? "\"a note\nover\r\ntwo lines\"" : (row % 11 == 0 ? "" : "n\(row)")
            text += "\(customer),\(time),\(event),\(note)" + (row % 13 == 0 ? "\n\n" : "\r\n")
            if row % 29 == 5 { text += "broken,row\n" }
        }
        text += "last,1795446245,order,no line break"
        for skip in [false, true] {
            var reader = EventLogReader(stageOfEvent: testStages)
            reader.skipBadRows = skip
            let reference = readEvents(text, reader: reader)
            #expect(reference.log.events.count > 60)
            #expect(reference.diagnostics.count == (skip ? 1 : 4))
            for setup in ReadingSetup.all {
                let result = readEvents(text, reader: reader, setup: setup)
                #expect(LogSummary(result.log) == LogSummary(reference.log), "\(setup)")
                #expect(result.diagnostics == reference.diagnostics, "\(setup)")
            }
        }
    }

    /// The second thread starts at a line break near the middle.
    ///
    /// Here that line break is in a quoted field whose lines look like rows. The first thread must
    /// notice and read on alone.
    @Test func aCutInsideAQuotedFieldFallsBackToOneThread() {
        var text = "customer_id,timestamp,event,note\n"
        for row in 0..<20 { text += "c\(row),1795446245,visit,\n" }
        text +=
            "quoted,1795446245,order,\"" + (0..<40).map { "fake\($0),1795446245,signup," }.joined(separator: "\n")
            + "\"\n"
        for row in 20..<40 { text += "c\(row),1795446245,order,\n" }
        text += "c1,not-a-time,order,\n"
        let reference = readEvents(text)
        #expect(reference.log.customers.count == 41)
        #expect(reference.log.rows == 42)
        #expect(reference.diagnostics.map(\.location) == [SourceLocation(line: 82, column: 4)])
        for setup in ReadingSetup.all {
            let result = readEvents(text, setup: setup)
            #expect(LogSummary(result.log) == LogSummary(reference.log), "\(setup)")
            #expect(result.diagnostics == reference.diagnostics, "\(setup)")
        }
    }

    @Test func twoThreadsShiftTheSecondHalfsLines() {
        var text = "customer_id,timestamp,event\n"
        for row in 0..<200 { text += row % 50 == 49 ? "c\(row),x,visit\n" : "c\(row % 17),1795446245,visit\n" }
        let expectedLines = [51, 101, 151, 201]
        for setup in ReadingSetup.all {
            let (log, diagnostics) = readEvents(text, setup: setup)
            #expect(diagnostics.map(\.location.line) == expectedLines, "\(setup)")
            #expect(Array(log.customers) == (0..<17).map { "c\($0)" }, "\(setup)")
        }
    }

    @Test func theSecondThreadReadsThePiecesBetweenFromTheLastBack() {
        // Customers c0, c1, … in the first half and back in reverse order in the second, so that
        // the second thread, reading its pieces from the last back, meets the customers new to
        // the first thread in the reverse of their order in the file; and malformed rows in every
        // stretch, so that the lines of the diagnostics cross the pieces.
        var text = "customer_id,timestamp,event\n"
        for row in 0..<4000 {
            if row % 397 == 5 {
                text += "broken,row\n"
            } else {
                let customer = row < 2000 ? row : 3999 - row
                text += "c\(customer),\(1_795_446_245 + row),\(["visit", "order", "search"][row % 3])\n"
            }
        }
        var reader = EventLogReader(stageOfEvent: testStages)
        reader.skipBadRows = false
        let reference = readEvents(text, reader: reader)
        #expect(reference.diagnostics.count > 5)
        // Chunks smaller than the input, or the first (read with the header) would hold it all.
        let setup = ReadingSetup(chunkSize: 256, threads: 2, pieceSize: 200, firstThreadTakesPieces: false)
        let (log, diagnostics) = readEvents(text, reader: reader, setup: setup)
        #expect(LogSummary(log) == LogSummary(reference.log))
        #expect(diagnostics == reference.diagnostics)
        // The first thread's run, and one for each piece the second read: the last and those between.
        #expect(log.eventRuns.count > 10)
    }

    @Test func readsAFileWithProgress() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "journey-events-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("events.csv").path
        var text = "customer_id,timestamp,event\n"
        for row in 0..<5000 {
            text += "c\(row % 300),\(1_795_446_245 + row),\(["visit", "order", "search"][row % 3])\n"
        }
        try FileSystem.write(Array(text.utf8), to: path, replacing: false)
        let reference = readEvents(text)
        for threads in [1, 2] {
            var reader = EventLogReader(stageOfEvent: testStages)
            reader.chunkSize = 4096
            reader.maximumThreads = threads
            reader.parallelThreshold = 0
            var reports: [(Int64, Int64?)] = []
            let (log, diagnostics) = reader.read(path: path) { reports.append(($0, $1)) }
            #expect(diagnostics.isEmpty)
            #expect(LogSummary(log) == LogSummary(reference.log))
            #expect(log.events.count == 3334)
            // Each thread's events stay where it wrote them: the first thread's in one run, the
            // second's in one for each piece it read.
            #expect(threads == 1 ? log.eventRuns.count == 1 : log.eventRuns.count >= 2)
            #expect(reports.allSatisfy { $0.1 == Int64(text.utf8.count) })
            #expect(reports.last?.0 == Int64(text.utf8.count))
            #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.0 < $1.0 })
        }
    }

    @Test func aMissingFileCannotBeRead() {
        let (log, diagnostics) = EventLogReader(stageOfEvent: testStages).read(path: "/nonexistent/events.csv")
        #expect(diagnostics.map(\.code) == ["cannot-read-file"])
        #expect(diagnostics.first?.message == "cannot read '/nonexistent/events.csv': No such file or directory")
        #expect(log.rows == 0)
    }

    @Test func sourceLinesHoldTheLinesDiagnosticsPointAt() {
        let text = "customer_id,timestamp,event\nana,1795446245,visit\n\"b\nob\",yesterday,visit\r\n"
        let outcome = EventLogReader(stageOfEvent: testStages).readWithSourceLines(
            bytes: Array(text.utf8), name: "x.csv")
        #expect(outcome.diagnostics.map(\.location) == [SourceLocation(line: 4, column: 5)])
        #expect(outcome.sourceLines == [4: "ob\",yesterday,visit"])
    }
}
