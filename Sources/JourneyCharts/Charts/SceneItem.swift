/// One thing drawn on a chart, in px from the chart's top left corner.
///
/// Layouts build a list of items; `SVGChartWriter` writes them. Keeping the two apart lets
/// tests inspect every label's box without parsing SVG.
public indirect enum SceneItem: Hashable, Sendable {
    /// A rectangle, with corners rounded by `cornerRadius` px.
    case rect(Rect, Paint, cornerRadius: Double = 0, tooltip: String? = nil)
    /// An SVG path (`d` attribute).
    case path(String, Paint, tooltip: String? = nil)
    /// A straight line.
    case line(from: MonotoneCurve.Point, to: MonotoneCurve.Point, Paint)
    /// A circle.
    case circle(center: MonotoneCurve.Point, radius: Double, Paint, tooltip: String? = nil)
    /// A label.
    case text(TextBox, fill: Color)
    /// Items drawn only inside `clip`.
    case clipped(Rect, [SceneItem])

    /// How a shape is filled and stroked.
    public struct Paint: Hashable, Sendable {
        public var fill: Color?
        public var fillOpacity: Double?
        public var stroke: Color?
        public var strokeWidth: Double?
        /// An SVG dash pattern such as `4 3`.
        public var dash: String?

        public init(
            fill: Color? = nil, fillOpacity: Double? = nil, stroke: Color? = nil,
            strokeWidth: Double? = nil, dash: String? = nil
        ) {
            self.fill = fill
            self.fillOpacity = fillOpacity
            self.stroke = stroke
            self.strokeWidth = strokeWidth
            self.dash = dash
        }

        public static func fill(_ color: Color, opacity: Double? = nil) -> Paint {
            Paint(fill: color, fillOpacity: opacity)
        }

        public static func stroke(_ color: Color, width: Double, dash: String? = nil) -> Paint {
            Paint(stroke: color, strokeWidth: width, dash: dash)
        }
    }

    /// The labels among `items`, clipped groups included, in drawing order.
    public static func textBoxes(in items: [SceneItem]) -> [TextBox] {
        items.flatMap { item -> [TextBox] in
            switch item {
            case .text(let box, _): [box]
            case .clipped(_, let inner): textBoxes(in: inner)
            default: []
            }
        }
    }
}
