import JourneyLanguage

/// The relationship ladder: one bar per rung, as long as the customers at that rung or higher,
/// with the conversion from each rung to the next and the lost part of each bar shaded.
///
/// Rungs run from the bottom of the ladder (prospect) at the top of the chart to the top
/// (sponsor) at the bottom, like the funnel whose post-purchase half the ladder is. Each bar is
/// drawn on a track as long as the largest count, so that bars compare by length; its lost
/// customers are the hatched part at its right end. The rung's name and what it takes to stand
/// on it are on the left, its count and lost share in a column on the right, the conversion
/// between two bars. A rung without customers keeps its row: an empty track and `no customer
/// yet`, so that the ladder always has its six rungs and shows how far customers have climbed.
///
/// Every label has its own column or the gap between two bars, each measured, so no two labels
/// can overlap whatever the numbers.
enum LadderChart {
    /// The width of the bar area when nothing asks for a wider chart, in px.
    static let preferredBarAreaWidth = 440.0
    static let barHeight = 28.0
    /// The column of rung names and conditions, in px.
    static let nameColumnWidth = 196.0
    /// The room between two bars for the conversion, in px.
    static let connectorHeight = 24.0
    /// The distance between two hatch lines of a lost part, in px.
    static let hatchSpacing = 6.0
    /// The opacity of a lost part's fill under its hatching, from 0 to 1.
    static let lostFillOpacity = 0.22

    /// The chart body and where each bar went, for tests of its geometry.
    struct Layout {
        var part: ChartPart
        /// Each rung's whole bar and its lost part, in px, in the figures' order; the lost part
        /// has no width when nobody is lost, and the bar none when the rung has no customer.
        var bars: [(rung: LadderRung, bar: Rect, lost: Rect)]
        /// The area a bar as long as the largest count fills, in px, the first row's.
        var track: Rect
    }

    /// The chart body (everything but the title), at least `minimumWidth` px wide.
    static func make(figures: LadderFigures, theme: Theme, minimumWidth: Double = 0) -> ChartPart {
        layout(figures: figures, theme: theme, minimumWidth: minimumWidth).part
    }

    /// The body and its bars; the bars widen to fill `minimumWidth`.
    static func layout(figures: LadderFigures, theme: Theme, minimumWidth: Double = 0) -> Layout {
        let margin = ChartStyle.margin
        let barLeft = margin + nameColumnWidth + 16
        let countTexts = figures.rungs.map { NumberFormatting.grouped($0.customers) }
        let lostTexts = figures.rungs.map { rung in
            rung.lostShare.map { "\(LadderFigures.percent($0)) lost" } ?? "no customer yet"
        }
        let figuresWidth = max(
            100,
            countTexts.map { ChartStyle.bold.width(of: $0, size: ChartStyle.subtitleSize) }.max() ?? 0,
            lostTexts.map { ChartStyle.regular.width(of: $0, size: ChartStyle.bodySize) }.max() ?? 0
        ).rounded(.up)
        let fixedWidth = barLeft + 16 + figuresWidth + margin
        let barAreaWidth = max(preferredBarAreaWidth, minimumWidth - fixedWidth)
        let figuresLeft = barLeft + barAreaWidth + 16
        let width = max(figuresLeft + figuresWidth + margin, minimumWidth)
        let largest = Double(figures.rungs.map(\.customers).max() ?? 0)

        var items: [SceneItem] = []
        var bars: [(rung: LadderRung, bar: Rect, lost: Rect)] = []
        var firstTrack = Rect(x: barLeft, y: 0, width: barAreaWidth, height: barHeight)
        var y = 8.0
        for (index, rung) in figures.rungs.enumerated() {
            if index > 0 {
                // The conversion from the rung above, in the gap between the two bars.
                if let conversion = figures.conversion(into: index) {
                    let label = ChartStyle.label(
                        "↓ \(LadderFigures.percent(conversion)) reach \(rung.rung.rawValue)", x: barLeft,
                        top: y + 5, maxWidth: barAreaWidth)
                    items.append(.text(label, fill: theme.mutedText))
                    y = max(y + connectorHeight, label.bounds.maxY + 6)
                } else {
                    y += connectorHeight
                }
            }

            // The name and condition on the left, the figures on the right, the bar between.
            let name = ChartStyle.label(
                rung.rung.rawValue, size: ChartStyle.headingSize, bold: true, x: margin, top: 0,
                maxWidth: nameColumnWidth)
            let condition = ChartStyle.label(
                figures.condition(of: rung.rung), size: ChartStyle.smallSize, x: margin,
                top: name.bounds.maxY + 2, maxWidth: nameColumnWidth, maxLines: 2)
            let count = ChartStyle.label(
                countTexts[index], size: ChartStyle.subtitleSize, bold: true, x: figuresLeft, top: 0,
                maxWidth: figuresWidth)
            let lost = ChartStyle.label(
                lostTexts[index], x: figuresLeft, top: count.bounds.maxY + 2, maxWidth: figuresWidth)
            let nameHeight = condition.bounds.maxY
            let figuresHeight = lost.bounds.maxY
            let rowHeight = max(barHeight, nameHeight, figuresHeight)
            let rowTop = y
            items.append(.text(name.offsetBy(dx: 0, dy: rowTop + (rowHeight - nameHeight) / 2), fill: theme.text))
            items.append(
                .text(condition.offsetBy(dx: 0, dy: rowTop + (rowHeight - nameHeight) / 2), fill: theme.mutedText))
            items.append(.text(count.offsetBy(dx: 0, dy: rowTop + (rowHeight - figuresHeight) / 2), fill: theme.text))
            items.append(
                .text(lost.offsetBy(dx: 0, dy: rowTop + (rowHeight - figuresHeight) / 2), fill: theme.mutedText))

            let barTop = rowTop + (rowHeight - barHeight) / 2
            let track = Rect(x: barLeft, y: barTop, width: barAreaWidth, height: barHeight)
            if index == 0 { firstTrack = track }
            items.append(.rect(track, .fill(theme.controlTrack)))
            let (bar, lostPart) = Self.bar(
                rung, largest: largest, in: track, items: &items, theme: theme)
            bars.append((rung.rung, bar, lostPart))
            y = rowTop + rowHeight
        }
        y += 16

        for note in figures.notes {
            let box = ChartStyle.label(note, x: margin, top: y, maxWidth: width - 2 * margin, maxLines: 3)
            items.append(.text(box, fill: theme.mutedText))
            y = box.bounds.maxY + 6
        }
        if !figures.notes.isEmpty { y += 6 }

        let legend = Legend.make(
            entries: [
                .init(kind: .bar, label: "customers at the rung or higher, still buying"),
                .init(
                    kind: .lost,
                    label: "lost: idle more than \(NumberFormatting.plain(figures.lostAfter)) × their usual gap"),
            ], theme: theme, left: margin, top: y, width: width - 2 * margin)
        items += legend.items
        return Layout(part: ChartPart(width: width, height: legend.height, items: items), bars: bars, track: firstTrack)
    }

