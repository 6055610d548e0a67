import JourneyAnalysis
import JourneyLanguage

/// The emotion curve: how the customer feels at each touchpoint, stage by stage.
///
/// Stages are bands across the x axis, each headed by its name, reach, conversion against
/// target and control; touchpoints are points in file order, one column each, joined by a
/// monotone curve that never leaves the scale. The area between the curve and zero is
/// tinted one way above zero and another below. Highs are upward triangles, pain points
/// downward triangles, neutral moments circles; a hollow marker is a touchpoint the company
/// does not measure. Pain points carry the number of their note in the list below the plot.
/// The weakest stage's band is highlighted and named.
///
/// Every label stays inside its touchpoint's column or its stage's band, so no two labels
/// can overlap; long labels are wrapped, then shortened with a `<title>` holding the full text.
enum JourneyChart {
    static let columnWidth = 150.0
    static let axisWidth = 40.0
    static let markerSize = 6.5
    /// Room for three lines of label and the marker, above the top of the scale and below its bottom.
    static let labelRoom = 54.0

    /// The chart body (everything but the title), `minimumWidth` px wide at least.
    static func make(journey: Journey, metrics: FunnelMetrics?, theme: Theme, minimumWidth: Double = 0) -> ChartPart {
        // Columns: one per touchpoint, and one for a stage that has none.
        var columns: [(stage: Int, touchpoint: Touchpoint?)] = []
        for (index, stage) in journey.stages.enumerated() {
            if stage.touchpoints.isEmpty {
                columns.append((index, nil))
            } else {
                columns += stage.touchpoints.map { (index, $0) }
            }
        }
        let margin = ChartStyle.margin
        let plotLeft = margin + axisWidth
        let plotWidth = Double(max(columns.count, 1)) * columnWidth
        let width = max(plotLeft + plotWidth + margin, minimumWidth)
        var items: [SceneItem] = []

        // Stage headers.
        let headerTop = 0.0
        var headers: [(items: [SceneItem], height: Double)] = []
        var bands: [(stage: Int, left: Double, right: Double)] = []
        for (index, stage) in journey.stages.enumerated() {
            let first = columns.firstIndex { $0.stage == index } ?? 0
            let count = columns.filter { $0.stage == index }.count
            let left = plotLeft + Double(first) * columnWidth
            let right = left + Double(count) * columnWidth
            bands.append((index, left, right))
            headers.append(
                stageHeader(
                    stage, index: index, journey: journey, metrics: metrics, theme: theme,
                    left: left + 8, width: right - left - 16, top: headerTop + 8))
        }
        let headerHeight = (headers.map(\.height).max() ?? 0) + 16

        // The plot's vertical scale.
        let scale = journey.scale
        let span = scale.maximum - scale.minimum
        let unit = max(28, 240 / span)
        let plotTop = headerTop + headerHeight
        let scaleTop = plotTop + labelRoom
        let scaleBottom = scaleTop + span * unit
        let plotBottom = scaleBottom + labelRoom
        func y(_ score: Double) -> Double { scaleTop + (scale.maximum - score) * unit }
        let zeroY = y(0)

        // Bands behind everything.
        let weakestIndex = metrics?.weakest?.index
        for band in bands {
            let isWeakest = band.stage == weakestIndex
            let fill =
                isWeakest
                ? theme.weakestFill : (band.stage.isMultiple(of: 2) ? theme.bandFill : theme.bandAlternateFill)
            let rect = Rect(x: band.left, y: headerTop, width: band.right - band.left, height: plotBottom - headerTop)
            items.append(
                .rect(
                    rect,
                    SceneItem.Paint(
                        fill: fill, stroke: isWeakest ? theme.weakestAccent : nil,
                        strokeWidth: isWeakest ? 2 : nil)))
        }
        for (header, _) in headers {
            items += header
        }

        // Grid and axis.
        let step = tickStep(span: span)
        var tick = (scale.minimum / step).rounded(.up) * step
        while tick <= scale.maximum + 1e-9 {
            let isZero = abs(tick) < 1e-9
            items.append(
                .line(
                    from: .init(x: plotLeft, y: y(tick)), to: .init(x: plotLeft + plotWidth, y: y(tick)),
                    .stroke(isZero ? theme.axis : theme.grid, width: isZero ? 1.5 : 1, dash: isZero ? nil : "2 4")))
            let label = ChartStyle.label(
                ChartStyle.score(isZero ? 0 : tick), size: ChartStyle.smallSize, anchor: .end,
                x: plotLeft - 8, top: 0, maxWidth: axisWidth - 10)
            items.append(.text(label.offsetBy(dx: 0, dy: y(tick) - label.bounds.height / 2), fill: theme.mutedText))
            tick += step
        }

        // The curve, its tinted areas, the markers and their labels.
        let points = columns.enumerated().compactMap { column, entry -> MonotoneCurve.Point? in
            entry.touchpoint.map {
                MonotoneCurve.Point(x: plotLeft + (Double(column) + 0.5) * columnWidth, y: y($0.score))
            }
        }
        let curve = MonotoneCurve(points: points)
        if let first = points.first, let last = points.last, points.count >= 2 {
            var area = PathData()
            area.move(to: .init(x: first.x, y: zeroY))
            area.append(curve, moving: false)
            area.line(to: .init(x: last.x, y: zeroY))
            area.close()
            let above = Rect(x: plotLeft, y: plotTop, width: plotWidth, height: zeroY - plotTop)
            let below = Rect(x: plotLeft, y: zeroY, width: plotWidth, height: plotBottom - zeroY)
            items.append(.clipped(above, [.path(area.text, .fill(theme.positiveArea, opacity: theme.areaOpacity))]))
            items.append(.clipped(below, [.path(area.text, .fill(theme.negativeArea, opacity: theme.areaOpacity))]))
            var line = PathData()
            line.append(curve, moving: true)
            items.append(.path(line.text, .stroke(theme.curve, width: 2.5)))
        }

        let painNumbers = painPointNumbers(journey: journey, metrics: metrics)
        for (column, entry) in columns.enumerated() {
            guard let touchpoint = entry.touchpoint else { continue }
            let x = plotLeft + (Double(column) + 0.5) * columnWidth
            let pointY = y(touchpoint.score)
            items.append(marker(for: touchpoint, journey: journey, at: .init(x: x, y: pointY), theme: theme))
            // The label goes above a high or neutral moment and below a pain point.
            var label = ChartStyle.label(
                touchpoint.name, anchor: .middle, x: x, top: 0,
                maxWidth: columnWidth - 14, maxLines: 3)
            let gap = markerSize + 5
            label = label.offsetBy(
                dx: 0, dy: touchpoint.isPainPoint ? pointY + gap : pointY - gap - label.bounds.height)
            items.append(
                .rect(label.bounds.insetBy(dx: -3, dy: -1), .fill(theme.background, opacity: 0.85), cornerRadius: 3))
            items.append(.text(label, fill: theme.text))
            if let number = painNumbers[touchpoint.location] {
                items += badge(number, at: .init(x: x + markerSize + 12, y: pointY), theme: theme)
            }
        }

        var part = ChartPart(width: width, height: plotBottom, items: items)
        let below = notes(
            journey: journey, metrics: metrics, numbers: painNumbers, theme: theme,
            left: margin, width: width - 2 * margin)
        part = ChartPart.stacked([part, below], gap: 16)
        part.width = width
        return part
    }

