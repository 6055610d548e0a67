import Foundation
import JourneyLanguage
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

    /// Ladders of `LadderExamples`: alone, under a journey's title, and in a dashboard; the
    /// snapshot is `NAME-THEME.svg`.
    static let ladderCases: [(name: String, ladder: String, journey: String?, chart: ChartKind, theme: String)] = [
        ("ladder-worked-example", "worked-example", nil, .ladder, "light"),
        ("ladder-cdnow", "cdnow", nil, .ladder, "dark"), ("ladder-cdnow", "cdnow", nil, .ladder, "print"),
        ("ladder-awkward", "awkward", nil, .ladder, "light"),
        ("dressmate-ladder", "worked-example", "dressmate", .ladder, "light"),
        ("dressmate-dashboard-ladder", "cdnow", "dressmate", .dashboard, "light"),
    ]

    @Test(arguments: cases)
    func matchesTheSnapshot(journeyName: String, chart: ChartKind, themeName: String) throws {
        let journey = try Self.journey(journeyName)
        let theme = try #require(try Theme.bundled(named: themeName))
        let svg = try #require(ChartRenderer.render(journey, chart: chart, theme: theme)).svg
        Self.compare(svg, toSnapshot: "\(journeyName)-\(chart.rawValue)-\(themeName).svg")
    }

    @Test(arguments: ladderCases)
    func ladderMatchesTheSnapshot(
        name: String, ladderName: String, journeyName: String?, chart: ChartKind, themeName: String
    ) throws {
        let theme = try #require(try Theme.bundled(named: themeName))
        let figures = try #require(LadderExamples.all.first { $0.name == ladderName }?.figures)
        let svg =
            try journeyName.map {
                try #require(ChartRenderer.render(Self.journey($0), chart: chart, theme: theme, ladder: figures)).svg
            }
            ?? ChartRenderer.render(ladder: figures, theme: theme).svg
        Self.compare(svg, toSnapshot: "\(name)-\(themeName).svg")
    }

    static func journey(_ name: String) throws -> Journey {
        let url = Repository.root.appendingPathComponent("journeys/\(name).journey")
        return check(try String(contentsOf: url, encoding: .utf8)).journey
    }

    /// Records `svg` as the snapshot `fileName` when asked to, else expects it to be the snapshot.
    static func compare(
        _ svg: String, toSnapshot fileName: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let file = snapshots.appendingPathComponent(fileName)
        if ProcessInfo.processInfo.environment["JOURNEY_RECORD_SNAPSHOTS"] == "1" {
            do {
                try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
                try Data(svg.utf8).write(to: file)
            } catch {
                Issue.record("cannot record \(fileName): \(error)", sourceLocation: sourceLocation)
                return
            }
            Issue.record(
                "recorded \(fileName); run again without JOURNEY_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record(
                "no snapshot \(fileName): record it with JOURNEY_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
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
            Issue.record("\(fileName) differs from its snapshot at \(detail)", sourceLocation: sourceLocation)
        }
    }
}
