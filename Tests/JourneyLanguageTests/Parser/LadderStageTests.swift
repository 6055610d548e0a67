import JourneyTestSupport
import Testing

@testable import JourneyLanguage

/// Stages on the relationship ladder (`rung`): what they set, and one test per message at its
/// exact line and column.
@Suite struct LadderStageTests {
    @Test func aRungStageKnowsItsRungAndWhereItIsWritten() {
        let result = check(
            header + """
                stage Purchase
                  event order_placed
                  touchpoint "Pays" +1 via site
                stage "Second order"
                  rung buyer
                  touchpoint "Orders again" +2 via site
                stage Fans
                  rung account   # five purchase days or more
                  touchpoint "Orders every month" +3 via site
                """)
        #expect(result.diagnostics.isEmpty, "\(rendered(result.diagnostics))")
        #expect(result.journey.stages.map(\.rung) == [nil, .buyer, .account])
        #expect(result.journey.stages[1].rungRange == SourceRange(line: 8, column: 8, length: 5))
    }

    @Test func anUnknownRungSuggestsTheClosest() {
        expectDiagnostics(
            header + """
                stage A
                  rung 1️⃣byer
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "unknown-rung", message: "unknown rung 'byer'",
                    helpContains: "did you mean 'buyer'? Rung is one of 'prospect', 'tester', 'buyer'")
            ])
    }

    @Test func aRungNeedsALevel() {
        expectDiagnostics(
            header + """
                stage A
                  rung1️⃣
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "missing-argument",
                    message: "'rung' needs a rung (prospect, tester, buyer, account, patron, sponsor)")
            ])
    }

    @Test func aStageHasOneRung() {
        expectDiagnostics(
            header + """
                stage A
                  rung tester
                  1️⃣rung buyer
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "repeated-statement", message: "stage 'A' has 'rung' twice",
                    helpContains: "line 5")
            ])
    }

    @Test func aStageIsMeasuredByEventsOrByTheLadderNotBoth() {
        expectDiagnostics(
            header + """
                stage A
                  event order_placed
                  event order_paid
                  1️⃣rung tester
                  touchpoint "Pays" +1 via site
                stage B
                  rung buyer
                  2️⃣event second_order
                  touchpoint "Pays again" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "event-and-rung", message: "stage 'A' has both 'event' and 'rung'",
                    helpContains: "keep one: the 'event' is at line 5"),
                .init(
                    marker: 2, code: "event-and-rung", message: "stage 'B' has both 'event' and 'rung'",
                    helpContains: "keep one: the 'rung' is at line 10"),
            ])
    }

    @Test func theRungsClimbTheLadderFromStageToStage() {
        expectDiagnostics(
            header + """
                stage Trial
                  rung tester
                  touchpoint "Buys once" +1 via site
                stage Regular
                  rung account
                  touchpoint "Buys often" +2 via site
                stage Again
                  rung 1️⃣buyer
                  touchpoint "Buys twice" +1 via site
                stage Same
                  rung 2️⃣buyer
                  touchpoint "Buys twice again" +1 via site
                stage Advocate
                  rung sponsor
                  touchpoint "Refers a friend" +3 via site
                """,
            [
                .init(
                    marker: 1, code: "rung-out-of-order",
                    message: "stage 'Again' is at rung 'buyer', not above the rung 'account' of 'Regular' before it",
                    helpContains: "reach could rise; order the stages up the ladder: prospect, tester, buyer"),
                .init(
                    marker: 2, code: "rung-out-of-order",
                    message: "stage 'Same' is at rung 'buyer', not above the rung 'buyer' of 'Again' before it"),
            ])
    }

    @Test func stagesWithoutARungMayStandBetween() {
        let result = check(
            header + """
                stage Trial
                  rung tester
                  touchpoint "Buys once" +1 via site
                stage Survey
                  touchpoint "Answers the survey" +1 via site
                stage Regular
                  rung buyer
                  touchpoint "Buys often" +2 via site
                """)
        #expect(result.diagnostics.isEmpty, "\(rendered(result.diagnostics))")
    }

    @Test func aRungBeforeAnyStage() {
        expectDiagnostics(
            header + """
                1️⃣rung buyer
                """, [.init(marker: 1, code: "statement-out-of-place", message: "'rung' before any stage")])
    }

    @Test func theFormatterWritesTheRungAfterTheEvents() {
        let source = """
            journey Test
            scale -5..5
            state current

            channel site owned

            stage Purchase
              reach 100
              target 40%
              event order_placed
              touchpoint "Pays" +1 via site

            stage Repeat
              reach 40
              rung buyer
              touchpoint "Pays again" +2 via site

            """
        let parsed = check(source)
        #expect(parsed.diagnostics.isEmpty, "\(rendered(parsed.diagnostics))")
        #expect(JourneyFormatter.format(parsed.journey) == source)
    }
}
