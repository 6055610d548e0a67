import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyCharts

/// The rendered examples, byte for byte, against the SVG files in `Snapshots/`.
///
/// A change to the renderer that changes a chart fails here; look at the new chart (for
/// example with rsvg-convert), then record the snapshots again with
/// `JOURNEY_RECORD_SNAPSHOTS=1 swift test --filter ChartSnapshotTests`. A small comparison of
/// our own rather than pointfreeco/swift-snapshot-testing, whose swift-syntax dependency would
/// add one to two and a half minutes to every clean CI build.
@Suite struct ChartSnapshotTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    static let cases: [(journey: String, chart: ChartKind, theme: String)] = [
        ("dressmate", .journey, "light"), ("dressmate", .funnel, "light"), ("dressmate", .dashboard, "light"),
        ("dressmate", .dashboard, "dark"), ("dressmate", .journey, "print"),
        ("trattoria-prenotazione", .journey, "light"), ("clinic-appointment", .funnel, "dark"),
    ]

    @Test(arguments: cases)
    func matchesTheSnapshot(journeyName: String, chart: ChartKind, themeName: String) throws {
        let url = Repository.root.appendingPathComponent("journeys/\(journeyName).journey")
        let journey = check(try String(contentsOf: url, encoding: .utf8)).journey
        let theme = try #require(try Theme.bundled(named: themeName))
        let svg = try #require(ChartRenderer.render(journey, chart: chart, theme: theme)).svg
        let file = Self.snapshots.appendingPathComponent("\(journeyName)-\(chart.rawValue)-\(themeName).svg")

        if ProcessInfo.processInfo.environment["JOURNEY_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try Data(svg.utf8).write(to: file)
            Issue.record("recorded \(file.lastPathComponent); run again without JOURNEY_RECORD_SNAPSHOTS")
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(file.lastPathComponent): record it with JOURNEY_RECORD_SNAPSHOTS=1")
            return
        }
        if svg != expected {
            let actualLines = svg.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            let detail =
                firstDifference.map {
                    "line \($0.offset + 1):\n  expected: \($0.element.1)\n  actual:   \($0.element.0)"
                }
                ?? "the lengths differ: \(actualLines.count) lines against \(expectedLines.count)"
            Issue.record("\(file.lastPathComponent) differs from its snapshot at \(detail)")
        }
    }
}
