import JourneyTestSupport
import Testing

@testable import JourneyLanguage

/// Partners' levels in the visibility–credibility–profitability model (`vcp` on a channel):
/// what they set, and one test per message at its exact line and column.
@Suite struct PartnerLevelTests {
    @Test func partnerAndEarnedChannelsCarryOurViewAndTheirs() {
        let result = check(
            """
            journey "Test"
            channel courier  partner "Delivery partner" vcp profitability theirs credibility
            channel reviews  earned vcp visibility
            channel reseller partner vcp credibility theirs profitability
            channel "vcp"    partner "vcp"
            """)
        #expect(result.diagnostics.isEmpty, "\(rendered(result.diagnostics))")
        let channels = result.journey.channels
        #expect(channels[0].description == "Delivery partner")
        #expect(channels[0].vcp == PartnerStanding(ours: .profitability, theirs: .credibility))
        #expect(channels[1].description == nil)
        #expect(channels[1].vcp == PartnerStanding(ours: .visibility))
        #expect(channels[2].vcp == PartnerStanding(ours: .credibility, theirs: .profitability))
        #expect(channels[3].description == "vcp", "a quoted description may be the word vcp")
        #expect(channels[3].vcp == nil)
    }

    @Test func theLevelIsTheLowerOfTheTwoViews() {
        #expect(PartnerStanding(ours: .profitability, theirs: .credibility).level == .credibility)
        #expect(PartnerStanding(ours: .visibility, theirs: .profitability).level == .visibility)
        #expect(PartnerStanding(ours: .credibility).level == .credibility)
        #expect(VCPLevel.visibility < .credibility && VCPLevel.credibility < .profitability)
    }

    @Test func ownedAndPaidChannelsTakeNoPartnerLevel() {
        let source = """
            journey "Test"
            channel site owned "Shop" 1️⃣vcp credibility
            channel ads paid 2️⃣vcp visibility theirs visibility
            """
        expectDiagnostics(
            source,
            [
                .init(
                    marker: 1, code: "vcp-on-owned-or-paid",
                    message: "channel 'site' is owned media, which has no partner level",
                    helpContains: "only 'partner' and 'earned' channels take it"),
                .init(
                    marker: 2, code: "vcp-on-owned-or-paid",
                    message: "channel 'ads' is paid media, which has no partner level"),
            ])
        let channels = check(MarkedText(source).text).journey.channels
        #expect(channels.map(\.id) == ["site", "ads"], "the channels are still declared")
        #expect(channels.allSatisfy { $0.vcp == nil })
    }

    @Test func anUnknownLevelSuggestsTheClosest() {
        expectDiagnostics(
            """
            journey "Test"
            channel courier partner vcp 1️⃣credibilty theirs visibility
            channel reseller partner vcp credibility theirs 2️⃣profit
            channel agency partner vcp3️⃣
            """,
            [
                .init(
                    marker: 1, code: "unknown-partner-level", message: "unknown partner level 'credibilty'",
                    helpContains: "did you mean 'credibility'?"),
                .init(marker: 2, code: "unknown-partner-level", helpContains: "did you mean 'profitability'?"),
                .init(
                    marker: 3, code: "missing-argument",
                    message: "'channel' needs a partner level (visibility, credibility, profitability)"),
            ])
    }

    @Test func theirsComesAfterVCP() {
        expectDiagnostics(
            """
            journey "Test"
            channel courier partner "Delivery" 1️⃣theirs credibility vcp credibility
            """,
            [
                .init(
                    marker: 1, code: "malformed-argument", message: "'theirs' must follow 'vcp LEVEL'",
                    helpContains: "vcp credibility theirs visibility")
            ])
    }

    @Test func aMisspeltOptionSuggestsVCP() {
        expectDiagnostics(
            """
            journey "Test"
            channel courier partner "Delivery" 1️⃣vpc credibility
            channel shop owned Our 2️⃣shop
            channel reseller partner vcp credibility 3️⃣vcp visibility
            """,
            [
                .init(
                    marker: 1, code: "unknown-option", message: "unknown channel option 'vpc'",
                    helpContains: "did you mean 'vcp'?"),
                .init(marker: 2, code: "unexpected-argument", helpContains: "double quotes"),
                .init(marker: 3, code: "unexpected-argument"),
            ])
    }

    @Test func vcpOnItsOwnLineSaysWhereItGoes() {
        expectDiagnostics(
            """
            journey "Test"
            channel courier partner
              1️⃣vcp credibility
            """, [.init(marker: 1, code: "unknown-keyword", helpContains: "is a channel option")])
    }

    @Test func theFormatterWritesTheLevelsLastOnTheChannelLine() {
        let source = """
            journey Test
            scale -5..5
            state current

            channel site    owned   "Shop"
            channel courier partner "Delivery partner" vcp profitability theirs credibility
            channel friends earned  vcp visibility

            """
        let parsed = check(source)
        #expect(parsed.diagnostics.isEmpty, "\(rendered(parsed.diagnostics))")
        #expect(JourneyFormatter.format(parsed.journey) == source)
    }
}
