import JourneyTestSupport
import Testing

@testable import JourneyCharts
@testable import JourneyLanguage
@testable import JourneyXML

/// The emotion curve's height: 28 px a score, between 240 and 560 px, whatever the scale's numbers.
@Suite struct JourneyChartTests {
    private func height(scale: String, chart: ChartKind = .journey) throws -> Double {
        let theme = try #require(try Theme.bundled(named: "light"))
        let maximum = scale.split(separator: ".").last.map(String.init) ?? "5"
        let parsed = check(
            "journey \"Scale\"\nscale \(scale)\nchannel site owned\nstage A\n  reach 100\n  target 50%\n"
                + "  touchpoint \"Best\" +\(maximum) via site\n  touchpoint \"Worst\" -\(maximum) via site\n"
                + "stage B\n  reach 10\n  touchpoint \"Pays\" +1 via site\n")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        let rendered = try #require(ChartRenderer.render(parsed.journey, chart: chart, theme: theme))
        #expect(XMLValidator.validateSVG(rendered.svg, name: "scale.svg").isValid)
        expectLayoutIsClean(rendered, name: "scale \(scale)")
        return rendered.height
    }

    @Test(arguments: [ChartKind.journey, .dashboard])
    func theHeightStopsGrowingWithTheScale(chart: ChartKind) throws {
        let standard = try height(scale: "-5..5", chart: chart)
        let twenty = try height(scale: "-10..10", chart: chart)
        // 28 px a score up to a span of 20: -10..10 is 280 px taller than -5..5.
        #expect(twenty - standard == 280)
        for wide in ["-11..11", "-100..100", "-1000..1000"] {
            #expect(try height(scale: wide, chart: chart) == twenty, "\(wide)")
        }
    }

    @Test func theWidestScalesTickLabelsAreWhole() throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        let parsed = check(
            "journey \"Scale\"\nscale -1000..1000\nchannel site owned\nstage A\n"
                + "  touchpoint \"Best\" +1000 via site\n  touchpoint \"Worst\" -1000 via site\n")
        let rendered = try #require(ChartRenderer.render(parsed.journey, chart: .journey, theme: theme))
        let texts = rendered.labels.map(\.text)
        #expect(texts.contains("+1000") && texts.contains("-1000"), "\(texts)")
        #expect(!texts.contains { $0.hasSuffix("…") }, "\(texts)")
        expectLayoutIsClean(rendered, name: "scale -1000..1000")
    }
}
