import JourneyTestSupport
import Testing

@testable import JourneyCharts
@testable import JourneyLanguage

@Suite struct MonotoneCurveTests {
    private func points(_ ys: [Double]) -> [MonotoneCurve.Point] {
        ys.enumerated().map { MonotoneCurve.Point(x: Double($0.offset) * 100, y: $0.element) }
    }

    /// Every piece stays between the values of its two end points, sampled finely.
    private func expectNoOvershoot(_ curve: MonotoneCurve, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for segment in curve.segments {
            let (low, high) = (min(segment.start.y, segment.end.y), max(segment.start.y, segment.end.y))
            var previousX = segment.start.x
            for step in 0...200 {
                let point = segment.point(at: Double(step) / 200)
                #expect(
                    point.y >= low - 1e-9 && point.y <= high + 1e-9,
                    "y \(point.y) outside \(low)...\(high)", sourceLocation: sourceLocation)
                #expect(point.x >= previousX - 1e-9, sourceLocation: sourceLocation)
                previousX = point.x
            }
        }
    }

    @Test func passesThroughEveryPoint() {
        let input = points([2, 4, 3, -4, 2, -5, 5, 3, 4])
        let curve = MonotoneCurve(points: input)
        #expect(curve.segments.count == input.count - 1)
        for (segment, (start, end)) in zip(curve.segments, zip(input, input.dropFirst())) {
            #expect(segment.start == start && segment.end == end)
        }
    }

    @Test func neverOvershootsOnTheDressmateScores() {
        expectNoOvershoot(MonotoneCurve(points: points([2, 4, 3, -3, -4, 2, -5, 5, 3, 4])))
    }

    @Test func flatRunsStayFlat() {
        let curve = MonotoneCurve(points: points([5, 5, 5, -5, -5]))
        for segment in curve.segments.prefix(2) {
            #expect(segment.control1.y == 5 && segment.control2.y == 5)
        }
        expectNoOvershoot(curve)
    }

    @Test(arguments: 1...50)
    func neverOvershootsOnRandomScores(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let count = Int.random(in: 2...30, using: &generator)
        var x = 0.0
        let input = (0..<count).map { _ -> MonotoneCurve.Point in
            x += Double.random(in: 1...200, using: &generator)
            return MonotoneCurve.Point(x: x, y: Double(Int.random(in: -10...10, using: &generator)) / 2)
        }
        expectNoOvershoot(MonotoneCurve(points: input))
    }

    @Test func fewerThanTwoPointsHaveNoCurve() {
        #expect(MonotoneCurve(points: []).segments.isEmpty)
        #expect(MonotoneCurve(points: points([3])).segments.isEmpty)
        #expect(MonotoneCurve(points: points([3])).pathData(format: { "\($0)" }) == "")
    }

    @Test func pathData() {
        let curve = MonotoneCurve(points: points([0, 3]))
        #expect(
            curve.pathData(format: { NumberFormatting.plain($0, maximumFractionDigits: 2) })
                == "M0 0 C33.33 1 66.67 2 100 3")
    }
}
