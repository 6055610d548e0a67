import Testing

@testable import JourneyEvents
@testable import JourneyLanguage

/// The rows of each event name, counted as the log is read, the same however it is read.
@Suite struct EventNameCountsTests {
    static let log = """
        customer_id,timestamp,event
        a,2026-01-01T10:00:00Z,visit
        a,2026-01-01T10:01:00Z,page_view
        b,2026-01-01T10:02:00Z,visit
        b,2026-01-01T10:03:00Z,"ord""er"
        c,2026-01-01T10:04:00Z,page_view
        c,2026-01-01T10:05:00Z,subscription_started
        c,2026-01-01T10:06:00Z,
        d,2026-01-01T10:07:00Z,page_view

        """

    @Test func everyNameIsCountedTheJourneysWithZeroWhateverTheReading() {
        let expected = [
            "visit": 2, "signup": 0, "order": 0, "page_view": 3, "ord\"er": 1, "subscription_started": 1, "": 1,
        ]
        for setup in ReadingSetup.all {
            let (log, diagnostics) = readEvents(Self.log, setup: setup)
            #expect(diagnostics.isEmpty, "\(setup)")
            #expect(log.eventNames.rows == expected, "\(setup)")
            #expect(log.eventNames.uncountedRows == 0, "\(setup)")
        }
    }

    @Test func theJourneysMissingNamesAndTheLogsUnusedOnes() {
        let (log, _) = readEvents(Self.log)
        #expect(log.eventNames.missing(from: ["visit", "signup", "order"]) == ["signup", "order"])
        let unused = log.eventNames.unused(by: ["visit", "signup", "order"])
        // Most rows first, then by name.
        #expect(unused.map(\.name) == ["page_view", "", "ord\"er", "subscription_started"])
        #expect(unused.map(\.rows) == [3, 1, 1, 1])
    }

    @Test func pastTheLimitOtherNamesAreCountedTogether() {
        let names = EventNameCounts.otherNameLimit + 5
        var text = "customer_id,timestamp,event\n"
        for index in 0..<names {
            text += "c\(index),2026-01-01T10:00:00Z,url-\(index)\nc\(index),2026-01-01T10:00:00Z,visit\n"
        }
        let (log, diagnostics) = readEvents(text)
        #expect(diagnostics.isEmpty)
        #expect(log.eventNames.rows["visit"] == names)
        #expect(log.eventNames.rows.count == 3 + EventNameCounts.otherNameLimit)
        #expect(log.eventNames.uncountedRows == 5)
        #expect(log.ignoredEvents == names)
    }
}
