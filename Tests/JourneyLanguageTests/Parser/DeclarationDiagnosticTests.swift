import JourneyTestSupport
import Testing

/// One test per declaration message, each at its exact line and column.
@Suite struct DeclarationDiagnosticTests {
    @Test func duplicateStage() {
        expectDiagnostics(
            header + """
                stage Awareness
                  touchpoint "Sees" +1 via site
                stage 1️⃣Awareness
                  touchpoint "Sees again" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "duplicate-stage", message: "stage 'Awareness' is declared twice",
                    helpContains: "line 4")
            ])
    }

    @Test func duplicatePersona() {
        expectDiagnostics(
            header + """
                persona 1️⃣ana "Again"
                """, [.init(marker: 1, code: "duplicate-persona", helpContains: "line 3")])
    }

    @Test func duplicateChannel() {
        expectDiagnostics(
            header + """
                channel 1️⃣site paid
                """, [.init(marker: 1, code: "duplicate-channel", helpContains: "line 2")])
    }

    @Test func undeclaredChannelSuggestsTheClosest() {
        expectDiagnostics(
            """
            journey "Test"
            channel instagram paid
            stage A
              touchpoint "Sees a reel" +2 via 1️⃣instagam
            """,
            [
                .init(
                    marker: 1, code: "undeclared-channel", message: "channel 'instagam' is not declared",
                    helpContains: "did you mean 'instagram'?")
            ])
    }

    @Test func undeclaredChannelWithoutCloseMatchShowsHowToDeclareIt() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Calls" +2 via 1️⃣phone
                """,
            [.init(marker: 1, code: "undeclared-channel", helpContains: "channel phone owned|paid|partner|earned")])
    }

    @Test func undeclaredPersonaInAList() {
        expectDiagnostics(
            header + """
                persona marco
                stage A
                  touchpoint "Pays" +1 via site for ana,2️⃣marc,marco
                """,
            [
                .init(
                    marker: 2, code: "undeclared-persona", message: "persona 'marc' is not declared",
                    helpContains: "did you mean 'marco'?")
            ])
    }

    @Test func declarationsMayFollowTheirUse() {
        let result = check(
            """
            journey "Test"
            stage A
              touchpoint "Pays" +1 via site for ana
            channel site owned
            persona ana
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func aChannelWithAnUnknownMediaIsStillDeclared() {
        expectDiagnostics(
            header + """
                channel ads 1️⃣social
                stage A
                  touchpoint "Sees an ad" +1 via ads
                """, [.init(marker: 1, code: "unknown-media")])
    }
}
