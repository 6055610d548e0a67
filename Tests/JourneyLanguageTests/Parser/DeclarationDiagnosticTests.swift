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

    // MARK: - Misspelt declarations

    @Test func undeclaredNamesPointToTheirMisspeltDeclarations() {
        // The misspelt line is named before the similar channel 'podcasts'.
        expectDiagnostics(
            """
            journey "Test"
            channel podcasts earned
            1️⃣chanel podcast "Podcast" earned
            2️⃣Persona giulia "Giulia, 34"
            stage A
              touchpoint "Hears an episode" +2 via 3️⃣podcast for 4️⃣giulia
            """,
            [
                .init(marker: 1, code: "unknown-keyword", helpContains: "did you mean 'channel'?"),
                .init(marker: 2, code: "unknown-keyword", helpContains: "did you mean 'persona'?"),
                .init(
                    marker: 3, code: "undeclared-channel", message: "channel 'podcast' is not declared",
                    helpContains: "line 3 looks like its misspelt declaration: write 'channel', not 'chanel'"),
                .init(
                    marker: 4, code: "undeclared-persona", message: "persona 'giulia' is not declared",
                    helpContains: "line 4 looks like its misspelt declaration: write 'persona', not 'Persona'"),
            ])
    }

    @Test func misspeltDeclarationOfAnotherIdIsNotNamed() {
        expectDiagnostics(
            header + """
                1️⃣chanel radio earned
                2️⃣stgae podcast
                stage A
                  touchpoint "Hears an episode" +2 via 3️⃣podcast
                """,
            [
                .init(marker: 1, code: "unknown-keyword"),
                .init(marker: 2, code: "unknown-keyword"),
                .init(
                    marker: 3, code: "undeclared-channel",
                    helpContains: "declare it with: channel podcast owned|paid|partner|earned"),
            ])
    }

    @Test func misspeltChannelLineDoesNotDeclareAPersona() {
        expectDiagnostics(
            header + """
                1️⃣chanel giulia earned
                stage A
                  touchpoint "Pays" +1 via site for 2️⃣giulia
                """,
            [
                .init(marker: 1, code: "unknown-keyword"),
                .init(marker: 2, code: "undeclared-persona", helpContains: "declare it with: persona giulia"),
            ])
    }
}
