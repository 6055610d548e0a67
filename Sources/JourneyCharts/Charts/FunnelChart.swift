import JourneyAnalysis
import JourneyLanguage

/// The funnel: one bar per stage, as wide as its reach, with what happens between stages.
///
/// Between two bars the chart says what share continues, how many people drop off and how
/// that compares with the target; a dashed outline on the next bar shows the reach the
/// target expects. Each stage's control is a figure and a gauge on the right. The weakest
/// stage's bar and row are highlighted, and a note below says what fixing it is worth.
enum FunnelChart {
    /// The width of the bar area when nothing asks for a wider chart.
    static let preferredBarAreaWidth = 520.0
    static let barHeight = 30.0
    static let connectorHeight = 52.0
    static let controlColumnWidth = 120.0

    /// The chart body (everything but the title), at least `minimumWidth` px wide.
    ///
    /// The bars widen to fill it. `showsVerdict` adds the weakest stage's verdict below the funnel.
    static func make(
        journey: Journey, metrics: FunnelMetrics, theme: Theme, minimumWidth: Double = 0,
        showsVerdict: Bool = true
    ) -> ChartPart {
        let margin = ChartStyle.margin
        let nameWidth = min(
            200,
            max(
                90,
                metrics.stages.map {
                    ChartStyle.bold.width(of: $0.name, size: ChartStyle.headingSize)
                }.max() ?? 0))
        let barLeft = margin + nameWidth + 16
        let fixedWidth = barLeft + 20 + controlColumnWidth + margin
        let barAreaWidth = max(preferredBarAreaWidth, minimumWidth - fixedWidth)
        let controlLeft = barLeft + barAreaWidth + 20
        let width = max(controlLeft + controlColumnWidth + margin, minimumWidth)
        let maxReach = Double(metrics.stages.map(\.reach).max() ?? 0)
        func barWidth(_ people: Double) -> Double {
            maxReach > 0 ? max(2, people / maxReach * barAreaWidth) : 2
        }
        let barCenter = barLeft + barAreaWidth / 2

        var items: [SceneItem] = []
        var y = 8.0
        let weakestIndex = metrics.weakest?.index
        for stage in metrics.stages {
            let isWeakest = stage.index == weakestIndex
            let isLast = stage.index == metrics.stages.count - 1
            let rowTop = y
            if isWeakest {
                // From just above the bar to just above the next row's target outline.
                let height = barHeight + (isLast ? 16 : connectorHeight + 2)
                items.append(
                    .rect(
                        Rect(x: margin, y: rowTop - 8, width: width - 2 * margin, height: height),
                        SceneItem.Paint(fill: theme.weakestFill, stroke: theme.weakestAccent, strokeWidth: 2),
                        cornerRadius: 4))
            }
            let barMid = rowTop + barHeight / 2

            // The name, right-aligned against the bars.
            let name = ChartStyle.label(
                stage.name, size: ChartStyle.headingSize, bold: true, anchor: .end,
                x: barLeft - 12, top: 0, maxWidth: nameWidth, maxLines: 2)
            items.append(.text(name.offsetBy(dx: 0, dy: barMid - name.bounds.height / 2), fill: theme.text))

            // The target of the stage before, as the reach it expects here.
            var outlineWidth = 0.0
            if stage.index > 0 {
                let previous = metrics.stages[stage.index - 1]
                if let target = previous.target {
                    let expected = Double(previous.reach) * target
                    outlineWidth = barWidth(expected)
                    let outline = Rect(
                        x: barCenter - outlineWidth / 2, y: rowTop - 2, width: outlineWidth, height: barHeight + 4)
                    items.append(
                        .rect(
                            outline, .stroke(theme.targetMark, width: 1.5, dash: "4 3"),
                            tooltip:
                                "target of \(previous.name): \(NumberFormatting.grouped(rounding: expected)) people (\(NumberFormatting.percent(target)) of \(NumberFormatting.grouped(previous.reach)))"
                        ))
                }
            }

            // The bar and its reach.
            let width = barWidth(Double(stage.reach))
            let bar = Rect(x: barCenter - width / 2, y: rowTop, width: width, height: barHeight)
            items.append(
                .rect(
                    bar, .fill(isWeakest ? theme.funnelWeakestBar : theme.funnelBar), cornerRadius: 3,
                    tooltip: "\(stage.name): \(NumberFormatting.grouped(stage.reach)) people"))
            let reachText = NumberFormatting.grouped(stage.reach)
            let reachWidth = ChartStyle.bold.width(of: reachText, size: ChartStyle.subtitleSize)
            if width >= reachWidth + 16 {
                let label = ChartStyle.label(
                    reachText, size: ChartStyle.subtitleSize, bold: true, anchor: .middle,
                    x: barCenter, top: 0, maxWidth: width - 8)
                items.append(
                    .text(label.offsetBy(dx: 0, dy: barMid - label.bounds.height / 2), fill: theme.funnelBarText))
            } else {
                let label = ChartStyle.label(
                    reachText, size: ChartStyle.subtitleSize, bold: true,
                    x: barCenter + max(width, outlineWidth) / 2 + 8, top: 0,
                    maxWidth: barAreaWidth / 2 - max(width, outlineWidth) / 2 - 8)
                items.append(.text(label.offsetBy(dx: 0, dy: barMid - label.bounds.height / 2), fill: theme.text))
            }

            // Control on the right.
            let control = ChartStyle.label(
                "control \(NumberFormatting.percent(stage.control.control))", x: controlLeft,
                top: 0, maxWidth: controlColumnWidth)
            let controlTop = barMid - (control.bounds.height + 8) / 2
            items.append(.text(control.offsetBy(dx: 0, dy: controlTop), fill: theme.mutedText))
            let gauge = Rect(x: controlLeft, y: controlTop + control.bounds.height + 3, width: 100, height: 5)
            items.append(.rect(gauge, .fill(theme.controlTrack), cornerRadius: 2.5))
            if stage.control.control > 0 {
                items.append(
                    .rect(
                        Rect(x: gauge.x, y: gauge.y, width: gauge.width * stage.control.control, height: 5),
                        .fill(theme.controlFill), cornerRadius: 2.5))
            }

            y = rowTop + barHeight
            // What happens on the way to the next stage.
            if let conversion = stage.shownConversion, let dropOff = stage.dropOff {
                var lines = [
                    "↓ \(conversion) continue · \(NumberFormatting.grouped(dropOff)) drop off"
                ]
                if let target = stage.target {
                    lines.append("target \(NumberFormatting.percent(target)): \(stage.shownShortfall ?? "met")")
                }
                var lineTop = y + 5
                for (offset, line) in lines.enumerated() {
                    let box = ChartStyle.label(
                        line, bold: offset == 1 && stage.isBelowTarget, anchor: .middle,
                        x: barCenter, top: lineTop, maxWidth: barAreaWidth)
                    items.append(.text(box, fill: isWeakest ? theme.weakestAccent : theme.mutedText))
                    lineTop = box.bounds.maxY + 2
                }
                y += connectorHeight
            }
        }
        y += 18

        // The verdict and the legend.
        if showsVerdict, let weakest = metrics.weakest {
            var verdict = "Weakest stage — \(weakest.reason)"
            if let worth = WeakestStageReport.worth(weakest, metrics: metrics) { verdict += " " + worth }
            let box = ChartStyle.label(
                verdict, size: ChartStyle.subtitleSize, bold: true, x: margin, top: y,
                maxWidth: width - 2 * margin, maxLines: 3)
            items.append(.text(box, fill: theme.weakestAccent))
            y = box.bounds.maxY + 12
        }
        let legend = Legend.make(
            entries: [
                .init(kind: .bar, label: "people reaching the stage"),
                .init(kind: .weakestBar, label: "weakest stage"),
                .init(kind: .target, label: "reach the previous stage's target expects"),
            ], theme: theme, left: margin, top: y, width: width - 2 * margin)
        items += legend.items
        return ChartPart(width: width, height: legend.height, items: items)
    }
}
