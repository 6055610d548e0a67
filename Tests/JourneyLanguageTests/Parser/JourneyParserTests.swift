import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyLanguage

/// The parser builds the model the file describes.
@Suite struct JourneyParserTests {
    private func dressmate() throws -> ParsedJourney {
        let url = Repository.root.appendingPathComponent("journeys/dressmate.journey")
        return check(try String(contentsOf: url, encoding: .utf8), name: "dressmate.journey")
    }

    @Test func theContractFileChecksCleanly() throws {
        let result = try dressmate()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func journeySettings() throws {
        let journey = try dressmate().journey
        #expect(journey.name == "Dressmate — first order")
        #expect(journey.scale == ScoreScale(minimum: -5, maximum: 5))
        #expect(journey.state == .current)
        #expect(journey.personas.map(\.id) == ["giulia"])
        #expect(journey.personas[0].description == "Giulia, 34, shops on her phone during the commute")
    }

    @Test func channelsWithTheirMedia() throws {
        let channels = try dressmate().journey.channels
        #expect(channels.map(\.id) == ["instagram", "friends", "site", "courier", "email"])
        #expect(channels.map(\.media) == [.paid, .earned, .owned, .partner, .owned])
        #expect(channels[0].description == "Instagram and TikTok ads")
        #expect(channels[4].description == nil)
    }

    @Test func stagesInFileOrderWithTheirNumbers() throws {
        let stages = try dressmate().journey.stages
        #expect(stages.map(\.name) == ["Awareness", "Consideration", "Purchase", "Delivery", "Loyalty"])
        #expect(stages.map(\.reach) == [120_000, 30_000, 9_000, 3_100, 2_600])
        #expect(stages.map(\.target) == [0.25, 0.40, 0.50, 0.90, nil])
        #expect(stages[0].owner == "Brand team")
        #expect(
            stages.map(\.events) == [
                ["ad_view"], ["product_view"], ["checkout_started"], ["order_placed"], ["second_order"],
            ])
        #expect(stages[2].location == SourceLocation(line: 31, column: 1))
        #expect(stages[2].reachRange == SourceRange(line: 32, column: 9, length: 4))
    }

    @Test func touchpointsWithTheirOptionsAndNotes() throws {
        let stages = try dressmate().journey.stages
        let reel = stages[0].touchpoints[0]
        #expect(reel.name == "Sees a reel of the new collection")
        #expect(reel.score == 2)
        #expect(reel.channel == "instagram")
        #expect(reel.isMeasured && reel.metric == "reel views")
        #expect(reel.engagement == nil)
        #expect(stages[0].touchpoints[1].engagement == .relationship)
        #expect(stages[0].touchpoints[1].isMeasured == false)

        let sizeChart = stages[1].touchpoints[1]
        #expect(sizeChart.score == -3 && sizeChart.isPainPoint)
        #expect(sizeChart.personas == ["giulia"])
        #expect(sizeChart.pains == ["Cannot tell whether the dress will fit"])
        #expect(sizeChart.ideas == ["Add petite measurements to every product page"])
        #expect(stages[1].touchpoints[0].isMeasured && stages[1].touchpoints[0].metric == nil)

        let signUp = stages[2].touchpoints[0]
        #expect(signUp.thoughts == ["Why do they need my password?"])
        #expect(signUp.location == SourceLocation(line: 35, column: 3))
        #expect(stages[4].touchpoints[1].engagement == .community)
    }

    @Test func optionsInAnyOrder() {
        let result = check(
            header + """
                persona bo
                stage A
                  touchpoint "Pays" -1.5 engagement co-creation for ana,bo measured "NPS" via site
                """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let touchpoint = result.journey.stages[0].touchpoints[0]
        #expect(touchpoint.score == -1.5)
        #expect(touchpoint.engagement == .coCreation)
        #expect(touchpoint.personas == ["ana", "bo"])
        #expect(touchpoint.metric == "NPS")
        #expect(touchpoint.channel == "site")
    }

    @Test func measuredFollowedByAnOptionHasNoMetric() {
        let touchpoint = check(header + "stage A\n touchpoint \"P\" +1 measured via site\n").journey.stages[0]
            .touchpoints[0]
        #expect(touchpoint.isMeasured && touchpoint.metric == nil && touchpoint.channel == "site")
    }

    @Test func measuredTakesABareMetricName() {
        let touchpoint = check(header + "stage A\n touchpoint \"P\" +1 measured CSAT via site\n").journey.stages[0]
            .touchpoints[0]
        #expect(touchpoint.metric == "CSAT")
    }

    @Test func quotedMetricMayBeAnOptionKeyword() {
        let touchpoint = check(header + "stage A\n touchpoint \"P\" +1 measured \"via\" via site\n").journey.stages[0]
            .touchpoints[0]
        #expect(touchpoint.metric == "via" && touchpoint.channel == "site")
    }

    @Test func defaultsWhenScaleAndStateAreAbsent() {
        let journey = check("journey Minimal\n").journey
        #expect(journey.scale == .standard)
        #expect(journey.state == .current)
        #expect(journey.stages.isEmpty)
    }

    @Test func decimalScaleAndFutureState() {
        let result = check(
            """
            journey "Future"
            scale -2.5..2.5
            state future
            channel app owned
            stage A
              touchpoint "Edge" -2.5 via app
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.journey.scale == ScoreScale(minimum: -2.5, maximum: 2.5))
        #expect(result.journey.state == .future)
    }

    @Test func percentagesBecomeRatios() {
        let result = check(
            header + "stage A\n target 12.5%\n touchpoint \"P\" +1 via site\nstage B\n touchpoint \"Q\" +1 via site\n")
        #expect(result.journey.stages[0].target == 0.125)
    }

    @Test func escapesInStrings() {
        let journey = check(#"journey "Say \"hi\" \\ bye""# + "\n").journey
        #expect(journey.name == #"Say "hi" \ bye"#)
    }

    @Test func commentsAreIgnoredOutsideStringsOnly() {
        let result = check(
            """
            journey "Sharp # not a comment" # a comment
            # a whole-line comment
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.journey.name == "Sharp # not a comment")
    }
}
