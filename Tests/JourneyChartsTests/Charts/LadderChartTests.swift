import Foundation
import JourneyTestSupport
import PropertyBased
import Testing

@testable import JourneyCharts
@testable import JourneyLanguage
@testable import JourneyXML

/// The ladder chart: valid SVG 1.1, labels apart and on the canvas, and bars whose geometry
/// says what the figures say, in every theme.
@Suite struct LadderChartTests {
    static let themes = ["light", "dark", "print"]
    static let cases: [(String, String)] = LadderExamples.all.flatMap { example in
        themes.map { (example.name, $0) }
    }

    static func example(_ name: String) throws -> LadderFigures {
        try #require(LadderExamples.all.first { $0.name == name }?.figures)
    }

    @Test(arguments: cases)
    func rendersValidSVGWithLabelsApartAndOnTheCanvas(exampleName: String, themeName: String) throws {
        let theme = try #require(try Theme.bundled(named: themeName))
        let rendered = ChartRenderer.render(ladder: try Self.example(exampleName), theme: theme)
        let name = "ladder-\(exampleName)-\(themeName).svg"
        let validation = XMLValidator.validateSVG(rendered.svg, name: name)
        #expect(validation.isValid, "\(name): \(validation.diagnostics.map(\.message))")
        expectLayoutIsClean(rendered, name: name)
    }

    @Test(arguments: cases)
    func barsAreProportionalAndTheLostPartLiesInsideTheBar(exampleName: String, themeName: String) throws {
        let theme = try #require(try Theme.bundled(named: themeName))
        let figures = try Self.example(exampleName)
        let layout = LadderChart.layout(figures: figures, theme: theme)
        expectGeometry(layout, of: figures, name: "\(exampleName) in \(themeName)")
    }

