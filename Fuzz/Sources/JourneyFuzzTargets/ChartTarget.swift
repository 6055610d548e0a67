import JourneyCharts
import JourneyLanguage
import JourneyXML

extension FuzzTarget {
    /// A journey drawn as `journey render` draws it: the emotion curve, the funnel and the
    /// dashboard, in the theme the input's first byte picks, each validated with libxml2.
    ///
    /// Promises checked: every chart of a journey the command would draw is valid SVG 1.1 (the
    /// command otherwise reports a bug in journey), and its size in px fits the whole number the
    /// command prints.
    static let chart = FuzzTarget(
        name: "chart",
        summary: "render the emotion curve, funnel and dashboard in a bundled theme, validate the SVG"
    ) { bytes in
        guard let (theme, journey) = themedJourney(bytes) else { return }
        for kind in [ChartKind.journey, .funnel, .dashboard] {
            guard ChartRenderer.requirements(for: journey, chart: kind).isEmpty else { continue }
            guard let rendered = ChartRenderer.render(journey, chart: kind, theme: theme) else {
                FuzzFailure.stop("the \(kind.rawValue) chart was not drawn though its requirements are met")
            }
            // `journey render` prints the size in whole px once the chart is written.
            guard let width = Int(exactly: rendered.width.rounded(.down)),
                let height = Int(exactly: rendered.height.rounded(.down))
            else {
                FuzzFailure.stop(
                    "the \(kind.rawValue) chart's size, \(rendered.width) × \(rendered.height) px, is not a whole number "
                        + "of px that journey render can print")
            }
            _ = "\(width) × \(height) px"
            let validation = XMLValidator.validateSVG(rendered.svg, name: "fuzz.svg")
            if !validation.isValid {
                FuzzFailure.stop(
                    "the \(kind.rawValue) chart is not valid SVG 1.1", diagnostics: validation.diagnostics,
                    in: rendered.svg)
            }
        }
    }

    /// The bundled theme the first byte of `bytes` picks and the journey the rest holds, or nil
    /// when the input is empty or the journey has errors (the command would stop there).
    static func themedJourney(_ bytes: [UInt8]) -> (Theme, Journey)? {
        guard let first = bytes.first else { return nil }
        let bundled = BundledTheme.all[Int(first) % BundledTheme.all.count]
        let theme: Theme?
        do {
            theme = try Theme.bundled(named: bundled.name)
        } catch {
            FuzzFailure.stop("the bundled theme \(bundled.name) does not load: \(error)")
        }
        guard let theme else { FuzzFailure.stop("no bundled theme \(bundled.name)") }
        let checked = JourneyChecker.check(SourceFile(name: "fuzz.journey", bytes: bytes.dropFirst()))
        guard !checked.hasErrors else { return nil }
        return (theme, checked.journey)
    }
}
