import JourneyAnalysis
import JourneyLanguage

extension FuzzTarget {
    /// A `.journey` file checked, formatted and measured: `journey check`, the layout `journey
    /// import` writes, `journey metrics` in its three formats and `journey weakest`.
    ///
    /// Promises checked: a journey without errors, once formatted, checks without errors, and
    /// formatting it again gives the same text (JourneyFormatter's documentation).
    static let journey = FuzzTarget(
        name: "journey",
        summary: "check, format, check the formatted text, metrics (table, JSON, CSV), weakest stage"
    ) { bytes in
        let source = SourceFile(name: "fuzz.journey", bytes: bytes)
        let checked = JourneyChecker.check(source)
        show(checked.diagnostics, in: source)
        let formatted = JourneyFormatter.format(checked.journey)
        if !checked.hasErrors {
            let again = JourneyChecker.check(SourceFile(name: "formatted.journey", text: formatted))
            if again.hasErrors {
                FuzzFailure.stop(
                    "the formatted journey has errors", diagnostics: again.diagnostics, in: formatted)
            }
            if JourneyFormatter.format(again.journey) != formatted {
                FuzzFailure.stop("formatting the formatted journey changes it:\n\(formatted)")
            }
        }
        measure(checked.journey)
    }

    /// `journey metrics` and `journey weakest` on `journey`, when every stage has a reach.
    static func measure(_ journey: Journey) {
        guard let metrics = FunnelMetrics(journey: journey) else {
            _ = FunnelMetrics.requirements(for: journey)
            return
        }
        _ = MetricsTableReport.render(metrics)
        _ = MetricsJSONReport.render(metrics)
        _ = MetricsCSVReport.render(metrics)
        let weakest = WeakestStageReport(journey: journey, metrics: metrics)
        _ = weakest.text()
        _ = weakest.json()
    }
}