    /// Draws the bar of `rung` on `track`, its lost part hatched at its right end; returns both, in px.
    private static func bar(
        _ rung: LadderFigures.Rung, largest: Double, in track: Rect, items: inout [SceneItem], theme: Theme
    ) -> (bar: Rect, lost: Rect) {
        let name = rung.rung.rawValue
        let customers = max(rung.customers, 0)
        let lost = min(max(rung.lost, 0), customers)
        guard customers > 0, largest > 0 else {
            let empty = Rect(x: track.x, y: track.y, width: 0, height: track.height)
            return (empty, empty)
        }
        // A rung with customers stays visible however small it is next to the largest.
        let barWidth = min(track.width, max(2, Double(customers) / largest * track.width))
        let lostWidth = lost > 0 ? min(barWidth, max(1, Double(lost) / Double(customers) * barWidth)) : 0
        let bar = Rect(x: track.x, y: track.y, width: barWidth, height: track.height)
        let active = Rect(x: track.x, y: track.y, width: barWidth - lostWidth, height: track.height)
        let lostPart = Rect(x: active.maxX, y: track.y, width: lostWidth, height: track.height)
        let still = customers - lost
        if active.width > 0 {
            items.append(
                .rect(
                    active, .fill(theme.funnelBar),
                    tooltip:
                        "\(name): \(NumberFormatting.grouped(customers)) customers at this rung or higher, "
                        + "\(NumberFormatting.grouped(still)) still buying"))
        }
        if lostWidth > 0 {
            items += lostItems(
                lostPart, theme: theme,
                tooltip:
                    "\(name): \(NumberFormatting.grouped(lost)) lost, "
                    + "\(LadderFigures.percent(Double(lost) / Double(customers))) of the rung")
        }
        return (bar, lostPart)
    }

    /// A lost part: the bar's colour, faint, under hatching outlined in the theme's `ladderLost`.
    static func lostItems(_ rect: Rect, theme: Theme, tooltip: String? = nil) -> [SceneItem] {
        var items: [SceneItem] = [
            .rect(
                rect, SceneItem.Paint(fill: theme.funnelBar, fillOpacity: lostFillOpacity), tooltip: tooltip)
        ]
        let hatching = hatching(of: rect)
        if !hatching.isEmpty {
            items.append(.path(hatching, .stroke(theme.ladderLost, width: 1)))
        }
        items.append(.rect(rect.insetBy(dx: 0.5, dy: 0.5), .stroke(theme.ladderLost, width: 1)))
        return items
    }

    /// Diagonal lines `hatchSpacing` px apart, rising to the right, cut to `rect`: SVG path data,
    /// empty when none crosses it.
    ///
    /// The lines are anchored at x = 0 of the chart, so the hatching of every bar lines up.
    static func hatching(of rect: Rect) -> String {
        let height = rect.height
        guard rect.width > 0, height > 0 else { return "" }
        var path = PathData()
        var isEmpty = true
        // Line k starts at (k × spacing, bottom) and ends `height` px to the right at the top.
        var line = Int(((rect.minX - height) / hatchSpacing).rounded(.down))
        while Double(line) * hatchSpacing < rect.maxX {
            let start = Double(line) * hatchSpacing
            let from = max(0, (rect.minX - start) / height)
            let to = min(1, (rect.maxX - start) / height)
            if to - from > 0.05 {
                path.move(to: .init(x: start + from * height, y: rect.maxY - from * height))
                path.line(to: .init(x: start + to * height, y: rect.maxY - to * height))
                isEmpty = false
            }
            line += 1
        }
        return isEmpty ? "" : path.text
    }
}