    // MARK: - Stage headers

    /// The header of a stage band: its name, reach, conversion against target and control.
    private static func stageHeader(
        _ stage: Stage, index: Int, journey: Journey, metrics: FunnelMetrics?, theme: Theme,
        left: Double, width: Double, top: Double
    ) -> (items: [SceneItem], height: Double) {
        var items: [SceneItem] = []
        var y = top
        func add(_ text: String, size: Double = ChartStyle.bodySize, bold: Bool = false, color: Color, lines: Int = 1) {
            let box = ChartStyle.label(text, size: size, bold: bold, x: left, top: y, maxWidth: width, maxLines: lines)
            items.append(.text(box, fill: color))
            y = box.bounds.maxY + 3
        }
        let stageMetrics = metrics?.stages[index]
        if let weakest = metrics?.weakest, weakest.index == index {
            add("WEAKEST STAGE", size: ChartStyle.smallSize, bold: true, color: theme.weakestAccent)
        }
        add(stage.name, size: ChartStyle.headingSize, bold: true, color: theme.text, lines: 2)
        if let reach = stage.reach {
            add("\(NumberFormatting.grouped(reach)) people", color: theme.mutedText)
        }
        if let stageMetrics {
            if let conversion = stageMetrics.conversion {
                add("converts \(NumberFormatting.percent(conversion))", color: theme.mutedText)
                if let target = stageMetrics.target {
                    let verdict = stageMetrics.isBelowTarget ? "below" : "met"
                    add(
                        "target \(NumberFormatting.percent(target)) (\(verdict))",
                        bold: stageMetrics.isBelowTarget, color: theme.mutedText)
                }
            } else {
                add("last stage", color: theme.mutedText)
            }
        }
        let control = stageMetrics?.control ?? Control(touchpoints: stage.touchpoints, in: journey)
        add("control \(NumberFormatting.percent(control.control))", color: theme.mutedText)
        // A gauge under the control figure.
        let gauge = Rect(x: left, y: y + 1, width: min(width, 100), height: 5)
        items.append(.rect(gauge, .fill(theme.controlTrack), cornerRadius: 2.5))
        if control.control > 0 {
            items.append(
                .rect(
                    Rect(x: gauge.x, y: gauge.y, width: gauge.width * control.control, height: gauge.height),
                    .fill(theme.controlFill), cornerRadius: 2.5))
        }
        return (items, gauge.maxY - top)
    }

