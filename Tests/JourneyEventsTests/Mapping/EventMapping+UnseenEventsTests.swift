import JourneyTestSupport
import Testing

@testable import JourneyEvents
@testable import JourneyLanguage

/// A journey event that the log never carries is a warning at the event, not a silent 0.
@Suite struct EventMappingUnseenEventsTests {
    static let journey =
        header + """
            stage Visit
              event visit
              touchpoint "Lands" +1 via site
            stage Trial
              event trial_lesson
              touchpoint "Plays" +1 via site
            stage "First month"
              event 1️⃣subscription_start
              event 2️⃣gift_card
              touchpoint "Pays" +1 via site
            """

    private func unseen(_ text: String, _ rows: [String: Int]) -> [Diagnostic] {
        EventMapping.unseenEvents(in: check(text).journey, counts: EventNameCounts(rows: rows), log: "log.csv")
    }

    @Test func eachEventTheLogLacksIsAWarningWithTheClosestUnusedName() {
        let rows = [
            "visit": 1000, "trial_lesson": 864, "subscription_start": 0, "subscription_started": 512,
            "page_view": 4000,
        ]
        expectDiagnostics(
            Self.journey,
            [
                ExpectedDiagnostic(
                    marker: 1, code: "event-not-in-log", severity: .warning,
                    message:
                        "event 'subscription_start' of stage 'First month' never occurs in log.csv: the stage's reach from it is 0",
                    helpContains:
                        "did you mean 'subscription_started'? the log has it in 512 rows, and no stage uses it"),
                // Nothing close: the log's unused events, most rows first.
                ExpectedDiagnostic(
                    marker: 2, code: "event-not-in-log", severity: .warning,
                    helpContains:
                        "the log's events that no stage uses: 'page_view' (4,000 rows), 'subscription_started' (512 rows)"
                ),
            ]
        ) { self.unseen($0, rows) }
        let typo = unseen(MarkedText(Self.journey).text, rows)[0]
        #expect(typo.range.length == "subscription_start".count)
    }

    @Test func pastTheNamesCountedTheHelpSaysHowManyRowsWereNot() {
        var rows = ["visit": 3, "trial_lesson": 2, "gift_card": 1]
        for index in 0..<7 { rows["url-\(index)"] = 10 - index }
        let counts = EventNameCounts(rows: rows, uncountedRows: 12)
        let journey = check(MarkedText(Self.journey).text).journey
        let diagnostics = EventMapping.unseenEvents(in: journey, counts: counts, log: "log.csv")
        #expect(diagnostics.count == 1)
        #expect(
            diagnostics.first?.help
                == "the log's events that no stage uses: 'url-0' (10 rows), 'url-1' (9 rows), 'url-2' (8 rows), "
                + "'url-3' (7 rows), 'url-4' (6 rows) and more than 2 others, with 12 rows of names past the "
                + "first 1,000")
    }

    @Test func aLogThatCarriesEveryEventGivesNoWarning() {
        let rows = ["visit": 3, "trial_lesson": 2, "subscription_start": 1, "gift_card": 1, "page_view": 9]
        #expect(unseen(MarkedText(Self.journey).text, rows).isEmpty)
    }
}
