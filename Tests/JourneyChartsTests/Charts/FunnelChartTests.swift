import JourneyAnalysis
import JourneyTestSupport
import Testing

@testable import JourneyCharts
@testable import JourneyLanguage
@testable import JourneyXML

/// The funnel chart at the edges of what the language accepts.
@Suite struct FunnelChartTests {
    @Test(arguments: [ChartKind.funnel, .dashboard])
    func theLargestReachWithAFullTargetIsDrawn(chart: ChartKind) throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        // Int.max × 100% is 2^63 as a Double, one more than Int.max: the expected people are
        // written with the digits that read back as that Double, not converted to Int.
        let parsed = check(
            header + """
                stage A
                  reach 9223372036854775807
                  target 100%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 9223372036854775806
                  touchpoint "Pays" -1 via site
                """)
        #expect(!parsed.hasErrors)
        let rendered = try #require(ChartRenderer.render(parsed.journey, chart: chart, theme: theme))
        #expect(rendered.svg.contains("9,223,372,036,854,776,000 people"))
        #expect(XMLValidator.validateSVG(rendered.svg, name: "largest.svg").isValid)
    }

    @Test func aConversionJustBelowTargetIsNotDrawnAsTheTarget() throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        let parsed = check(justBelowTargetJourney)
        let rendered = try #require(ChartRenderer.render(parsed.journey, chart: .funnel, theme: theme))
        // 54.955%: "55% continue" beside "target 55%: 0.1% short" read as a contradiction.
        #expect(rendered.svg.contains("54.96% continue"))
        #expect(!rendered.svg.contains("55% continue"))
        #expect(rendered.svg.contains("target 55%: 0.04 points short (0.1% below target)"))
    }
}
