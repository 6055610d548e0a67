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
    /// How many touchpoints the chart labels, each in its own column, at the most: 217.
    ///
    /// As many columns as fit beside the axis and the margins on the widest canvas librsvg draws;
    /// a journey with more is condensed (`CurveLayout`).
    static let mostColumns = Int((ChartStyle.largestCanvas - 2 * ChartStyle.margin - axisWidth) / columnWidth)

    /// Where the chart of `journey` puts its stages and touchpoints: in full, or condensed when
    /// they need more than `mostColumns` columns.
    static func layout(of journey: Journey) -> CurveLayout {
        CurveLayout(journey: journey, columnWidth: columnWidth, mostColumns: mostColumns)
    }

    /// The chart body (everything but the title), `minimumWidth` px wide at least, laid out as
    /// `layout(of: journey)` says.
    static func make(
        journey: Journey, layout: CurveLayout, metrics: FunnelMetrics?, theme: Theme, minimumWidth: Double = 0
    ) -> ChartPart {
        let margin = ChartStyle.margin
        let plotLeft = margin + axisWidth
        let plotWidth = Double(max(layout.columnCount, 1)) * columnWidth
        let width = max(plotLeft + plotWidth + margin, minimumWidth)
        var items: [SceneItem] = []

        // Stage headers.
        let headerTop = 0.0
        var headers: [(items: [SceneItem], height: Double)] = []
        var bands: [(stage: Int, left: Double, right: Double)] = []
        for band in layout.bands {
            let left = plotLeft + Double(band.firstColumn) * columnWidth
            let right = left + Double(band.columns) * columnWidth
            bands.append((band.stage, left, right))
            headers.append(
                stageHeader(
                    journey.stages[band.stage], index: band.stage, journey: journey, metrics: metrics, theme: theme,
                    left: left + 8, width: right - left - 16, top: headerTop + 8))
        }
        let headerHeight = (headers.map(\.height).max() ?? 0) + 16

        // The plot's vertical scale.
        let scale = journey.scale
        let span = scale.maximum - scale.minimum
        // 28 px a score, from 240 to 560 px in all: the height does not grow with the scale's numbers.
        let unit = min(max(28 * span, 240), 560) / span
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
            // A tick label may run into the margin, 4 px short of the canvas's edge: "+1000", the
            // end of the widest scale, is wider than the axis's own room.
            let label = ChartStyle.label(
                ChartStyle.score(isZero ? 0 : tick), size: ChartStyle.smallSize, anchor: .end,
                x: plotLeft - 8, top: 0, maxWidth: plotLeft - 8 - 4)
            items.append(.text(label.offsetBy(dx: 0, dy: y(tick) - label.bounds.height / 2), fill: theme.mutedText))
            tick += step
        }

        // The curve, its tinted areas, the markers and their labels.
        // A condensed curve is the mean score, in a band from the lowest to the highest score.
        for range in layout.ranges where !range.isEmpty {
            var band = PathData()
            let edge = range.map(\.highest) + range.reversed().map(\.lowest)
            for (offset, point) in edge.enumerated() {
                let at = MonotoneCurve.Point(x: plotLeft + point.x, y: y(point.score))
                if offset == 0 { band.move(to: at) } else { band.line(to: at) }
            }
            band.close()
            items.append(.path(band.text, .fill(theme.curve, opacity: theme.areaOpacity)))
        }
        let points = layout.points.map { MonotoneCurve.Point(x: plotLeft + $0.x, y: y($0.score)) }
        // The condensed curve's points are 2.5 px apart where its buckets hold touchpoints, as
        // wide as its stroke: straight lines draw what the monotone cubic would there.
        let curve = MonotoneCurve(points: points)
        let straightWithin = layout.isCondensed ? CurveLayout.bucketWidth : 0
        func trace(into path: inout PathData, moving: Bool) {
            path.append(curve, moving: moving, straightWithin: straightWithin)
        }
        if let first = points.first, let last = points.last, points.count >= 2 {
            var area = PathData()
            area.move(to: .init(x: first.x, y: zeroY))
            trace(into: &area, moving: false)
            area.line(to: .init(x: last.x, y: zeroY))
            area.close()
            let above = Rect(x: plotLeft, y: plotTop, width: plotWidth, height: zeroY - plotTop)
            let below = Rect(x: plotLeft, y: zeroY, width: plotWidth, height: plotBottom - zeroY)
            items.append(.clipped(above, [.path(area.text, .fill(theme.positiveArea, opacity: theme.areaOpacity))]))
            items.append(.clipped(below, [.path(area.text, .fill(theme.negativeArea, opacity: theme.areaOpacity))]))
            var line = PathData()
            trace(into: &line, moving: true)
            items.append(.path(line.text, .stroke(theme.curve, width: 2.5)))
        }

        let painNumbers = painPointNumbers(journey: journey, metrics: metrics)
        for mark in layout.marks {
            let touchpoint = mark.touchpoint
            let x = plotLeft + mark.x
            let column = (left: plotLeft + Double(mark.column) * columnWidth, width: columnWidth)
            let pointY = y(touchpoint.score)
            items.append(marker(for: touchpoint, journey: journey, at: .init(x: x, y: pointY), theme: theme))
            // The label goes above a high or neutral moment and below a pain point, inside its
            // column: in full, the marker is the column's centre, so the label is centred on it.
            var label = ChartStyle.label(
                touchpoint.name, anchor: .middle, x: x, top: 0,
                maxWidth: columnWidth - 14, maxLines: 3)
            let gap = markerSize + 5
            label = label.offsetBy(
                dx: shiftIntoColumn(label.bounds, left: column.left + 7, right: column.left + column.width - 7),
                dy: touchpoint.isPainPoint ? pointY + gap : pointY - gap - label.bounds.height)
            items.append(
                .rect(label.bounds.insetBy(dx: -3, dy: -1), .fill(theme.background, opacity: 0.85), cornerRadius: 3))
            items.append(.text(label, fill: theme.text))
            if let number = painNumbers[touchpoint.location] {
                // Beside the marker, on the side of the column with room for it.
                let extra = (badgeWidth(number) - 16) / 2
                let right = x + markerSize + 12 + extra
                let fitsRight = right + 8 + extra <= column.left + column.width
                items += badge(
                    number, at: .init(x: fitsRight ? right : x - markerSize - 12 - extra, y: pointY), theme: theme)
            }
        }

        var part = ChartPart(width: width, height: plotBottom, items: items)
        let below = notes(
            journey: journey, metrics: metrics, numbers: painNumbers, shown: layout.isCondensed ? layout : nil,
            theme: theme, left: margin, width: width - 2 * margin)
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

    /// A numbered disc beside a pain point, pointing to its note; a pill, `badgeWidth` px wide,
    /// for a number of three digits or more.
    private static func badge(_ number: Int, at center: MonotoneCurve.Point, theme: Theme) -> [SceneItem] {
        let width = badgeWidth(number)
        let label = ChartStyle.label(
            String(number), size: ChartStyle.smallSize, bold: true, anchor: .middle,
            x: center.x, top: 0, maxWidth: max(width, 20))
        let shape: SceneItem =
            number < 100
            ? .circle(center: center, radius: 8, .fill(theme.painFill))
            : .rect(
                Rect(x: center.x - width / 2, y: center.y - 8, width: width, height: 16), .fill(theme.painFill),
                cornerRadius: 8)
        return [shape, .text(label.offsetBy(dx: 0, dy: center.y - label.bounds.height / 2), fill: theme.background)]
    }

    /// The width of a pain point's badge, in px: 16 for the disc of one or two digits, the digits
    /// and 5 px either side for more.
    private static func badgeWidth(_ number: Int) -> Double {
        number < 100 ? 16 : ChartStyle.bold.width(of: String(number), size: ChartStyle.smallSize) + 10
    }

    /// How far, in px, to move `bounds` right (or left, when negative) to keep it between `left` and
    /// `right`; 0 when it lies between them already.
    private static func shiftIntoColumn(_ bounds: Rect, left: Double, right: Double) -> Double {
        if bounds.minX < left { return left - bounds.minX }
        if bounds.maxX > right { return right - bounds.maxX }
        return 0
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
    ///
    /// - Parameter shown: the layout of a condensed chart, whose note says how many touchpoints it
    ///   shows and whose pain notes are those of the pain points it shows; nil for a chart in full.
    private static func notes(
        journey: Journey, metrics: FunnelMetrics?, numbers: [SourceLocation: Int], shown: CurveLayout?,
        theme: Theme, left: Double, width: Double
    ) -> ChartPart {
        var items: [SceneItem] = []
        var y = 0.0
        if let shown {
            let box = ChartStyle.label(
                "Showing \(NumberFormatting.grouped(shown.marks.count)) of "
                    + "\(NumberFormatting.grouped(shown.touchpointCount)) touchpoints: the deepest pain points "
                    + "and highest highs of each stage. The line is the mean score of all of them, the band "
                    + "reaches their lowest and highest.",
                size: ChartStyle.subtitleSize, x: left, top: y, maxWidth: width, maxLines: 3)
            items.append(.text(box, fill: theme.text))
            y = box.bounds.maxY + 12
        }
        if let metrics, let weakest = metrics.weakest {
            var verdict = "Weakest stage — \(weakest.reason)"
            if let worth = WeakestStageReport.worth(weakest, metrics: metrics) { verdict += " " + worth }
            let box = ChartStyle.label(
                verdict, size: ChartStyle.subtitleSize, bold: true, x: left, top: y,
                maxWidth: width, maxLines: 3)
            items.append(.text(box, fill: theme.weakestAccent))
            y = box.bounds.maxY + 12
        }
        // A condensed chart marks no neutral moment, and draws a band around its curve.
        let legend = Legend.make(
            entries: [.init(kind: .high, label: "high"), .init(kind: .pain, label: "pain point")]
                + (shown == nil
                    ? [.init(kind: .neutral, label: "neutral")]
                    : [.init(kind: .range, label: "mean score, lowest to highest")])
                + [
                    .init(kind: .unmeasured, label: "hollow: not measured"),
                    .init(kind: .weakest, label: "weakest stage"),
                ], theme: theme, left: left, top: y, width: width)
        items += legend.items
        y = legend.height + 14

        var ranked =
            metrics?.rankedPainPoints
            ?? journey.stages.enumerated().flatMap { index, stage in
                stage.touchpoints.filter(\.isPainPoint).map {
                    RankedPainPoint(stageIndex: index, stageName: stage.name, touchpoint: $0)
                }
            }
        var heading = "Pain points, most urgent first"
        if let shown {
            heading =
                "Pain points shown, most urgent first, numbered among all \(NumberFormatting.grouped(ranked.count))"
            let marked = Set(shown.marks.map(\.touchpoint.location))
            ranked = ranked.filter { marked.contains($0.touchpoint.location) }
        }
        if !ranked.isEmpty {
            let heading = ChartStyle.label(
                heading, size: ChartStyle.headingSize, bold: true, x: left, top: y, maxWidth: width, maxLines: 2)
            items.append(.text(heading, fill: theme.text))
            y = heading.bounds.maxY + 6
            for point in ranked {
                let number = numbers[point.touchpoint.location] ?? 0
                // A wider badge pushes the text right by as much.
                let extra = badgeWidth(number) - 16
                items += badge(number, at: .init(x: left + 8 + extra / 2, y: y + 7), theme: theme)
                let title = ChartStyle.label(
                    "\(point.stageName): \(point.touchpoint.name) (\(ChartStyle.score(point.touchpoint.score)))",
                    bold: true, x: left + 24 + extra, top: y, maxWidth: width - 24 - extra, maxLines: 2)
                items.append(.text(title, fill: theme.text))
                y = title.bounds.maxY + 2
                let notes =
                    point.touchpoint.pains.map { "pain: \($0)" } + point.touchpoint.ideas.map { "idea: \($0)" }
                    + point.touchpoint.thoughts.map { "thought: \($0)" }
                for note in notes {
                    let box = ChartStyle.label(
                        note, x: left + 24 + extra, top: y, maxWidth: width - 24 - extra, maxLines: 2)
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
