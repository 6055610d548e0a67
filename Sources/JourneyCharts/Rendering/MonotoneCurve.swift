/// A smooth curve through points that never overshoots them: Steffen's monotone cubic.
///
/// Between two neighbouring points the curve stays within their two values, so an
/// emotion curve drawn through scores on a -5..5 scale never leaves the scale, and a
/// flat run of equal scores stays flat. (M. Steffen, "A simple method for monotonic
/// interpolation in one dimension", Astronomy and Astrophysics 239, 1990.)
public struct MonotoneCurve: Sendable {
    /// A point of the curve, in canvas units.
    public struct Point: Hashable, Sendable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// One cubic Bézier piece from `start` to `end`.
    public struct Segment: Hashable, Sendable {
        public var start: Point
        public var control1: Point
        public var control2: Point
        public var end: Point

        /// The point at `t` from 0 (start) to 1 (end).
        public func point(at t: Double) -> Point {
            let u = 1 - t
            let a = u * u * u
            let b = 3 * u * u * t
            let c = 3 * u * t * t
            let d = t * t * t
            return Point(
                x: a * start.x + b * control1.x + c * control2.x + d * end.x,
                y: a * start.y + b * control1.y + c * control2.y + d * end.y)
        }
    }

    /// The pieces between consecutive points; empty for fewer than two points.
    public let segments: [Segment]

    /// The curve through `points`, whose x values must increase strictly.
    public init(points: [Point]) {
        guard points.count >= 2 else {
            segments = []
            return
        }
        let count = points.count
        let widths = (0..<count - 1).map { points[$0 + 1].x - points[$0].x }
        let slopes = (0..<count - 1).map { (points[$0 + 1].y - points[$0].y) / widths[$0] }
        var tangents = [Double](repeating: 0, count: count)
        tangents[0] = slopes[0]
        tangents[count - 1] = slopes[count - 2]
        for index in 1..<count - 1 {
            let (left, right) = (slopes[index - 1], slopes[index])
            let parabola = (left * widths[index] + right * widths[index - 1]) / (widths[index - 1] + widths[index])
            tangents[index] =
                (MonotoneCurve.sign(left) + MonotoneCurve.sign(right))
                * min(abs(left), abs(right), 0.5 * abs(parabola))
        }
        // At the ends, keep the one-sided slope within what monotonicity allows.
        if count > 2 {
            tangents[0] = MonotoneCurve.endTangent(slope: slopes[0], neighbour: tangents[1])
            tangents[count - 1] = MonotoneCurve.endTangent(slope: slopes[count - 2], neighbour: tangents[count - 2])
        }
        segments = (0..<count - 1).map { index in
            let (start, end) = (points[index], points[index + 1])
            let third = widths[index] / 3
            return Segment(
                start: start,
                control1: Point(x: start.x + third, y: start.y + tangents[index] * third),
                control2: Point(x: end.x - third, y: end.y - tangents[index + 1] * third),
                end: end)
        }
    }

    /// The SVG path data of the curve (`M … C …`), with numbers formatted by `format`.
    public func pathData(format: (Double) -> String) -> String {
        guard let first = segments.first else { return "" }
        var data = "M\(format(first.start.x)) \(format(first.start.y))"
        for segment in segments {
            data += " C\(format(segment.control1.x)) \(format(segment.control1.y))"
            data += " \(format(segment.control2.x)) \(format(segment.control2.y))"
            data += " \(format(segment.end.x)) \(format(segment.end.y))"
        }
        return data
    }

    private static func sign(_ value: Double) -> Double {
        value > 0 ? 1 : (value < 0 ? -1 : 0)
    }

    /// Steffen's end condition: the end slope follows the first secant, capped so the end piece stays monotone.
    private static func endTangent(slope: Double, neighbour: Double) -> Double {
        let candidate = 1.5 * slope - 0.5 * neighbour
        if sign(candidate) != sign(slope) { return 0 }
        if abs(candidate) > 3 * abs(slope) { return 3 * slope }
        return candidate
    }
}