    @Test(arguments: themes)
    func theDashboardWithALadderIsValidAndClean(themeName: String) throws {
        let theme = try #require(try Theme.bundled(named: themeName))
        for url in ChartRendererTests.examples {
            let journey = try ChartRendererTests.journey(url)
            let rendered = try #require(
                ChartRenderer.render(journey, chart: .dashboard, theme: theme, ladder: LadderExamples.cdnow))
            let name = "\(url.deletingPathExtension().lastPathComponent)-dashboard-ladder-\(themeName).svg"
            let validation = XMLValidator.validateSVG(rendered.svg, name: name)
            #expect(validation.isValid, "\(name): \(validation.diagnostics.map(\.message))")
            expectLayoutIsClean(rendered, name: name)
            #expect(rendered.labels.contains { $0.text == "Relationship ladder" })
            #expect(rendered.svg.contains("at each rung of the relationship ladder or higher"))
        }
    }

    @Test func theLadderChartOfAJourneyIsTitledWithTheJourney() throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        let journey = try ChartRendererTests.journey(
            try #require(ChartRendererTests.examples.first { $0.lastPathComponent == "dressmate.journey" }))
        #expect(ChartRenderer.requirements(for: journey, chart: .ladder).isEmpty)
        #expect(ChartRenderer.render(journey, chart: .ladder, theme: theme) == nil, "no figures, no ladder")
        let rendered = try #require(
            ChartRenderer.render(journey, chart: .ladder, theme: theme, ladder: LadderExamples.workedExample))
        #expect(rendered.svg.contains("<title>Dressmate — first order: relationship ladder</title>"))
        #expect(rendered.labels.first?.text == "Dressmate — first order")
        #expect(
            rendered.labels.dropFirst().first?.text
                == "Relationship ladder · customers of purchases.csv as of 1971-02-05 · "
                + "lost after 2 × their usual gap; an account from 5 purchase days")
        // Neither the emotion curve nor the funnel, and no verdict: only the ladder.
        #expect(!rendered.svg.contains("Weakest stage"))
        expectLayoutIsClean(rendered, name: "dressmate-ladder")
    }

    @Test func theLabelsSayTheConversionAndTheLostShare() throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        let rendered = ChartRenderer.render(ladder: LadderExamples.cdnow, theme: theme)
        let texts = rendered.labels.map(\.text)
        for expected in [
            "Customers of CDNOW_master.csv", "23,570", "73.3% lost", "↓ 100% reach tester", "11,516",
            "45.3% lost", "↓ 48.9% reach buyer", "↓ 33.3% reach account", "3,835", "28.4% lost",
            "↓ 0% reach patron", "no customer yet", "5 or more purchase days",
        ] {
            #expect(texts.contains(expected), "no label '\(expected)' in \(texts)")
        }
        // Out of an empty rung there is no conversion to speak of.
        #expect(!texts.contains { $0.hasSuffix("reach sponsor") })
        #expect(texts.contains { $0.hasPrefix("Nobody stands on the prospect rung alone") })
        #expect(
            rendered.svg.contains(
                "<desc>Customers of CDNOW_master.csv at each rung of the relationship ladder or higher, as of "
                    + "1998-06-30: prospect 23,570 (73.3% lost), tester 23,570 (73.3% lost), buyer 11,516 (45.3% lost), "
                    + "account 3,835 (28.4% lost), patron 0, sponsor 0.</desc>"))
    }

    @Test func aShareThatIsNeitherNoneNorAllNeverReadsAsEither() throws {
        #expect(
            [0, 0.0004, 0.0005, 0.489, 0.9994, 0.9996, 1].map(LadderFigures.percent) == [
                "0%", "<0.1%", "0.1%", "48.9%", "99.9%", ">99.9%", "100%",
            ])
        let theme = try #require(try Theme.bundled(named: "light"))
        let texts = ChartRenderer.render(ladder: LadderExamples.awkward, theme: theme).labels.map(\.text)
        // 3 lost of 987,654,321 testers, and 12,345 of them buyers.
        #expect(texts.contains("<0.1% lost"), "\(texts)")
        #expect(texts.contains("↓ <0.1% reach buyer"), "\(texts)")
        #expect(texts.contains("1,234,567,890"), "\(texts)")
    }

    @Test func anEmptyRungKeepsItsRowWithAnEmptyTrack() throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        let layout = LadderChart.layout(figures: LadderExamples.cdnow, theme: theme)
        #expect(layout.bars.map(\.rung) == LadderRung.allCases)
        for bar in layout.bars.suffix(2) {
            #expect(bar.bar.width == 0)
            #expect(bar.lost.width == 0)
        }
        let labels = SceneItem.textBoxes(in: layout.part.items).map(\.text)
        #expect(labels.count { $0 == "no customer yet" } == 2)
    }

    @Test(arguments: LadderExamples.all.map(\.name))
    func outputIsByteIdenticalFromRunToRun(exampleName: String) throws {
        let theme = try #require(try Theme.bundled(named: "dark"))
        let figures = try Self.example(exampleName)
        #expect(
            ChartRenderer.render(ladder: figures, theme: theme).svg
                == ChartRenderer.render(ladder: figures, theme: theme).svg)
    }

    @Test func hatchingStaysInsideItsRectangle() {
        for rect in [
            Rect(x: 240, y: 30, width: 100, height: 28), Rect(x: 240.4, y: 30, width: 1, height: 28),
            Rect(x: 0, y: 0, width: 14, height: 12), Rect(x: 10, y: 10, width: 0, height: 28),
        ] {
            let data = LadderChart.hatching(of: rect)
            let numbers = data.split { $0 == " " || $0.isLetter }.compactMap { Double($0) }
            #expect(numbers.count.isMultiple(of: 2))
            for index in stride(from: 0, to: numbers.count, by: 2) {
                let (x, y) = (numbers[index], numbers[index + 1])
                #expect(x >= rect.minX - 0.01 && x <= rect.maxX + 0.01, "\(data) leaves \(rect)")
                #expect(y >= rect.minY - 0.01 && y <= rect.maxY + 0.01, "\(data) leaves \(rect)")
            }
            if rect.width == 0 { #expect(data.isEmpty) }
            if rect.width >= LadderChart.hatchSpacing { #expect(!data.isEmpty) }
        }
    }

    /// Random ladders, with counts from none to two billion, give valid charts, labels apart,
    /// and bars that say what the figures say.
    @Test func randomLaddersKeepTheirGeometry() async throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        await propertyCheck(count: 60, input: Gen<Int>.int(in: 0...2_000_000_000).array(of: 12)) { numbers in
            let counts = numbers.prefix(6).sorted(by: >)
            let lost = zip(counts, numbers.suffix(6)).map { count, random in count * (random % 1001) / 1000 }
            let figures = LadderExamples.figures(counts, lost: lost)
            let rendered = ChartRenderer.render(ladder: figures, theme: theme)
            let validation = XMLValidator.validateSVG(rendered.svg, name: "random.svg")
            #expect(validation.isValid, "\(counts): \(validation.diagnostics.map(\.message))")
            expectLayoutIsClean(rendered, name: "\(counts) lost \(lost)")
            expectGeometry(LadderChart.layout(figures: figures, theme: theme), of: figures, name: "\(counts)")
        }
    }
}

