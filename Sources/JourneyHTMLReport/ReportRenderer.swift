import JourneyAnalysis
import JourneyCharts
import JourneyLanguage
import JourneyXML

/// Renders a journey as one self-contained HTML report, checked before it is written.
///
/// ```swift
/// let report = try ReportRenderer.render(journey, metrics: metrics, theme: theme,
///                                        template: try ReportTemplate.bundled(), name: "dressmate.html")
/// guard report.isValid else { /* print report.validation.diagnostics, write nothing */ }
/// try FileSystem.write(Array(report.html.utf8), to: "dressmate.html", replacing: true)
/// ```
///
/// The report holds the title, personas, state and scale, a summary with the weakest stage,
/// the dashboard chart inline, the metrics table, the weakest stage explained, the pain
/// points ranked, the opportunities, the partners' levels, and with a purchase log its
/// customers on the relationship ladder (see docs/report.md). The bundled template writes
/// XHTML-compatible HTML5 with no scripts and no external resources, and the same journey
/// gives the same bytes on every run.
public enum ReportRenderer {
    /// The report on `journey` with `template`, its dashboard drawn in `theme`, and checked.
    ///
    /// - Parameters:
    ///   - name: the report's name in diagnostics, usually its path.
    ///   - ladder: the customers of a purchase log on the relationship ladder, for a section of
    ///     their own (the ladder chart and its table); the dashboard stays the journey's.
    ///   - reachSource: where the stages' reach comes from, said in the summary and the dashboard.
    /// - Throws: `InvalidChartError` when a chart is not valid SVG 1.1, a bug in journey.
    public static func render(
        _ journey: Journey, metrics: FunnelMetrics, theme: Theme, template: ReportTemplate, name: String,
        ladder: LadderFigures? = nil, reachSource: ReachSource = .planned
    ) throws(InvalidChartError) -> RenderedReport {
        guard
            let chart = ChartRenderer.render(
                journey, chart: .dashboard, theme: theme, metrics: metrics, reachSource: reachSource)
        else {
            // FunnelMetrics exists, so every stage has a reach and the dashboard can be drawn.
            let problems = ChartRenderer.requirements(for: journey, chart: .dashboard)
            throw InvalidChartError(name: "\(journey.name): dashboard chart", svg: "", diagnostics: problems)
        }
        let ladderSection = try ladder.map { (figures) throws(InvalidChartError) in
            // The notes go under the table, in words; the chart need not repeat them.
            var drawn = figures
            drawn.notes = []
            // The ladder chart takes only the journey's title, so it is drawn; were it not, the
            // chart titled with the purchase log would stand in.
            let chart =
                ChartRenderer.render(journey, chart: .ladder, theme: theme, ladder: drawn)
                ?? ChartRenderer.render(ladder: drawn, theme: theme)
            return try ReportContext.Ladder(figures: figures, chart: chart, theme: theme)
        }
        // The chart is validated (libxml2, 0.26 G instructions for 10,000 touchpoints) on a thread
        // of its own while the template renders the page (1.2 G); a chart that fails throws, and
        // the page is dropped.
        let chartName = ReportContext.chartName(of: journey)
        let inline = try InlineSVG(unvalidated: chart.svg, name: chartName)
        let (html, validation) = ParallelWork.both(
            {
                template.render(
                    ReportContext(
                        journey: journey, metrics: metrics, chart: chart, inline: inline, theme: theme,
                        ladder: ladderSection, reachSource: reachSource))
            }, { XMLValidator.validateSVG(chart.svg, name: chartName) })
        guard validation.isValid else {
            throw InvalidChartError(name: chartName, svg: chart.svg, diagnostics: validation.diagnostics)
        }
        return RenderedReport(html: html, validation: check(html, name: name))
    }

    /// `context` rendered with `template`, and checked.
    public static func render(_ context: ReportContext, template: ReportTemplate, name: String) -> RenderedReport {
        let html = template.render(context)
        return RenderedReport(html: html, validation: check(html, name: name))
    }

    /// Checks a report as it is checked before it is written: well-formed XML for libxml2
    /// (so any XML tool can read it), and no `id` used twice.
    ///
    /// The two checks run at the same time, on two threads: libxml2's parse and the scan for ids
    /// took 0.31 G and 0.13 G instructions of a report of 10,000 touchpoints.
    public static func check(_ html: String, name: String) -> ValidationResult {
        let (wellFormed, duplicates) = ParallelWork.both(
            { XMLValidator.checkWellFormed(html, name: name) }, { HTMLIdentifiers.duplicates(in: html) })
        guard wellFormed.isValid else { return wellFormed }
        return ValidationResult(diagnostics: (wellFormed.diagnostics + duplicates).sortedByLocation())
    }
}