    // MARK: - Markers

    /// The marker of a touchpoint: its shape says high, pain or neutral; hollow means unmeasured.
    private static func marker(
        for touchpoint: Touchpoint, journey: Journey, at point: MonotoneCurve.Point,
        theme: Theme
    ) -> SceneItem {
        let color = touchpoint.score > 0 ? theme.highFill : (touchpoint.score < 0 ? theme.painFill : theme.neutralFill)
        let paint =
            touchpoint.isMeasured
            ? SceneItem.Paint(fill: color, stroke: theme.markerStroke, strokeWidth: 1.5)
            : SceneItem.Paint(fill: theme.background, stroke: color, strokeWidth: 2.5)
        let tooltip = tooltip(for: touchpoint, journey: journey)
        let s = markerSize
        if touchpoint.score == 0 {
            return .circle(center: point, radius: s * 0.8, paint, tooltip: tooltip)
        }
        var path = PathData()
        let direction = touchpoint.score > 0 ? -1.0 : 1.0
        path.move(to: .init(x: point.x, y: point.y + direction * s))
        path.line(to: .init(x: point.x + s, y: point.y - direction * s * 0.7))
        path.line(to: .init(x: point.x - s, y: point.y - direction * s * 0.7))
        path.close()
        return .path(path.text, paint, tooltip: tooltip)
    }

    /// `Parcel arrives two days late: -5 · via courier (partner) · not measured`.
    static func tooltip(for touchpoint: Touchpoint, journey: Journey) -> String {
        var parts = ["\(touchpoint.name): \(ChartStyle.score(touchpoint.score))"]
        if let id = touchpoint.channel {
            let media = journey.channel(withID: id).map { " (\($0.media.rawValue))" } ?? ""
            parts.append("via \(id)\(media)")
        }
        parts.append(touchpoint.isMeasured ? "measured" + (touchpoint.metric.map { ": \($0)" } ?? "") : "not measured")
        return parts.joined(separator: " · ")
    }

