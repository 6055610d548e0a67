import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyAnalysis
@testable import JourneyCharts
@testable import JourneyHTMLReport
@testable import JourneyLanguage
@testable import JourneyXML

/// The ladder section of the report: there with a purchase log's figures, and without them not a
/// byte of it.
@Suite struct ReportLadderTests {
    /// CDNOW's customers as `journey customers` counts them at 1998-06-30, from a purchase log alone.
    static func cdnow(source: String = "cdnow.csv", notes: [String] = []) -> LadderFigures {
        let counts = [(23_570, 17_266), (23_570, 17_266), (11_516, 5_212), (3_835, 1_088), (0, 0), (0, 0)]
        return LadderFigures(
            rungs: zip(LadderRung.allCases, counts).map { .init(rung: $0.0, customers: $0.1.0, lost: $0.1.1) },
            source: source, asOf: "1998-06-30", lostAfter: 2, fanPurchaseDays: 5, notes: notes)
    }

    static func dressmate() throws -> (journey: Journey, metrics: FunnelMetrics) {
        let url = Repository.root.appendingPathComponent("journeys/dressmate.journey")
        let checked = check(try String(contentsOf: url, encoding: .utf8), name: "dressmate.journey")
        return (checked.journey, try #require(FunnelMetrics(journey: checked.journey)))
    }

    static func report(ladder: LadderFigures?, theme: String = "light") throws -> RenderedReport {
        let (journey, metrics) = try dressmate()
        return try ReportRenderer.render(
            journey, metrics: metrics, theme: try #require(try Theme.bundled(named: theme)),
            template: try ReportTemplate.bundled(), name: "report.html", ladder: ladder)
    }

    @Test func withoutALadderNothingOfItsSectionIsWritten() throws {
        // The bundled template with its ladder sections cut out renders the same bytes: the
        // sections leave no line behind when there is no ladder.
        let bundled = try #require(ReportTemplateFile.named(ReportTemplateFile.pageName)).text
        let sections = bundled.matches(of: /\{\{#ladder\}\}\n(?s:.*?)\{\{\/ladder\}\}\n/)
        #expect(sections.count == 2, "the table of contents and the section")
        var cut = bundled
        for section in sections.reversed() { cut.removeSubrange(section.range) }
        #expect(!cut.contains("ladder"))
        let (journey, metrics) = try Self.dressmate()
        let theme = try #require(try Theme.bundled(named: "light"))
        let chart = try #require(ChartRenderer.render(journey, chart: .dashboard, theme: theme))
        let context = try ReportContext(journey: journey, metrics: metrics, chart: chart, theme: theme)
        #expect(context.ladder == nil)
        let withSections = ReportRenderer.render(context, template: try ReportTemplate.bundled(), name: "a.html")
        let without = ReportRenderer.render(
            context, template: try ReportTemplate(text: cut, name: "cut.mustache"), name: "a.html")
        #expect(withSections.html == without.html)
        #expect(try Self.report(ladder: nil).html == withSections.html)
    }

    @Test(arguments: ["light", "dark", "print"])
    func withALadderTheReportHasItsChartAndTable(theme: String) throws {
        let report = try Self.report(ladder: Self.cdnow(), theme: theme)
        #expect(report.isValid, "\(report.validation.diagnostics.map(\.message))")
        let html = report.html
        #expect(html.contains("<li><a href=\"#ladder\">Customers</a></li>"))
        #expect(html.contains("<section id=\"ladder\" class=\"section page-break\">"))
        #expect(html.components(separatedBy: "<svg ").count == 3, "the dashboard and the ladder")
        #expect(html.contains("<title>Dressmate — first order: relationship ladder</title>"))
        #expect(
            html.contains(
                """
                <tr>
                <th scope="row">prospect</th>
                <td class="num">23,570</td>
                <td class="num">–</td>
                <td class="num">17,266</td>
                <td class="num">73.3%</td>
                <td>contacted, no purchase yet</td>
                </tr>
                """))
        #expect(
            html.contains(
                """
                <th scope="row">buyer</th>
                <td class="num">11,516</td>
                <td class="num">48.9%</td>
                <td class="num">5,212</td>
                <td class="num">45.3%</td>
                <td>2 or more purchase days</td>
                """))
        #expect(
            html.contains(
                """
                <th scope="row">sponsor</th>
                <td class="num">0</td>
                <td class="num">–</td>
                <td class="num">0</td>
                <td class="num">–</td>
                <td>a repeat buyer who referred someone</td>
                """), "after an empty rung, no conversion")
        #expect(html.contains("The customers of cdnow.csv as of 1998-06-30, at each rung"))
    }

    @Test func theLadderContextHasEveryRung() throws {
        let figures = Self.cdnow(notes: ["Without survey answers (--survey), nobody is a patron."])
        let chart = ChartRenderer.render(ladder: figures, theme: try #require(try Theme.bundled(named: "dark")))
        let ladder = try ReportContext.Ladder(
            figures: figures, chart: chart, theme: try #require(try Theme.bundled(named: "dark")))
        #expect(ladder.rungs.map(\.rung) == ["prospect", "tester", "buyer", "account", "patron", "sponsor"])
        #expect(ladder.rungs.map(\.conversion) == ["–", "100%", "48.9%", "33.3%", "0%", "–"])
        #expect(ladder.rungs.map(\.lostShare) == ["73.3%", "73.3%", "45.3%", "28.4%", "–", "–"])
        #expect(ladder.rungs.map(\.isEmpty) == [false, false, false, false, true, true])
        #expect(ladder.rules == "lost after 2 × their usual gap; an account from 5 purchase days")
        #expect(ladder.hasNotes)
        #expect(ladder.chart.theme == "dark")
        #expect(ladder.chart.svg.hasPrefix("<svg "))
    }

    @Test func theNotesAreWordsUnderTheTableNotInTheChart() throws {
        let note = "Without survey answers (--survey), nobody is a patron."
        let html = try Self.report(ladder: Self.cdnow(notes: [note])).html
        #expect(html.components(separatedBy: note).count == 2, "once")
        #expect(html.contains("(see journey’s docs/customers.md). \(note)</p>"))
    }

    @Test func aPurchaseLogsNameIsEscapedAndCleaned() throws {
        let report = try Self.report(ladder: Self.cdnow(source: "Tom & <Jerry>'s \"log\".csv\u{1}"))
        #expect(report.isValid, "\(report.validation.diagnostics.map(\.message))")
        #expect(report.html.contains("The customers of Tom &amp; &lt;Jerry&gt;&#39;s &quot;log&quot;.csv as of"))
        #expect(!report.html.unicodeScalars.contains("\u{1}"))
    }

    @Test func theOutputIsByteIdenticalFromRunToRun() throws {
        #expect(try Self.report(ladder: Self.cdnow()).html == Self.report(ladder: Self.cdnow()).html)
    }
}
