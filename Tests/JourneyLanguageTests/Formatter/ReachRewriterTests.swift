import JourneyTestSupport
import Testing

@testable import JourneyLanguage

@Suite struct ReachRewriterTests {
    @Test func onlyReachLinesChange() {
        let text = """
            # Shop: measured reach goes here
            journey Shop
            channel site owned

            stage Awareness
              reach 120_000   # last year's guess
              target 25%
              touchpoint "Sees" +1 via site
            stage Purchase
                touchpoint "Pays" -1 via site

            """
        let journey = check(text).journey
        let rewritten = ReachRewriter.rewrite(text, journey: journey, reaches: [98_765, 4_321])
        #expect(
            rewritten == """
                # Shop: measured reach goes here
                journey Shop
                channel site owned

                stage Awareness
                  reach 98765   # last year's guess
                  target 25%
                  touchpoint "Sees" +1 via site
                stage Purchase
                    reach 4321
                    touchpoint "Pays" -1 via site

                """)
        let reparsed = check(rewritten).journey
        #expect(reparsed.stages.map(\.reach) == [98_765, 4_321])
    }

    @Test func crlfAndAccentsBeforeTheNumberAreKept() {
        let text =
            "journey Viaggio\r\nchannel sito owned\r\nstage Città\r\n\treach 5 \r\n\ttouchpoint \"Arriva\" +1 via sito\r\nstage Fine\r\n"
        let journey = check(text).journey
        let rewritten = ReachRewriter.rewrite(text, journey: journey, reaches: [7, 3])
        #expect(
            rewritten
                == "journey Viaggio\r\nchannel sito owned\r\nstage Città\r\n\treach 7 \r\n\ttouchpoint \"Arriva\" +1 via sito\r\nstage Fine\r\n  reach 3\r\n"
        )
    }

    @Test func aFileWithoutFinalNewlineGetsTheInsertedLineOnItsOwnLine() {
        let text = "journey A\nstage Only"
        let rewritten = ReachRewriter.rewrite(text, journey: check(text).journey, reaches: [12])
        #expect(rewritten == "journey A\nstage Only\n  reach 12\n")
    }

    @Test func aStageWithoutANumberIsLeftAsItIs() {
        let text = "journey A\nstage Visit\n  reach 900\nstage Buy\n  reach 40 # last month\nstage Again\n"
        let rewritten = ReachRewriter.rewrite(text, journey: check(text).journey, reaches: [nil, 35, 12])
        #expect(
            rewritten
                == "journey A\nstage Visit\n  reach 900\nstage Buy\n  reach 35 # last month\nstage Again\n  reach 12\n")
    }
}
