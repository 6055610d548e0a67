import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyCharts
@testable import JourneyLanguage
@testable import JourneyXML

/// journey's SVG 1.1 subset schema and the official SVG 1.1 DTD agree on every chart journey
/// draws, and both reject a chart that leaves SVG 1.1.
@Suite struct SVGSchemaAgreementTests {
    static let dtdMissing: Comment =
        "the SVG 1.1 DTD is not in the system XML catalog (apt-get install w3c-sgml-lib)"

    /// Every example journey in every chart and theme, the dashboard with a ladder too, and the
    /// example ladders on their own, rendered once.
    static let charts: [(name: String, svg: String)] = {
        let themes = ["light", "dark", "print"].compactMap { try? Theme.bundled(named: $0) }
        let journeyCharts = Repository.journeyFiles(in: "journeys").flatMap { url -> [(name: String, svg: String)] in
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
            let journey = check(text, name: url.lastPathComponent).journey
            let variants =
                ChartKind.allCases.map { ($0, ChartRendererTests.ladder(for: $0), "\($0)") } + [
                    (ChartKind.dashboard, LadderExamples.cdnow, "dashboard-ladder")
                ]
            return variants.flatMap { chart, ladder, chartName in
                themes.compactMap { theme -> (name: String, svg: String)? in
                    guard let rendered = ChartRenderer.render(journey, chart: chart, theme: theme, ladder: ladder)
                    else { return nil }
                    let name = "\(url.deletingPathExtension().lastPathComponent)-\(chartName)-\(theme.name).svg"
                    return (name, rendered.svg)
                }
            }
        }
        let ladders = LadderExamples.all.flatMap { example in
            themes.map { theme in
                (
                    "ladder-\(example.name)-\(theme.name).svg",
                    ChartRenderer.render(ladder: example.figures, theme: theme).svg
                )
            }
        }
        return journeyCharts + ladders
    }()

    /// A dashboard to alter.
    static var dashboard: String {
        charts.first { $0.name == "dressmate-dashboard-light.svg" }?.svg ?? ""
    }

    /// Changes made to a chart that take it outside SVG 1.1: an element SVG 1.1 does not have,
    /// an attribute it does not have, and a value outside an enumeration.
    static let outsideSVG11: [(what: String, from: String, to: String)] = [
        ("an element", "</defs>", "</defs>\n  <marquee>moving</marquee>"),
        ("an attribute", "<rect x=\"0\" y=\"0\"", "<rect x=\"0\" y=\"0\" corner=\"4\""),
        ("a value", "text-anchor=\"start\"", "text-anchor=\"left\""),
    ]

    static func schemaOnly(_ svg: String, name: String) -> ValidationResult {
        XMLValidator.validate(svg, name: name, against: SVGSubsetSchema.compiled)
    }

    static func dtdOnly(_ svg: String, name: String) -> ValidationResult {
        XMLValidator.validate(svg, name: name)
    }

    @Test func everyExampleChartAndThemeIsRendered() {
        #expect(Self.charts.count >= 87)
    }

    @Test func everyChartFollowsTheShippedSchema() {
        for chart in Self.charts {
            let result = Self.schemaOnly(chart.svg, name: chart.name)
            #expect(result.isValid, "\(chart.name): \(result.diagnostics.map(\.message))")
            #expect(result.checks == [.wellFormedness, .schema(name: SVGSubsetSchema.fileName)])
        }
    }

    @Test(.enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func everyChartFollowsTheDTDToo() {
        for chart in Self.charts {
            let result = Self.dtdOnly(chart.svg, name: chart.name)
            #expect(result.isValid, "\(chart.name): \(result.diagnostics.map(\.message))")
            #expect(result.checks == [.wellFormedness, .dtd(.svg11)])
            let both = XMLValidator.validateSVG(chart.svg, name: chart.name)
            #expect(both.isValid)
            #expect(both.checks == [.wellFormedness, .dtd(.svg11), .svgSubsetSchema])
        }
    }

    @Test func withoutTheDTDJourneysOwnChartsRestOnTheShippedSchema() {
        let result = XMLValidator.validateSVG(Self.dashboard, name: "dashboard.svg")
        #expect(result.isValid, "\(result.diagnostics.map(\.message))")
        #expect(result.checks.contains(.svgSubsetSchema))
        #expect(result.checks.contains(.dtd(.svg11)) == XMLValidator.svg11DTDIsInstalled)
    }

    @Test(arguments: outsideSVG11.map(\.what))
    func aChartOutsideSVG11FailsTheShippedSchema(what: String) throws {
        let change = try #require(Self.outsideSVG11.first { $0.what == what })
        let altered = Self.dashboard.replacing(change.from, with: change.to, maxReplacements: 1)
        #expect(altered != Self.dashboard)
        #expect(!Self.schemaOnly(altered, name: "altered.svg").isValid)
        #expect(!XMLValidator.validateSVG(altered, name: "altered.svg").isValid, "journey never writes it")
    }

    @Test(.enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing), arguments: outsideSVG11.map(\.what))
    func aChartOutsideSVG11FailsTheDTD(what: String) throws {
        let change = try #require(Self.outsideSVG11.first { $0.what == what })
        let altered = Self.dashboard.replacing(change.from, with: change.to, maxReplacements: 1)
        #expect(!Self.dtdOnly(altered, name: "altered.svg").isValid)
    }

    @Test func anSVG11ElementTheChartsDoNotUseFailsTheShippedSchema() {
        // Valid SVG 1.1, but outside the subset: a chart that starts using it must extend the schema.
        let altered = Self.dashboard.replacing(
            "</defs>", with: "</defs>\n  <ellipse cx=\"1\" cy=\"1\" rx=\"1\" ry=\"1\"/>", maxReplacements: 1)
        #expect(!Self.schemaOnly(altered, name: "altered.svg").isValid)
        #expect(!XMLValidator.validateSVG(altered, name: "altered.svg").isValid)
    }

    /// The schema declares exactly the elements and attributes that the charts write.
    @Test func theSchemaCoversExactlyWhatTheChartsWrite() throws {
        func names(_ pattern: String, in text: String) throws -> Set<String> {
            let regex = try Regex(pattern)
            return Set(text.matches(of: regex).compactMap { $0.output[1].substring.map(String.init) })
        }
        let charts = Self.charts.map(\.svg).joined(separator: "\n")
        let body = charts.split(separator: "\n").filter { !$0.hasPrefix("<?xml") }.joined(separator: "\n")
        let written = (
            elements: try names(#"<([A-Za-z][A-Za-z0-9]*)[\s/>]"#, in: body),
            attributes: try names(#"\s([A-Za-z][A-Za-z0-9:-]*)=""#, in: body).subtracting(["xmlns"])
        )
        let schema = SVGSubsetSchema.text
        let declared = (
            elements: try names(#"<xs:element name="([^"]+)""#, in: schema),
            attributes: try names(#"<xs:attribute name="([^"]+)""#, in: schema)
        )
        #expect(written.elements.sorted() == declared.elements.sorted())
        #expect(written.attributes.sorted() == declared.attributes.sorted())
    }
}
