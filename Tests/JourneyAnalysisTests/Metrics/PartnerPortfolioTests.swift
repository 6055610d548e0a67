import JourneyTestSupport
import Testing

@testable import JourneyAnalysis
@testable import JourneyLanguage

/// Partners rated with `vcp`: their levels, how many reach profitability, and the advice to
/// aim for 4 or 5.
@Suite struct PartnerPortfolioTests {
    /// A journey whose channels are `channels`, one `channel` statement each, and one stage.
    private func portfolio(_ channels: String) -> PartnerPortfolio {
        let result = check("journey \"Test\"\n" + channels + "\nstage A\n  reach 10\n  touchpoint \"t\" +1\n")
        #expect(!result.hasErrors, "\(rendered(result.diagnostics))")
        return PartnerPortfolio(journey: result.journey)
    }

    @Test func onlyRatedChannelsAreListedInFileOrderAtTheLowerView() {
        let partners = portfolio(
            """
            channel site     owned
            channel courier  partner vcp profitability theirs credibility
            channel agency   partner
            channel reviews  earned vcp visibility
            channel reseller partner vcp credibility theirs profitability
            """)
        #expect(partners.partners.map(\.channel) == ["courier", "reviews", "reseller"])
        #expect(partners.partners.map(\.level) == [.credibility, .visibility, .credibility])
        #expect(partners.profitable.isEmpty)
        #expect(partners.isBelowAim)
    }

    @Test func fewerThanFourAtProfitabilityIsARecommendationNamingTheClosestFirst() {
        let partners = portfolio(
            """
            channel reviews  earned vcp visibility
            channel courier  partner vcp profitability theirs credibility
            channel reseller partner vcp profitability
            """)
        #expect(partners.summary == "1 of 3 partners reaches profitability: reseller.")
        #expect(
            partners.recommendation
                == "Aim for 4 or 5 partners at profitability, who send you customers as you send them theirs: 3 more. "
                + "The closest: courier (credibility: profitability in our view, credibility in theirs), "
                + "reviews (visibility).")
    }

    @Test func noPartnerAtProfitability() {
        let partners = portfolio("channel reviews earned vcp visibility")
        #expect(partners.summary == "0 of 1 partner reach profitability.")
        #expect(partners.recommendation?.hasSuffix(": 4 more. The closest: reviews (visibility).") == true)
    }

    @Test func fourOrFiveAtProfitabilityIsTheAimAndMoreIsSaid() {
        let four = portfolio(
            (1...4).map { "channel p\($0) partner vcp profitability" }.joined(separator: "\n")
                + "\nchannel p5 partner vcp credibility")
        #expect(four.summary == "4 of 5 partners reach profitability: p1, p2, p3, p4. That is the 4 or 5 to aim for.")
        #expect(four.recommendation == nil)
        #expect(!four.isBelowAim)
        let six = portfolio((1...6).map { "channel p\($0) earned vcp profitability" }.joined(separator: "\n"))
        #expect(six.summary?.hasSuffix("That is more than the 4 or 5 to aim for.") == true)
        #expect(six.recommendation == nil)
    }

    @Test func aJourneyWithoutRatedPartnersSaysNothing() {
        let partners = portfolio("channel courier partner")
        #expect(partners.partners.isEmpty)
        #expect(partners.summary == nil && partners.recommendation == nil)
        #expect(!partners.isBelowAim)
    }
}
