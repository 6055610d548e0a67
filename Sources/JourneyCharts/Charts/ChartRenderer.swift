import JourneyAnalysis
import JourneyLanguage

/// Draws a journey as an SVG chart: the emotion curve, the funnel, or both.
///
/// ```swift
/// let chart = try ChartRenderer.render(journey, chart: .dashboard, theme: theme)
/// try FileSystem.write(Array(chart.svg.utf8), to: "dressmate.svg", replacing: true)
/// ```
///
/// The funnel and the dashboard need a reach on every stage; `requirements(for:chart:)`
/// says what is missing. The canvas is sized to its content, every label is measured with
/// DejaVu Sans and kept inside the canvas without overlapping another, and the same journey
/// gives the same bytes on every run.
public enum ChartRenderer {
    /// What `journey` lacks for `chart`: errors naming each stage without reach, for the
    /// funnel and the dashboard; nothing for the emotion curve.
    public static func requirements(for journey: Journey, chart: ChartKind) -> [Diagnostic] {
        chart == .journey && !journey.stages.isEmpty ? [] : FunnelMetrics.requirements(for: journey)
    }

    /// The chart of `journey`, or nil when `requirements(for:chart:)` is not empty.
    public static func render(_ journey: Journey, chart: ChartKind, theme: Theme) -> RenderedChart? {
        guard requirements(for: journey, chart: chart).isEmpty else { return nil }
        let metrics = FunnelMetrics(journey: journey)
        let margin = ChartStyle.margin
        var body: ChartPart
        switch chart {
        case .journey:
            body = JourneyChart.make(journey: journey, metrics: metrics, theme: theme)
        case .funnel:
            guard let metrics else { return nil }
            body = FunnelChart.make(journey: journey, metrics: metrics, theme: theme)
        case .dashboard:
            guard let metrics else { return nil }
            let curve = JourneyChart.make(journey: journey, metrics: metrics, theme: theme)
            // The curve's notes already give the verdict; the funnel widens to the curve's width.
            let funnel = FunnelChart.make(
                journey: journey, metrics: metrics, theme: theme,
                minimumWidth: curve.width, showsVerdict: false)
            let width = max(curve.width, funnel.width)
            body = ChartPart.stacked(
                [
                    heading("Highs and lows", width: width, theme: theme), curve,
                    heading("Funnel", width: width, theme: theme), funnel,
                ], gap: 12)
        }
        let chartName =
            ["journey": "Emotion curve", "funnel": "Funnel", "dashboard": "Dashboard"][chart.rawValue] ?? ""
        let title = TitleBlock.make(for: journey, width: body.width - 2 * margin, theme: theme, chartName: chartName)
        let titled = ChartPart(
            width: title.width, height: title.height,
            items: title.items.map { $0.offsetBy(dx: margin, dy: 0) })
        var whole = ChartPart.stacked([titled, body], gap: 20)
        whole.items = whole.items.map { $0.offsetBy(dx: 0, dy: margin) }
        whole.width = body.width
        whole.height = (whole.height + 2 * margin).rounded(.up)
        let svg = SVGChartWriter.document(
            whole, title: "\(journey.name): \(chartName.lowercased())",
            description: description(journey, metrics: metrics, chart: chart), theme: theme)
        return RenderedChart(
            svg: svg, width: whole.width.rounded(.up), height: whole.height,
            labels: SceneItem.textBoxes(in: whole.items))
    }

    private static func heading(_ text: String, width: Double, theme: Theme) -> ChartPart {
        let box = ChartStyle.label(
            text, size: 16, bold: true, x: ChartStyle.margin, top: 0,
            maxWidth: width - 2 * ChartStyle.margin)
        return ChartPart(width: width, height: box.bounds.maxY, items: [.text(box, fill: theme.text)])
    }

    /// One paragraph saying what the chart shows, for the SVG `desc`.
    package static func description(_ journey: Journey, metrics: FunnelMetrics?, chart: ChartKind) -> String {
        let touchpoints = journey.touchpoints
        var sentences: [String] = []
        if chart != .funnel {
            let highs = touchpoints.filter { $0.score > 0 }.count
            let pains = touchpoints.filter(\.isPainPoint).count
            sentences.append(
                "How the customer feels at \(touchpoints.count) touchpoints in \(journey.stages.count) stages, "
                    + "on a scale from \(NumberFormatting.plain(journey.scale.minimum)) to "
                    + "\(NumberFormatting.plain(journey.scale.maximum)): \(highs) highs and \(pains) pain points.")
        }
        if chart != .journey, let metrics {
            let reaches = metrics.stages.map { "\($0.name) \(NumberFormatting.grouped($0.reach))" }
            sentences.append("People reaching each stage: " + reaches.joined(separator: ", ") + ".")
        }
        if let weakest = metrics?.weakest {
            sentences.append("Weakest stage: \(weakest.name). " + weakest.reason)
        }
        return sentences.joined(separator: " ")
    }
}

/// A chart ready to write: its SVG text, its size in px, and every label drawn on it.
public struct RenderedChart: Sendable {
    /// The SVG 1.1 document, with its XML declaration and document type.
    public var svg: String
    public var width: Double
    public var height: Double
    /// Every label, with the box it covers, for checking the layout.
    public var labels: [TextBox]

    public init(svg: String, width: Double, height: Double, labels: [TextBox]) {
        self.svg = svg
        self.width = width
        self.height = height
        self.labels = labels
    }
}