    /// A numbered disc beside a pain point, pointing to its note.
    private static func badge(_ number: Int, at center: MonotoneCurve.Point, theme: Theme) -> [SceneItem] {
        let label = ChartStyle.label(
            String(number), size: ChartStyle.smallSize, bold: true, anchor: .middle,
            x: center.x, top: 0, maxWidth: 20)
        return [
            .circle(center: center, radius: 8, .fill(theme.painFill)),
            .text(label.offsetBy(dx: 0, dy: center.y - label.bounds.height / 2), fill: theme.background),
        ]
    }

    /// The note number of each pain point, by its location: 1 for the most urgent.
    static func painPointNumbers(journey: Journey, metrics: FunnelMetrics?) -> [SourceLocation: Int] {
        let ranked =
            metrics?.rankedPainPoints.map(\.touchpoint)
            ?? journey.touchpoints.filter(\.isPainPoint)
        var numbers: [SourceLocation: Int] = [:]
        for (offset, touchpoint) in ranked.enumerated() {
            numbers[touchpoint.location] = offset + 1
        }
        return numbers
    }

    // MARK: - Below the plot

    /// The weakest stage's verdict, the legend and the numbered pain notes.
    private static func notes(
        journey: Journey, metrics: FunnelMetrics?, numbers: [SourceLocation: Int],
        theme: Theme, left: Double, width: Double
    ) -> ChartPart {
        var items: [SceneItem] = []
        var y = 0.0
        if let metrics, let weakest = metrics.weakest {
            var verdict = "Weakest stage — \(weakest.reason)"
            if let worth = WeakestStageReport.worth(weakest, metrics: metrics) { verdict += " " + worth }
            let box = ChartStyle.label(
                verdict, size: ChartStyle.subtitleSize, bold: true, x: left, top: y,
                maxWidth: width, maxLines: 3)
            items.append(.text(box, fill: theme.weakestAccent))
            y = box.bounds.maxY + 12
        }
        let legend = Legend.make(
            entries: [
                .init(kind: .high, label: "high"), .init(kind: .pain, label: "pain point"),
                .init(kind: .neutral, label: "neutral"), .init(kind: .unmeasured, label: "hollow: not measured"),
                .init(kind: .weakest, label: "weakest stage"),
            ], theme: theme, left: left, top: y, width: width)
        items += legend.items
        y = legend.height + 14

        let ranked =
            metrics?.rankedPainPoints
            ?? journey.stages.enumerated().flatMap { index, stage in
                stage.touchpoints.filter(\.isPainPoint).map {
                    RankedPainPoint(stageIndex: index, stageName: stage.name, touchpoint: $0)
                }
            }
        if !ranked.isEmpty {
            let heading = ChartStyle.label(
                "Pain points, most urgent first", size: ChartStyle.headingSize, bold: true,
                x: left, top: y, maxWidth: width)
            items.append(.text(heading, fill: theme.text))
            y = heading.bounds.maxY + 6
            for point in ranked {
                let number = numbers[point.touchpoint.location] ?? 0
                items += badge(number, at: .init(x: left + 8, y: y + 7), theme: theme)
                let title = ChartStyle.label(
                    "\(point.stageName): \(point.touchpoint.name) (\(ChartStyle.score(point.touchpoint.score)))",
                    bold: true, x: left + 24, top: y, maxWidth: width - 24, maxLines: 2)
                items.append(.text(title, fill: theme.text))
                y = title.bounds.maxY + 2
                let notes =
                    point.touchpoint.pains.map { "pain: \($0)" } + point.touchpoint.ideas.map { "idea: \($0)" }
                    + point.touchpoint.thoughts.map { "thought: \($0)" }
                for note in notes {
                    let box = ChartStyle.label(note, x: left + 24, top: y, maxWidth: width - 24, maxLines: 2)
                    items.append(.text(box, fill: theme.mutedText))
                    y = box.bounds.maxY + 2
                }
                y += 8
            }
        }
        return ChartPart(width: width, height: y, items: items)
    }

    /// A tick step that gives at most 11 ticks.
    ///
    /// The steps tried are 0.5, 1, 2, 5, 10, …
    static func tickStep(span: Double) -> Double {
        for step in [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] where span / step <= 10 {
            return step
        }
        return (span / 10).rounded(.up)
    }
}
