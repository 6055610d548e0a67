import JourneyTestSupport
import Testing

@testable import JourneyEvents
@testable import JourneyLanguage

/// Which stages an event log measures: those before the ladder's rung stages, each with events.
@Suite struct EventMappingTests {
    private func mapping(_ text: String) -> (map: [String: Int32], diagnostics: [Diagnostic]) {
        EventMapping.stageOfEvent(in: check(text).journey)
    }

    @Test func theStagesBeforeTheFirstRungAreMeasured() {
        let text =
            header + """
                stage Visit
                  event page_view
                  touchpoint "Lands" +1 via site
                stage Order
                  event order_placed
                  touchpoint "Pays" +1 via site
                stage Again
                  rung buyer
                  touchpoint "Pays again" +1 via site
                """
        let (map, diagnostics) = mapping(text)
        #expect(diagnostics.isEmpty, "\(rendered(diagnostics))")
        #expect(map == ["page_view": 0, "order_placed": 1])
        #expect(EventMapping.measuredStageCount(in: check(text).journey) == 2)
    }

    @Test func anEventAfterTheLadderAndAStageWithoutEventAreErrors() {
        expectDiagnostics(
            header + """
                1️⃣stage Visit
                  touchpoint "Lands" +1 via site
                stage Again
                  rung buyer
                  touchpoint "Pays again" +1 via site
                2️⃣stage Survey
                  event survey_answered
                  touchpoint "Answers" +1 via site
                """,
            [
                .init(marker: 1, code: "stage-without-event"),
                .init(
                    marker: 2, code: "event-after-rung",
                    message: "stage 'Survey' has an event, but comes after the rung stage 'Again'",
                    helpContains: "move the stage before 'Again'"),
            ]
        ) { mapping($0).diagnostics.sortedByLocation() }
    }

    @Test func aJourneyThatIsAllLadderLeavesTheLogNothingToMeasure() {
        expectDiagnostics(
            header + """
                stage Trial
                  rung 1️⃣tester
                  touchpoint "Pays" +1 via site
                """,
            [.init(marker: 1, code: "no-event-stage", helpContains: "journey customers PURCHASES.csv --journey FILE")]
        ) { mapping($0).diagnostics }
    }

    @Test func morethanTheMostStagesAnEventLogMeasuresIsAnErrorAtTheFirstTooMany() {
        let stages = (1...Journey.maximumEventStages + 1).map { index in
            "stage S\(index)\n  event e\(index)\n  touchpoint \"Step\" +1 via site\n"
        }
        let text = header + stages.joined()
        let (map, diagnostics) = mapping(text)
        #expect(map.isEmpty)
        #expect(diagnostics.map(\.code) == ["too-many-event-stages"])
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.message.contains("stage 'S256' comes after 255 others") == true)
        // The header's lines, then three lines a stage: S256 starts on the 256th stage's first line.
        let headerLines = header.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(diagnostics.first?.range.start.line == headerLines + 255 * 3 + 1)

        let fewer = header + stages.dropLast().joined()
        #expect(mapping(fewer).diagnostics.isEmpty)
    }
}
