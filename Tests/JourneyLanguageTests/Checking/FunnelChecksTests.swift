import JourneyLanguage
import JourneyTestSupport
import Testing

/// One test per funnel warning, each at its exact line and column.
@Suite struct FunnelChecksTests {
    @Test func stageWithoutTouchpoints() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1 via site
                1️⃣stage B
                """,
            [
                .init(
                    marker: 1, code: "stage-without-touchpoints", severity: .warning,
                    message: "stage 'B' has no touchpoint")
            ])
    }

    @Test func reachLargerThanThePreviousStage() {
        expectDiagnostics(
            header + """
                stage A
                  reach 100
                  touchpoint "Sees" +1 via site
                stage B
                  reach 1️⃣150
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "reach-increases", severity: .warning,
                    message: "stage 'B' reaches 150 people, more than the 100 of 'A' before it")
            ])
    }

    @Test func reachComparesWithTheLastStageThatHasOne() {
        expectDiagnostics(
            header + """
                stage A
                  reach 100
                  touchpoint "Sees" +1 via site
                1️⃣stage B
                  touchpoint "Compares" +1 via site
                stage C
                  reach 2️⃣120
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(marker: 1, code: "reach-missing", severity: .warning),
                .init(
                    marker: 2, code: "reach-increases", severity: .warning,
                    message: "stage 'C' reaches 120 people, more than the 100 of 'A' before it"),
            ])
    }

    @Test func reachOnSomeStagesButNotAll() {
        expectDiagnostics(
            header + """
                stage A
                  reach 100
                  touchpoint "Sees" +1 via site
                1️⃣stage B
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "reach-missing", severity: .warning,
                    message: "stage 'B' has no reach, while 1 other stage does")
            ])
    }

    @Test func noReachAnywhereIsFine() {
        #expect(
            check(header + "stage A\n touchpoint \"P\" +1 via site\nstage B\n touchpoint \"Q\" +1 via site\n")
                .diagnostics.isEmpty)
    }

    @Test func targetOnTheLastStage() {
        expectDiagnostics(
            header + """
                stage A
                  target 20%
                  touchpoint "Sees" +1 via site
                stage B
                  target 1️⃣50%
                  touchpoint "Pays" +1 via site
                """, [.init(marker: 1, code: "target-on-last-stage", severity: .warning)])
    }

    @Test func stageWithoutTargetWhileOthersHaveOne() {
        expectDiagnostics(
            header + """
                stage A
                  target 20%
                  touchpoint "Sees" +1 via site
                1️⃣stage B
                  touchpoint "Compares" +1 via site
                stage C
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "target-missing", severity: .warning,
                    message: "stage 'B' has no target, while 1 other stage does")
            ])
    }

    @Test func aTargetOnlyOnTheLastStageDoesNotAskForTargetsElsewhere() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Sees" +1 via site
                stage B
                  target 1️⃣50%
                  touchpoint "Pays" +1 via site
                """, [.init(marker: 1, code: "target-on-last-stage", severity: .warning)])
    }

    @Test func warningsDoNotMakeAFileInvalid() {
        let result = check(header + "stage A\n")
        #expect(!result.hasErrors)
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }
}

/// A stage with an error in it gets no warning about what it lacks.
@Suite struct FunnelChecksOnIncompleteStagesTests {
    @Test func aTouchpointThatFailedToParseDoesNotLeaveItsStageEmpty() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" 1️⃣lots via site
                """, [.init(marker: 1, code: "malformed-argument")])
    }

    @Test func aMalformedReachOrTargetIsNotReportedMissingToo() {
        expectDiagnostics(
            header + """
                stage A
                  reach 100
                  target 20%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 1️⃣many
                  target 2️⃣half
                  touchpoint "Compares" +1 via site
                stage C
                  reach 10
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(marker: 1, code: "malformed-argument"),
                .init(marker: 2, code: "malformed-argument"),
            ])
    }

    @Test func otherStagesStillGetTheirWarnings() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" 1️⃣lots via site
                2️⃣stage B
                """,
            [
                .init(marker: 1, code: "malformed-argument"),
                .init(marker: 2, code: "stage-without-touchpoints", severity: .warning),
            ])
    }

    @Test func moreStagesWithEventsThanAnEventLogMeasures() {
        let stages = (1...Journey.maximumEventStages).map {
            "stage S\($0)\n  event e\($0)\n  touchpoint \"Step\" +1 via site\n"
        }
        expectDiagnostics(
            header + stages.joined() + """
                1️⃣stage Last
                  event last
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "too-many-event-stages", severity: .warning,
                    message: "stage 'Last' comes after 255 others: an event log measures at most 255 stages")
            ])
    }

    @Test func manyStagesWithoutEventsOrAfterTheLadderAreFine() {
        let stages = (1...Journey.maximumEventStages + 5).map { "stage S\($0)\n  touchpoint \"Step\" +1 via site\n" }
        expectDiagnostics(header + stages.joined(), [])
    }
}
