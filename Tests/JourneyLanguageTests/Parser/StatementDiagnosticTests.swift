import JourneyTestSupport
import Testing

@testable import JourneyLanguage

/// One test per statement message, each at its exact line and column.
@Suite struct StatementDiagnosticTests {
    @Test func unknownKeywordSuggestsTheClosest() {
        expectDiagnostics(
            header + """
                1️⃣stgae A
                """,
            [
                .init(
                    marker: 1, code: "unknown-keyword", message: "unknown keyword 'stgae'",
                    helpContains: "did you mean 'stage'?")
            ])
    }

    @Test func keywordsAreCaseSensitive() {
        expectDiagnostics(
            header + """
                stage A
                  2️⃣Touchpoint "Pays" +1 via site
                """, [.init(marker: 2, code: "unknown-keyword", helpContains: "did you mean 'touchpoint'?")])
    }

    @Test func unknownKeywordWithoutCloseMatchListsTheKeywords() {
        expectDiagnostics(
            header + """
                1️⃣banana
                """, [.init(marker: 1, code: "unknown-keyword", helpContains: "journey, scale, state")])
    }

    @Test func touchpointOptionOnItsOwnLineSaysWhereItGoes() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1
                  1️⃣via site
                """, [.init(marker: 1, code: "unknown-keyword", helpContains: "is a touchpoint option")])
    }

    @Test func aLineMustStartWithAKeyword() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1 via site
                  1️⃣"Pays again" +1
                """, [.init(marker: 1, code: "expected-keyword")])
    }

    @Test func missingJourneyIsReportedAtTheFirstStatement() {
        expectDiagnostics(
            """
            # A comment first
            1️⃣channel site owned
            stage A
              touchpoint "Pays" +1 via site
            """, [.init(marker: 1, code: "missing-journey")])
    }

    @Test func emptyFileHasNoJourney() {
        expectDiagnostics("1️⃣", [.init(marker: 1, code: "missing-journey")])
    }

    @Test func repeatedJourney() {
        expectDiagnostics(
            """
            journey "One"
            1️⃣journey "Two"
            """, [.init(marker: 1, code: "repeated-journey", helpContains: "line 1")])
    }

    @Test func journeyMustComeFirst() {
        expectDiagnostics(
            """
            channel site owned
            1️⃣journey "Late"
            """, [.init(marker: 1, code: "statement-out-of-place", message: "'journey' must be the first statement")])
    }

    @Test func scaleAndStateMustComeBeforeTheFirstStage() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1 via site
                1️⃣scale -3..3
                2️⃣state future
                """,
            [
                .init(marker: 1, code: "statement-out-of-place", message: "'scale' must come before the first stage"),
                .init(marker: 2, code: "statement-out-of-place", message: "'state' must come before the first stage"),
            ])
    }

    @Test func repeatedScaleAndState() {
        expectDiagnostics(
            """
            journey "Test"
            scale -3..3
            state future
            1️⃣scale -5..5
            2️⃣state current
            """,
            [
                .init(marker: 1, code: "repeated-statement", helpContains: "line 2"),
                .init(marker: 2, code: "repeated-statement", helpContains: "line 3"),
            ])
    }

    @Test func touchpointBeforeAnyStage() {
        expectDiagnostics(
            header + """
                1️⃣touchpoint "Pays" +1 via site
                  pain "Not reported again"
                """, [.init(marker: 1, code: "statement-out-of-place", message: "'touchpoint' before any stage")])
    }

    @Test func stageStatementsBeforeAnyStage() {
        expectDiagnostics(
            header + """
                1️⃣reach 100
                2️⃣target 10%
                3️⃣owner "Team"
                4️⃣event seen
                """,
            [
                .init(marker: 1, code: "statement-out-of-place", message: "'reach' before any stage"),
                .init(marker: 2, code: "statement-out-of-place", message: "'target' before any stage"),
                .init(marker: 3, code: "statement-out-of-place", message: "'owner' before any stage"),
                .init(marker: 4, code: "statement-out-of-place", message: "'event' before any stage"),
            ])
    }

    @Test func painBeforeAnyTouchpointOfItsStage() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1 via site
                stage B
                  1️⃣pain "Belongs to no touchpoint of B"
                  touchpoint "Waits" -1 via site
                """,
            [
                .init(
                    marker: 1, code: "statement-out-of-place",
                    message: "'pain' before any touchpoint of its stage")
            ])
    }

    @Test func ideaAndThoughtBeforeAnyTouchpoint() {
        expectDiagnostics(
            header + """
                1️⃣idea "Nothing to improve yet"
                stage A
                  2️⃣thought "Hmm"
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(marker: 1, code: "statement-out-of-place"),
                .init(marker: 2, code: "statement-out-of-place"),
            ])
    }

    @Test func repeatedStageSettings() {
        expectDiagnostics(
            header + """
                stage A
                  reach 100
                  target 10%
                  owner "Team"
                  1️⃣reach 200
                  2️⃣target 20%
                  3️⃣owner "Other team"
                  touchpoint "Pays" +1 via site
                stage B
                  reach 10
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(marker: 1, code: "repeated-statement", message: "stage 'A' has 'reach' twice"),
                .init(marker: 2, code: "repeated-statement", message: "stage 'A' has 'target' twice"),
                .init(marker: 3, code: "repeated-statement", message: "stage 'A' has 'owner' twice"),
            ])
    }

    @Test func unknownTouchpointOption() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1 1️⃣vai site
                """,
            [
                .init(
                    marker: 1, code: "unknown-option", message: "unknown touchpoint option 'vai'",
                    helpContains: "did you mean 'via'?")
            ])
    }

    @Test func repeatedTouchpointOption() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1 via site measured 1️⃣via site
                """,
            [
                .init(
                    marker: 1, code: "repeated-option", message: "'via' is given twice on one touchpoint",
                    helpContains: "column 24")
            ])
    }

    @Test func everyErrorInAFileIsReportedInOneRun() {
        expectDiagnostics(
            """
            journey "Test"
            channel site owned
            1️⃣stgae A
            stage A
              reach 2️⃣lots
              touchpoint "Pays" 3️⃣+9 via 4️⃣sitee
                5️⃣pian "Typo"
            """,
            [
                .init(marker: 1, code: "unknown-keyword"),
                .init(marker: 2, code: "malformed-argument"),
                .init(marker: 3, code: "score-outside-scale"),
                .init(marker: 4, code: "undeclared-channel"),
                .init(marker: 5, code: "unknown-keyword", helpContains: "did you mean 'pain'?"),
            ])
    }
}
