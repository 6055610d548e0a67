import JourneyAnalysis
import JourneyLanguage

/// Draws a journey as an SVG chart: the emotion curve, the funnel, or both; and the
/// relationship ladder of a customer base.
///
/// ```swift
/// let chart = try ChartRenderer.render(journey, chart: .dashboard, theme: theme)
/// try FileSystem.write(Array(chart.svg.utf8), to: "dressmate.svg", replacing: true)
/// let ladder = ChartRenderer.render(ladder: figures, theme: theme)
/// ```
///
/// The funnel and the dashboard need a reach on every stage; `requirements(for:chart:)`
/// says what is missing. The ladder chart needs `LadderFigures`, and a journey only for its
/// title. The canvas is sized to its content, every label is measured with DejaVu Sans and
/// kept inside the canvas without overlapping another, and the same input gives the same
/// bytes on every run.
public enum ChartRenderer {
    /// What `journey` lacks for `chart`: errors naming each stage without reach, for the
    /// funnel and the dashboard; nothing for the emotion curve and the ladder.
    public static func requirements(for journey: Journey, chart: ChartKind) -> [Diagnostic] {
        switch chart {
        case .journey: journey.stages.isEmpty ? FunnelMetrics.requirements(for: journey) : []
        case .funnel, .dashboard: FunnelMetrics.requirements(for: journey)
        case .ladder: []
        }
    }

    /// The chart of `journey`, or nil when `requirements(for:chart:)` is not empty or the
    /// ladder chart has no `ladder`.
    ///
    /// - Parameters:
    ///   - ladder: the customers on the relationship ladder. The ladder chart draws them under the
    ///     journey's title; the dashboard adds them below the funnel; the emotion curve and the
    ///     funnel leave them out.
    ///   - metrics: `FunnelMetrics(journey: journey)`, when the caller has it already.
    ///   - reachSource: where the stages' reach comes from, said under the title of every chart
    ///     that shows the funnel's figures (all but the ladder, and the emotion curve of a
    ///     journey without reach).
    public static func render(
        _ journey: Journey, chart: ChartKind, theme: Theme, ladder: LadderFigures? = nil,
        metrics: FunnelMetrics? = nil, reachSource: ReachSource = .planned
    ) -> RenderedChart? {
        guard requirements(for: journey, chart: chart).isEmpty else { return nil }
        let metrics = metrics ?? FunnelMetrics(journey: journey)
        let margin = ChartStyle.margin
        var body: ChartPart
        var details: [String]?
        var shownLadder: LadderFigures?
        let layout = chart == .journey || chart == .dashboard ? JourneyChart.layout(of: journey) : nil
        switch chart {
        case .journey:
            guard let layout else { return nil }
            body = JourneyChart.make(journey: journey, layout: layout, metrics: metrics, theme: theme)
        case .funnel:
            guard let metrics else { return nil }
            body = FunnelChart.make(journey: journey, metrics: metrics, theme: theme)
        case .dashboard:
            guard let metrics, let layout else { return nil }
            let curve = JourneyChart.make(journey: journey, layout: layout, metrics: metrics, theme: theme)
            // The curve's notes already give the verdict; the funnel widens to the curve's width.
            let funnel = FunnelChart.make(
                journey: journey, metrics: metrics, theme: theme,
                minimumWidth: curve.width, showsVerdict: false)
            let width = max(curve.width, funnel.width)
            var parts = [
                heading("Highs and lows", width: width, theme: theme), curve,
                heading("Funnel", width: width, theme: theme), funnel,
            ]
            if let ladder {
                parts += [
                    heading("Relationship ladder", width: width, theme: theme),
                    sourceLine(of: ladder, width: width, theme: theme),
                    LadderChart.make(figures: ladder, theme: theme, minimumWidth: width),
                ]
                shownLadder = ladder
            }
            body = ChartPart.stacked(parts, gap: 12)
        case .ladder:
            guard let ladder else { return nil }
            body = LadderChart.make(figures: ladder, theme: theme)
            details = [chart.title, "customers of \(ladder.source) as of \(ladder.asOf)", ladder.rules]
            shownLadder = ladder
        }
        let titleWidth = body.width - 2 * margin
        let title =
            details.map { TitleBlock.make(title: journey.name, details: $0, width: titleWidth, theme: theme) }
            ?? TitleBlock.make(
                for: journey, width: titleWidth, theme: theme, chartName: chart.title,
                source: metrics == nil ? nil : reachSource.description)
        let shown = layout.flatMap { $0.isCondensed ? $0.marks.count : nil }
        var rendered = assemble(
            body, title: title, svgTitle: "\(journey.name): \(chart.title.lowercased())",
            description: description(
                journey, metrics: metrics, chart: chart, ladder: shownLadder, shownTouchpoints: shown),
            theme: theme)
        rendered.shownTouchpoints = shown
        return rendered
    }