/// Each bar as long as its customers relative to the largest count (at least 2 px when it has
/// any), never longer than the one above when the counts never rise, its lost part inside it at
/// its right end and as long as the lost share says (at least 1 px when anyone is lost).
func expectGeometry(
    _ layout: LadderChart.Layout, of figures: LadderFigures, name: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let largest = Double(figures.rungs.map(\.customers).max() ?? 0)
    let tolerance = 0.001
    #expect(layout.bars.count == figures.rungs.count, sourceLocation: sourceLocation)
    for (rung, drawn) in zip(figures.rungs, layout.bars) {
        let bar = drawn.bar
        let lost = drawn.lost
        #expect(drawn.rung == rung.rung, sourceLocation: sourceLocation)
        #expect(
            bar.minX == layout.track.minX, "\(name): \(rung.rung) starts off the track", sourceLocation: sourceLocation)
        #expect(
            bar.width <= layout.track.width + tolerance, "\(name): \(rung.rung) is longer than the track",
            sourceLocation: sourceLocation)
        let expected = largest > 0 ? Double(rung.customers) / largest * layout.track.width : 0
        if rung.customers == 0 {
            #expect(bar.width == 0, "\(name): \(rung.rung) has no customer but a bar", sourceLocation: sourceLocation)
        } else {
            #expect(
                abs(bar.width - max(2, expected)) < tolerance,
                "\(name): \(rung.rung) is \(bar.width) px, not \(max(2, expected))", sourceLocation: sourceLocation)
        }
        #expect(
            lost.minX >= bar.minX - tolerance && lost.maxX <= bar.maxX + tolerance && lost.width <= bar.width,
            "\(name): \(rung.rung)'s lost part \(lost) leaves its bar \(bar)", sourceLocation: sourceLocation)
        #expect(lost.minY == bar.minY && lost.height == bar.height, sourceLocation: sourceLocation)
        if rung.lost > 0 {
            #expect(
                abs(lost.maxX - bar.maxX) < tolerance, "\(name): the lost part is not at the bar's end",
                sourceLocation: sourceLocation)
            let share = Double(rung.lost) / Double(rung.customers) * bar.width
            #expect(
                abs(lost.width - min(bar.width, max(1, share))) < tolerance,
                "\(name): \(rung.rung)'s lost part is \(lost.width) px, not \(share)", sourceLocation: sourceLocation)
        } else {
            #expect(lost.width == 0, sourceLocation: sourceLocation)
        }
    }
    for (upper, lower) in zip(layout.bars, layout.bars.dropFirst()) {
        #expect(upper.bar.maxY < lower.bar.minY, "\(name): bars out of order", sourceLocation: sourceLocation)
    }
    let counts = figures.rungs.map(\.customers)
    if zip(counts, counts.dropFirst()).allSatisfy({ $0 >= $1 }) {
        for (upper, lower) in zip(layout.bars, layout.bars.dropFirst()) {
            #expect(
                lower.bar.width <= upper.bar.width + tolerance, "\(name): \(lower.rung)'s bar rises",
                sourceLocation: sourceLocation)
        }
    }
}
