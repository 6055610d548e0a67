import JourneyTestSupport
import Testing

@testable import JourneyLanguage

/// One test per syntax message, each at its exact line and column.
@Suite struct SyntaxDiagnosticTests {
    @Test func invalidUTF8IsReportedAtItsLineAndColumn() {
        var bytes = Array("journey \"Test\"\nstage Ca".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("fé\n".utf8)
        let diagnostics = JourneyParser.parse(SourceFile(name: "x", bytes: bytes)).diagnostics
        #expect(diagnostics.first?.code == "invalid-utf8")
        #expect(diagnostics.first?.location == SourceLocation(line: 2, column: 9))
    }

    @Test func unknownEscape() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays 1️⃣\\n now" +1 via site
                """, [.init(marker: 1, code: "unknown-escape", message: "unknown escape sequence '\\n' in a string")])
    }

    @Test func unterminatedString() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint 1️⃣"Pays with a card +1 via site
                """,
            [
                .init(marker: 1, code: "unterminated-string")
            ])
    }

    @Test func unterminatedStringStillParsesTheRestOfTheFile() {
        let result = check(
            header + """
                stage "A
                stage B
                  touchpoint "Pays" +1 via site
                """)
        // Stage A holds the error, so it gets no warning for lacking a touchpoint.
        #expect(result.diagnostics.map(\.code) == ["unterminated-string"])
        #expect(result.journey.stages.map(\.name) == ["A", "B"])
    }

    @Test func missingArgumentIsReportedJustAfterTheKeyword() {
        expectDiagnostics(
            header + """
                stage A
                  reach1️⃣
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "missing-argument", message: "'reach' needs a count of people",
                    helpContains: "reach 120000")
            ])
    }

    @Test func missingScore() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays"1️⃣
                  touchpoint "Pays again" +1 via site
                """, [.init(marker: 1, code: "missing-argument", message: "'touchpoint' needs a score")])
    }

    @Test func missingMedia() {
        expectDiagnostics(
            header + """
                channel ads1️⃣
                stage A
                  touchpoint "Pays" +1 via ads
                """,
            [
                .init(
                    marker: 1, code: "missing-argument",
                    message: "'channel' needs a media (owned, paid, partner, earned)")
            ])
    }

    @Test func unexpectedArgument() {
        expectDiagnostics(
            header + """
                stage A
                  reach 100 1️⃣200
                  touchpoint "Pays" +1 via site
                """, [.init(marker: 1, code: "unexpected-argument", message: "unexpected '200' after 'reach'")])
    }

    @Test func unquotedTextIsAnInvalidBareWordAtTheOffendingCharacter() {
        expectDiagnostics(
            header + """
                stage Checkout1️⃣!
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "invalid-bare-word", message: "'Checkout!' is not a bare word: it contains '!'",
                    helpContains: "\"Checkout!\"")
            ])
    }

    @Test func bareWordsMayUseAnyScript() {
        let result = check(
            """
            journey Viaggio
            channel sito owned
            stage Fedeltà
              touchpoint Ritorno +2 via sito
            stage Лояльность
              touchpoint Отзыв +1 via sito
            stage 購入
              touchpoint 支払い +1 via sito
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.journey.stages.map(\.name) == ["Fedeltà", "Лояльность", "購入"])
    }

    @Test func commaInsteadOfText() {
        expectDiagnostics(
            header + """
                persona 1️⃣, "Someone"
                stage A
                  touchpoint "Pays" +1 via site
                """, [.init(marker: 1, code: "malformed-argument", message: "'persona' needs an id, found ','")])
    }

    @Test func emptyString() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1 via site
                    pain 1️⃣""
                """, [.init(marker: 1, code: "empty-text")])
    }

    @Test func malformedCount() {
        expectDiagnostics(
            header + """
                stage A
                  reach 1️⃣12,000
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "malformed-argument", message: "'12,000' is not a count of people",
                    helpContains: "120_000")
            ])
    }

    @Test func countsAcceptUnderscoresBetweenDigitGroupsOnly() {
        expectDiagnostics(
            header + """
                stage A
                  reach 1️⃣120__000
                  touchpoint "Pays" +1 via site
                stage B
                  reach 2️⃣_5
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(marker: 1, code: "malformed-argument"),
                .init(marker: 2, code: "malformed-argument"),
            ])
        #expect(
            check(header + "stage A\n reach 120_000\n touchpoint \"P\" +1 via site\n").journey.stages[0].reach
                == 120_000)
    }

    @Test func countTooLarge() {
        expectDiagnostics(
            header + """
                stage A
                  reach 1️⃣99999999999999999999
                  touchpoint "Pays" +1 via site
                """,
            [.init(marker: 1, code: "malformed-argument", message: "the count '99999999999999999999' is too large")])
    }

    @Test func percentWithoutPercentSignSuggestsOne() {
        expectDiagnostics(
            header + """
                stage A
                  target 1️⃣0.25
                  touchpoint "Pays" +1 via site
                stage B
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "malformed-argument", message: "'0.25' is not a percentage",
                    helpContains: "did you mean 25%?")
            ])
    }

    @Test func targetAbove100() {
        expectDiagnostics(
            header + """
                stage A
                  target 1️⃣140%
                  touchpoint "Pays" +1 via site
                stage B
                  touchpoint "Pays" +1 via site
                """, [.init(marker: 1, code: "target-above-100", message: "the target 140% is above 100%")])
    }

    @Test func malformedScore() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" 1️⃣three via site
                """, [.init(marker: 1, code: "malformed-argument", message: "'three' is not a score")])
    }

    @Test func unquotedTouchpointNameGetsAHintWithTheWholeName() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint Browses 1️⃣the collection +3 via site
                """,
            [
                .init(
                    marker: 1, code: "malformed-argument",
                    helpContains: #"touchpoint "Browses the collection""#)
            ])
    }

    @Test func malformedScale() {
        expectDiagnostics(
            """
            journey "Test"
            scale 1️⃣-5...5
            """, [.init(marker: 1, code: "malformed-argument", message: "'-5...5' is not a scale")])
    }

    @Test func scaleMustStraddleZero() {
        expectDiagnostics(
            """
            journey "Test"
            scale 1️⃣1..10
            """, [.init(marker: 1, code: "invalid-scale")])
    }

    @Test func scaleEndsTooFarFromZeroOrTooNear() {
        for scale in ["-1000000000000000000..1000000000000000000", "-5..1001", "-0.5..5"] {
            expectDiagnostics(
                """
                journey "Test"
                scale 1️⃣\(scale)
                """,
                [
                    .init(
                        marker: 1, code: "invalid-scale",
                        message: "the scale \(scale) is out of range: each end must lie from 1 to 1000 away from zero",
                        helpContains: "such as -5..5 or -100..100")
                ])
        }
        expectDiagnostics(
            """
            journey "Test"
            scale -1000..1
            """, [])
    }

    @Test func scoreOutsideTheScale() {
        expectDiagnostics(
            """
            journey "Test"
            scale -3..3
            channel site owned
            stage A
              touchpoint "Fine" -3 via site
              touchpoint "Too happy" 1️⃣+3.5 via site
            """,
            [
                .init(
                    marker: 1, code: "score-outside-scale", message: "the score +3.5 is outside the scale -3..3",
                    helpContains: "from -3 to 3")
            ])
    }

    @Test func unknownMediaSuggestsTheClosest() {
        expectDiagnostics(
            header + """
                channel ads 1️⃣payd
                stage A
                  touchpoint "Pays" +1 via ads
                """,
            [
                .init(
                    marker: 1, code: "unknown-media", message: "unknown media 'payd'",
                    helpContains: "did you mean 'paid'?")
            ])
    }

    @Test func unknownState() {
        expectDiagnostics(
            """
            journey "Test"
            state 1️⃣futur
            """, [.init(marker: 1, code: "unknown-state", helpContains: "did you mean 'future'?")])
    }

    @Test func unknownEngagementLevel() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1 via site engagement 1️⃣cocreation
                """, [.init(marker: 1, code: "unknown-engagement-level", helpContains: "did you mean 'co-creation'?")])
    }
}

/// Mistakes people make with numbers, each reported once and whole.
@Suite struct NumberMistakeTests {
    @Test func decimalCommaInAScore() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" 1️⃣+1,5 via site
                """,
            [
                .init(
                    marker: 1, code: "malformed-argument", message: "'+1,5' uses a decimal comma",
                    helpContains: "+1.5")
            ])
    }

    @Test func decimalCommaInAPercentage() {
        expectDiagnostics(
            header + """
                stage A
                  target 1️⃣12,5%
                  touchpoint "Pays" +1 via site
                stage B
                  touchpoint "Pays" +1 via site
                """,
            [
                .init(
                    marker: 1, code: "malformed-argument", message: "'12,5%' uses a decimal comma",
                    helpContains: "12.5%")
            ])
    }

    @Test func quotedNumbersKeepTheirQuotesInMessages() {
        expectDiagnostics(
            header + """
                stage A
                  reach 1️⃣"100"
                  touchpoint "Pays" +1 via site
                """, [.init(marker: 1, code: "malformed-argument", message: #"'"100"' is not a count of people"#)])
    }

    @Test func aRejectedScaleDoesNotHoldScoresAgainstTheDefault() {
        expectDiagnostics(
            """
            journey "Test"
            scale 1️⃣0..10
            channel site owned
            stage A
              touchpoint "Great" +8 via site
              touchpoint "Perfect" +10 via site
            """, [.init(marker: 1, code: "invalid-scale")])
    }

    @Test func aMisspeltJourneyOnTheFirstLineIsReportedOnce() {
        expectDiagnostics(
            """
            1️⃣jouney "Shop"
            """, [.init(marker: 1, code: "unknown-keyword", helpContains: "did you mean 'journey'?")])
    }

    @Test func missingChoiceUsesTheRightArticle() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1 via site engagement2️⃣
                """,
            [
                .init(
                    marker: 2, code: "missing-argument",
                    message:
                        "'touchpoint' needs an engagement level (promotion, relationship, collaboration, community, co-creation)"
                )
            ])
    }

    @Test func joinersAreAllowedInBareWords() {
        // Persian "می‌خواهم" needs a zero-width non-joiner.
        let result = check("journey می\u{200C}خواهم\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }
}
