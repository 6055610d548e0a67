import Foundation
import JourneyAnalysis
import JourneyTestSupport
import Testing

@testable import JourneyCharts
@testable import JourneyLanguage
@testable import JourneyXML

/// Every example journey, in every chart and theme: valid SVG 1.1, labels apart and on the canvas.
@Suite struct ChartRendererTests {
    static let examples: [URL] = Repository.journeyFiles(in: "journeys")
    static let cases: [(URL, ChartKind, String)] = examples.flatMap { url in
        ChartKind.allCases.flatMap { chart in ["light", "dark", "print"].map { (url, chart, $0) } }
    }

    static func journey(_ url: URL) throws -> Journey {
        let result = check(try String(contentsOf: url, encoding: .utf8), name: url.lastPathComponent)
        #expect(!result.hasErrors)
        return result.journey
    }

    /// The figures the ladder chart needs; the journey's own charts get none.
    static func ladder(for chart: ChartKind) -> LadderFigures? {
        chart == .ladder ? LadderExamples.workedExample : nil
    }

    @Test func chartsOfTheFunnelSayWhereTheReachComesFrom() throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        let journey = try Self.journey(
            try #require(Self.examples.first { $0.lastPathComponent == "dressmate.journey" }))
        let measured = ReachSource.measured(
            .init(
                name: "events.csv", window: "14d", mode: "ordered", firstDay: "2026-01-01", lastDay: "2026-02-10",
                customers: 120_000))
        for chart in [ChartKind.journey, .funnel, .dashboard] {
            let planned = try #require(ChartRenderer.render(journey, chart: chart, theme: theme)).svg
            #expect(planned.contains(">Reach as planned in the journey file<"), "\(chart)")
            let svg = try #require(ChartRenderer.render(journey, chart: chart, theme: theme, reachSource: measured)).svg
            #expect(
                svg.contains(">Reach measured from events.csv: 120,000 customers, events from 2026-01-01"), "\(chart)")
        }
        let ladder = try #require(
            ChartRenderer.render(journey, chart: .ladder, theme: theme, ladder: LadderExamples.workedExample)
        ).svg
        #expect(!ladder.contains("Reach as planned"))
    }

    @Test func thereAreExamplesToRender() {
        #expect(Self.examples.count >= 4)
    }

    @Test(arguments: cases)
    func rendersValidSVGWithLabelsApartAndOnTheCanvas(url: URL, chart: ChartKind, themeName: String) throws {
        let theme = try #require(try Theme.bundled(named: themeName))
        let rendered = try #require(
            ChartRenderer.render(try Self.journey(url), chart: chart, theme: theme, ladder: Self.ladder(for: chart)))
        let name = "\(url.deletingPathExtension().lastPathComponent)-\(chart)-\(themeName).svg"

        let validation = XMLValidator.validateSVG(rendered.svg, name: name)
        #expect(validation.isValid, "\(name): \(validation.diagnostics.map(\.message))")
        #expect(rendered.svg.contains("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\""))

        expectLayoutIsClean(rendered, name: name)
    }

    @Test(arguments: ChartKind.allCases)
    func outputIsByteIdenticalFromRunToRun(chart: ChartKind) throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        let journey = try Self.journey(
            try #require(Self.examples.first { $0.lastPathComponent == "dressmate.journey" }))
        let ladder = Self.ladder(for: chart)
        let first = try #require(ChartRenderer.render(journey, chart: chart, theme: theme, ladder: ladder))
        let second = try #require(ChartRenderer.render(journey, chart: chart, theme: theme, ladder: ladder))
        #expect(first.svg == second.svg)
    }

    @Test func chartsHaveATitleAndADescriptionForScreenReaders() throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        let journey = try Self.journey(
            try #require(Self.examples.first { $0.lastPathComponent == "dressmate.journey" }))
        let svg = try #require(ChartRenderer.render(journey, chart: .dashboard, theme: theme)).svg
        #expect(svg.contains("<title>Dressmate — first order: dashboard</title>"))
        #expect(svg.contains("<desc>How the customer feels at 10 touchpoints in 5 stages"))
        #expect(svg.contains("Weakest stage: Purchase."))
    }

    @Test func theFunnelNeedsReachButTheCurveDoesNot() throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        let journey = check(
            header + "stage A\n  touchpoint \"P\" +1 via site\nstage B\n  touchpoint \"Q\" -1 via site\n"
        ).journey
        #expect(ChartRenderer.requirements(for: journey, chart: .journey).isEmpty)
        #expect(ChartRenderer.render(journey, chart: .journey, theme: theme) != nil)
        for chart in [ChartKind.funnel, .dashboard] {
            #expect(
                ChartRenderer.requirements(for: journey, chart: chart).map(\.code) == [
                    "reach-required", "reach-required",
                ])
            #expect(ChartRenderer.render(journey, chart: chart, theme: theme) == nil)
        }
    }

    @Test func aStageWithoutTouchpointsStillGetsItsBand() throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        let journey = check(header + "stage A\n  reach 10\nstage B\n  reach 5\n  touchpoint \"Q\" -1 via site\n")
            .journey
        let rendered = try #require(ChartRenderer.render(journey, chart: .journey, theme: theme))
        #expect(rendered.labels.contains { $0.text == "A" })
        #expect(XMLValidator.validateSVG(rendered.svg, name: "empty-stage.svg").isValid)
        expectLayoutIsClean(rendered, name: "empty-stage.svg")
    }

    // MARK: - A journey too large to label every touchpoint

    @Test(arguments: [ChartKind.journey, .dashboard])
    func aLargeJourneyIsCondensedWithFewLabelsApartAndItsExtremesLabelled(chart: ChartKind) throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        let journey = GeneratedJourney.make(touchpoints: 4_000, stages: 10)
        let rendered = try #require(ChartRenderer.render(journey, chart: chart, theme: theme))
        let name = "generated-\(chart).svg"
        #expect(XMLValidator.validateSVG(rendered.svg, name: name).isValid)
        expectLayoutIsClean(rendered, name: name)
        #expect(rendered.width <= ChartStyle.largestCanvas)
        #expect(rendered.height <= ChartStyle.largestCanvas)

        // At most a pain point and a high labelled in each of two columns a stage.
        let names = Set(journey.touchpoints.map(\.name))
        let labelled = rendered.labels.filter { names.contains($0.text) }
        #expect(labelled.count <= 4 * journey.stages.count)
        #expect(rendered.labels.count < 300)
        #expect(rendered.shownTouchpoints == labelled.count)
        #expect(labelled.contains { $0.text == GeneratedJourney.lowestName })
        #expect(labelled.contains { $0.text == GeneratedJourney.highestName })

        // The chart says how many it shows, out of how many.
        let note = "Showing \(labelled.count) of 4,000 touchpoints"
        #expect(rendered.labels.contains { $0.text.hasPrefix(note) })
        #expect(rendered.svg.contains("The chart marks and labels \(labelled.count) of them"))

        let again = try #require(ChartRenderer.render(journey, chart: chart, theme: theme))
        #expect(again.svg == rendered.svg)
    }

    @Test func aCondensedChartListsTheNotesOfThePainPointsItShowsOnly() throws {
        let theme = try #require(try Theme.bundled(named: "dark"))
        let journey = GeneratedJourney.make(touchpoints: 1_000, stages: 4)
        let rendered = try #require(ChartRenderer.render(journey, chart: .journey, theme: theme))
        let pains = journey.touchpoints.filter(\.isPainPoint)
        #expect(
            rendered.labels.contains {
                $0.text == "Pain points shown, most urgent first, numbered among all \(pains.count)"
            })
        let notes = rendered.labels.filter { $0.text.hasPrefix("pain: ") }
        #expect(!notes.isEmpty)
        #expect(notes.count <= 2 * 2 * journey.stages.count)
        // Numbers of three digits or more are written whole, in a pill.
        #expect(!rendered.labels.contains { $0.isShortened && $0.text.allSatisfy(\.isNumber) })
        expectLayoutIsClean(rendered, name: "generated-dark.svg")
    }

    @Test func aJourneyThatFitsIsNotCondensed() throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        let journey = GeneratedJourney.make(touchpoints: JourneyChart.mostColumns, stages: 5)
        let rendered = try #require(ChartRenderer.render(journey, chart: .journey, theme: theme))
        #expect(rendered.shownTouchpoints == nil)
        #expect(rendered.width <= ChartStyle.largestCanvas)
        #expect(!rendered.labels.contains { $0.text.hasPrefix("Showing ") })
    }
}

/// No two labels overlap and every label lies inside the canvas.
func expectLayoutIsClean(
    _ rendered: RenderedChart, name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let canvas = Rect(x: 0, y: 0, width: rendered.width, height: rendered.height)
    let boxes = rendered.labels.filter { !$0.lines.isEmpty }
    for box in boxes {
        #expect(
            canvas.contains(box.bounds), "\(name): '\(box.text)' at \(box.bounds) leaves the canvas \(canvas)",
            sourceLocation: sourceLocation)
    }
    for (offset, first) in boxes.enumerated() {
        for second in boxes[(offset + 1)...] where first.bounds.intersects(second.bounds) {
            Issue.record(
                "\(name): '\(first.text)' \(first.bounds) overlaps '\(second.text)' \(second.bounds)",
                sourceLocation: sourceLocation)
        }
    }
}
