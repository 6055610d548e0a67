import PropertyBased
import Testing

@testable import JourneyCharts
@testable import JourneyLanguage
@testable import JourneyXML

/// Labels made of the characters that break careless SVG writers still give valid charts.
@Suite struct TrickyLabelTests {
    /// Pieces that random labels are made of: markup, quotes, emoji, right-to-left and
    /// combining text, characters XML forbids, and a very long run.
    static let pieces: [String] = [
        "<", ">", "&", "&amp;", "\"", "'", "]]>", "<![CDATA[", "<!--", "-->", "😀", "👩‍👩‍👧", "🇮🇹",
        "مرحبا بالعالم", "שלום עולם", "e\u{301}", "日本語のラベル", " ", "  ", "Checkout", "a", "x",
        "\u{0001}", "\u{FFFE}", "\t", "\n", "\r\n", "\u{200F}", "\u{202E}",
        String(repeating: "a very long label ", count: 17),
    ]

    static let label = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 1...12).map { $0.joined() }

    /// A journey whose every text is `label`.
    static func journey(labelled label: String) -> Journey {
        let channel = Channel(id: "site", media: .owned, description: label, location: .init(line: 1, column: 1))
        func touchpoint(_ score: Double, _ line: Int) -> Touchpoint {
            Touchpoint(
                name: label, score: score, channel: "site", isMeasured: line.isMultiple(of: 2), metric: label,
                pains: score < 0 ? [label] : [], ideas: score < 0 ? [label] : [], thoughts: [label],
                location: .init(line: line, column: 1))
        }
        return Journey(
            name: label,
            personas: [Persona(id: "p", description: label, location: .init(line: 1, column: 1))],
            channels: [channel],
            stages: [
                Stage(
                    name: label, reach: 1000, target: 0.5, touchpoints: [touchpoint(3, 10), touchpoint(-4, 11)],
                    location: .init(line: 9, column: 1)),
                Stage(
                    name: label + "2", reach: 300, touchpoints: [touchpoint(0, 13)],
                    location: .init(line: 12, column: 1)),
            ])
    }

    @Test func randomLabelsGiveValidChartsWithLabelsApart() async throws {
        let theme = try #require(try Theme.bundled(named: "light"))
        await propertyCheck(count: 60, input: Self.label) { label in
            let journey = Self.journey(labelled: label)
            let ladder = LadderExamples.figures(
                [9, 7, 5, 2, 1, 0], lost: [3, 3, 1, 0, 0, 0], source: label, notes: [label])
            let variants: [(ChartKind, LadderFigures?)] =
                ChartKind.journeyCharts.map { ($0, nil) } + [(.dashboard, ladder), (.ladder, ladder)]
            var charts: [(String, RenderedChart?)] = variants.map { chart, ladder in
                (
                    "\(chart)\(ladder == nil ? "" : " with a ladder")",
                    ChartRenderer.render(journey, chart: chart, theme: theme, ladder: ladder)
                )
            }
            charts.append(("ladder alone", ChartRenderer.render(ladder: ladder, theme: theme)))
            for (chart, rendered) in charts {
                guard let rendered else {
                    Issue.record("\(chart) did not render")
                    continue
                }
                let validation = XMLValidator.validateSVG(rendered.svg, name: "\(chart).svg")
                #expect(validation.isValid, "label \(label.debugDescription): \(validation.diagnostics.map(\.message))")
                expectLayoutIsClean(rendered, name: "\(chart) with \(label.debugDescription)")
            }
        }
    }

    @Test(arguments: pieces)
    func everyPieceAloneGivesAValidChart(piece: String) throws {
        let theme = try #require(try Theme.bundled(named: "dark"))
        let rendered = try #require(
            ChartRenderer.render(Self.journey(labelled: piece), chart: .dashboard, theme: theme))
        let validation = XMLValidator.validateSVG(rendered.svg, name: "piece.svg")
        #expect(validation.isValid, "\(piece.debugDescription): \(validation.diagnostics.map(\.message))")
        expectLayoutIsClean(rendered, name: piece.debugDescription)
    }

    @Test func a300CharacterLabelIsShortenedAndKeptWhole() throws {
        let long = String(repeating: "Checkout asks her to create an account ", count: 8).prefix(300)
        let theme = try #require(try Theme.bundled(named: "light"))
        let rendered = try #require(
            ChartRenderer.render(Self.journey(labelled: String(long)), chart: .journey, theme: theme))
        let shortened = rendered.labels.filter { $0.text == String(long) && $0.isShortened }
        #expect(!shortened.isEmpty)
        // The full text survives as a tooltip.
        #expect(rendered.svg.contains("<title>\(long)</title>"))
    }

    @Test func theLayoutCheckCatchesOverlapsAndLabelsOffTheCanvas() {
        let font = FontMetrics.dejaVuSans
        let a = TextBox("Overlapping", font: font, size: 12, x: 10, top: 10, maxWidth: 200)
        let b = TextBox("labels", font: font, size: 12, x: 20, top: 12, maxWidth: 200)
        let outside = TextBox("off the canvas", font: font, size: 12, x: 90, top: 10, maxWidth: 200)
        withKnownIssue {
            expectLayoutIsClean(RenderedChart(svg: "", width: 100, height: 100, labels: [a, b]), name: "overlap")
        }
        withKnownIssue {
            expectLayoutIsClean(RenderedChart(svg: "", width: 100, height: 100, labels: [outside]), name: "outside")
        }
    }
}
