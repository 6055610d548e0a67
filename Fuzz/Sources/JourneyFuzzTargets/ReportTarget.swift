import JourneyAnalysis
import JourneyHTMLReport
import JourneyLanguage

extension FuzzTarget {
    /// A journey's HTML report as `journey report` writes it with the bundled template, in the
    /// theme the input's first byte picks.
    ///
    /// Promise checked: the report of a journey with a reach on every stage is drawn, its
    /// dashboard is valid SVG 1.1 and the page is well-formed with no id used twice (the
    /// command otherwise reports a bug in journey).
    static let report = FuzzTarget(
        name: "report",
        summary: "the HTML report with the bundled template: dashboard validated, page checked"
    ) { bytes in
        guard let (theme, journey) = themedJourney(bytes), let metrics = FunnelMetrics(journey: journey) else {
            return
        }
        let rendered: RenderedReport
        do throws(InvalidChartError) {
            rendered = try ReportRenderer.render(
                journey, metrics: metrics, theme: theme, template: bundledTemplate, name: "fuzz.html")
        } catch {
            FuzzFailure.stop("the report's chart is not valid SVG 1.1", diagnostics: error.diagnostics, in: error.svg)
        }
        if !rendered.isValid {
            FuzzFailure.stop(
                "the report is not well-formed XHTML", diagnostics: rendered.validation.diagnostics,
                in: rendered.html)
        }
    }

    /// The bundled template, parsed once for every input.
    private static let bundledTemplate: ReportTemplate = {
        do {
            return try ReportTemplate.bundled()
        } catch {
            FuzzFailure.stop("the bundled report template does not parse: \(error)")
        }
    }()
}
