/// A row of keys explaining a chart's marks, wrapped onto more rows when it is too wide.
enum Legend {
    /// What a key shows.
    struct Entry {
        enum Kind { case high, pain, neutral, unmeasured, weakest, bar, weakestBar, target, lost, range }
        var kind: Kind
        var label: String
    }

    /// The legend, starting at `top`, at most `width` px wide from `left`; `height` is its bottom.
    static func make(entries: [Entry], theme: Theme, left: Double, top: Double, width: Double) -> (
        items: [SceneItem], height: Double
    ) {
        var items: [SceneItem] = []
        var x = left
        var y = top
        let rowHeight = 18.0
        for entry in entries {
            let label = ChartStyle.label(entry.label, size: ChartStyle.bodySize, x: 0, top: 0, maxWidth: width - 24)
            let entryWidth = 20 + label.bounds.width + 18
            if x > left, x + entryWidth > left + width {
                x = left
                y += rowHeight
            }
            let center = MonotoneCurve.Point(x: x + 7, y: y + rowHeight / 2)
            items += symbol(entry.kind, at: center, theme: theme)
            items.append(
                .text(label.offsetBy(dx: x + 20, dy: center.y - label.bounds.height / 2), fill: theme.mutedText))
            x += entryWidth
        }
        return (items, y + rowHeight)
    }

    private static func symbol(_ kind: Entry.Kind, at center: MonotoneCurve.Point, theme: Theme) -> [SceneItem] {
        func triangle(up: Bool) -> String {
            var path = PathData()
            let direction = up ? -1.0 : 1.0
            path.move(to: .init(x: center.x, y: center.y + direction * 6))
            path.line(to: .init(x: center.x + 6, y: center.y - direction * 4.2))
            path.line(to: .init(x: center.x - 6, y: center.y - direction * 4.2))
            path.close()
            return path.text
        }
        let box = Rect(x: center.x - 7, y: center.y - 6, width: 14, height: 12)
        switch kind {
        case .high:
            return [
                .path(
                    triangle(up: true),
                    SceneItem.Paint(fill: theme.highFill, stroke: theme.markerStroke, strokeWidth: 1))
            ]
        case .pain:
            return [
                .path(
                    triangle(up: false),
                    SceneItem.Paint(fill: theme.painFill, stroke: theme.markerStroke, strokeWidth: 1))
            ]
        case .neutral:
            return [
                .circle(
                    center: center, radius: 5,
                    SceneItem.Paint(fill: theme.neutralFill, stroke: theme.markerStroke, strokeWidth: 1))
            ]
        case .unmeasured:
            return [
                .circle(
                    center: center, radius: 5,
                    SceneItem.Paint(fill: theme.background, stroke: theme.neutralFill, strokeWidth: 2))
            ]
        case .weakest:
            return [.rect(box, SceneItem.Paint(fill: theme.weakestFill, stroke: theme.weakestAccent, strokeWidth: 2))]
        case .bar: return [.rect(box, .fill(theme.funnelBar), cornerRadius: 2)]
        case .weakestBar: return [.rect(box, .fill(theme.funnelWeakestBar), cornerRadius: 2)]
        case .target: return [.rect(box, .stroke(theme.targetMark, width: 1.5, dash: "3 2"))]
        case .lost: return LadderChart.lostItems(box, theme: theme)  // hatched, as on the bars
        case .range:  // a condensed curve: the mean score in the band of the lowest to the highest
            return [
                .rect(box, .fill(theme.curve, opacity: theme.areaOpacity)),
                .line(
                    from: .init(x: box.minX, y: center.y), to: .init(x: box.maxX, y: center.y),
                    .stroke(theme.curve, width: 2.5)),
            ]
        }
    }
}
