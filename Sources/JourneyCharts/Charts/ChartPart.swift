/// A block of a chart: its items, in px from the block's own top left corner, and its size.
///
/// Charts stack blocks (a title, a plot, a legend) by moving them down; the dashboard
/// stacks whole charts the same way.
public struct ChartPart: Sendable {
    public var width: Double
    public var height: Double
    public var items: [SceneItem]

    public init(width: Double, height: Double, items: [SceneItem]) {
        self.width = width
        self.height = height
        self.items = items
    }

    /// The parts one below the other, `gap` px apart, as one part as wide as the widest.
    public static func stacked(_ parts: [ChartPart], gap: Double) -> ChartPart {
        var items: [SceneItem] = []
        var y = 0.0
        for (index, part) in parts.enumerated() {
            items += part.items.map { $0.offsetBy(dx: 0, dy: y) }
            y += part.height + (index == parts.count - 1 ? 0 : gap)
        }
        return ChartPart(width: parts.map(\.width).max() ?? 0, height: y, items: items)
    }
}

extension SceneItem {
    /// The same item moved `dx` px right and `dy` px down.
    public func offsetBy(dx: Double, dy: Double) -> SceneItem {
        func moved(_ point: MonotoneCurve.Point) -> MonotoneCurve.Point {
            MonotoneCurve.Point(x: point.x + dx, y: point.y + dy)
        }
        switch self {
        case .rect(let rect, let paint, let radius, let tooltip):
            return .rect(rect.offsetBy(dx: dx, dy: dy), paint, cornerRadius: radius, tooltip: tooltip)
        case .path(let data, let paint, let tooltip):
            return .path(PathData.offset(data, dx: dx, dy: dy), paint, tooltip: tooltip)
        case .line(let from, let to, let paint):
            return .line(from: moved(from), to: moved(to), paint)
        case .circle(let center, let radius, let paint, let tooltip):
            return .circle(center: moved(center), radius: radius, paint, tooltip: tooltip)
        case .text(let box, let fill):
            return .text(box.offsetBy(dx: dx, dy: dy), fill: fill)
        case .clipped(let clip, let items):
            return .clipped(clip.offsetBy(dx: dx, dy: dy), items.map { $0.offsetBy(dx: dx, dy: dy) })
        }
    }
}