    /// The ladder chart of `ladder` on its own, titled with whose customers they are.
    public static func render(ladder: LadderFigures, theme: Theme) -> RenderedChart {
        let body = LadderChart.make(figures: ladder, theme: theme)
        let title = TitleBlock.make(
            title: "Customers of \(ladder.source)",
            details: [ChartKind.ladder.title, "as of \(ladder.asOf)", ladder.rules],
            width: body.width - 2 * ChartStyle.margin, theme: theme)
        return assemble(
            body, title: title, svgTitle: "Customers of \(ladder.source): relationship ladder",
            description: description(of: ladder), theme: theme)
    }

    /// `title` above `body`, inside the margins, written as an SVG document.
    private static func assemble(
        _ body: ChartPart, title: ChartPart, svgTitle: String, description: String, theme: Theme
    ) -> RenderedChart {
        let margin = ChartStyle.margin
        let titled = ChartPart(
            width: title.width, height: title.height,
            items: title.items.map { $0.offsetBy(dx: margin, dy: 0) })
        var whole = ChartPart.stacked([titled, body], gap: 20)
        whole.items = whole.items.map { $0.offsetBy(dx: 0, dy: margin) }
        whole.width = body.width
        whole.height = (whole.height + 2 * margin).rounded(.up)
        let svg = SVGChartWriter.document(whole, title: svgTitle, description: description, theme: theme)
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

    /// Whose customers the dashboard's ladder shows, and when: a line under its heading.
    private static func sourceLine(of ladder: LadderFigures, width: Double, theme: Theme) -> ChartPart {
        let box = ChartStyle.label(
            "Customers of \(ladder.source) as of \(ladder.asOf) · \(ladder.rules)", size: ChartStyle.subtitleSize,
            x: ChartStyle.margin, top: 0, maxWidth: width - 2 * ChartStyle.margin, maxLines: 2)
        return ChartPart(width: width, height: box.bounds.maxY, items: [.text(box, fill: theme.mutedText)])
    }

    /// One paragraph saying what the chart shows, for the SVG `desc`.
    ///
    /// - Parameters:
    ///   - ladder: the ladder the chart draws, if any.
    ///   - shownTouchpoints: how many touchpoints a condensed emotion curve marks and labels
    ///     (`RenderedChart.shownTouchpoints`); nil when it labels them all.
    package static func description(
        _ journey: Journey, metrics: FunnelMetrics?, chart: ChartKind, ladder: LadderFigures? = nil,
        shownTouchpoints: Int? = nil
    ) -> String {
        let touchpoints = journey.touchpoints
        var sentences: [String] = []
        if chart == .journey || chart == .dashboard {
            let highs = touchpoints.filter { $0.score > 0 }.count
            let pains = touchpoints.filter(\.isPainPoint).count
            sentences.append(
                "How the customer feels at \(touchpoints.count) touchpoints in \(journey.stages.count) stages, "
                    + "on a scale from \(NumberFormatting.plain(journey.scale.minimum)) to "
                    + "\(NumberFormatting.plain(journey.scale.maximum)): \(highs) highs and \(pains) pain points.")
            if let shownTouchpoints {
                sentences.append(
                    "The chart marks and labels \(NumberFormatting.grouped(shownTouchpoints)) of them, the deepest "
                        + "pain points and highest highs of each stage, and draws the mean score of all of them "
                        + "in a band from the lowest to the highest.")
            }
        }
        if chart == .funnel || chart == .dashboard, let metrics {
            let reaches = metrics.stages.map { "\($0.name) \(NumberFormatting.grouped($0.reach))" }
            sentences.append("People reaching each stage: " + reaches.joined(separator: ", ") + ".")
        }
        if chart != .ladder, let weakest = metrics?.weakest {
            sentences.append("Weakest stage: \(weakest.name). " + weakest.reason)
        }
        if let ladder {
            sentences.append(description(of: ladder))
        }
        return sentences.joined(separator: " ")
    }

    /// One sentence saying what the ladder shows: each rung's customers and lost share.
    package static func description(of ladder: LadderFigures) -> String {
        let rungs = ladder.rungs.map { rung in
            "\(rung.rung.rawValue) \(NumberFormatting.grouped(rung.customers))"
                + (rung.lostShare.map { " (\(LadderFigures.percent($0)) lost)" } ?? "")
        }
        return "Customers of \(ladder.source) at each rung of the relationship ladder or higher, as of "
            + "\(ladder.asOf): " + rungs.joined(separator: ", ") + "."
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
    /// How many touchpoints the emotion curve marks and labels when the journey has too many to
    /// label each one in a column of its own and the curve is condensed (docs/charts.md); nil when
    /// it labels every touchpoint, or the chart has no emotion curve.
    public var shownTouchpoints: Int?

    public init(svg: String, width: Double, height: Double, labels: [TextBox], shownTouchpoints: Int? = nil) {
        self.svg = svg
        self.width = width
        self.height = height
        self.labels = labels
        self.shownTouchpoints = shownTouchpoints
    }
}
