import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyCharts
@testable import JourneyLanguage

/// Where the emotion curve puts its touchpoints: every one in a column of its own while they fit
/// on the widest canvas librsvg draws, condensed beyond.
@Suite struct CurveLayoutTests {
    @Test func theThresholdIsTheColumnsThatFitOnTheWidestCanvasLibrsvgDraws() {
        #expect(JourneyChart.mostColumns == 217)
        let widest =
            2 * ChartStyle.margin + JourneyChart.axisWidth
            + Double(JourneyChart.mostColumns) * JourneyChart.columnWidth
        #expect(widest <= ChartStyle.largestCanvas)
        #expect(widest + JourneyChart.columnWidth > ChartStyle.largestCanvas)
    }

    @Test func everyExampleIsLaidOutInFull() throws {
        for url in ChartRendererTests.examples {
            let journey = try ChartRendererTests.journey(url)
            let layout = JourneyChart.layout(of: journey)
            #expect(!layout.isCondensed, "\(url.lastPathComponent)")
            #expect(layout.marks.map(\.touchpoint) == journey.touchpoints, "\(url.lastPathComponent)")
            #expect(layout.points.count == journey.touchpoints.count)
            #expect(layout.ranges.isEmpty)
        }
    }

    @Test func aJourneyIsCondensedOnlyPastTheWidestCanvas() {
        let fits = GeneratedJourney.make(touchpoints: JourneyChart.mostColumns, stages: 1)
        #expect(!JourneyChart.layout(of: fits).isCondensed)
        let tooMany = GeneratedJourney.make(touchpoints: JourneyChart.mostColumns + 1, stages: 1)
        #expect(JourneyChart.layout(of: tooMany).isCondensed)
        // An empty stage takes a column too.
        var withEmptyStage = fits
        withEmptyStage.stages.append(Stage(name: "Empty", location: .init(line: 1, column: 1)))
        #expect(JourneyChart.layout(of: withEmptyStage).isCondensed)
    }

    @Test func aCondensedStageMarksItsLowestPainAndHighestHighInEachColumn() throws {
        let journey = GeneratedJourney.make(touchpoints: 3_000, stages: 7)
        let layout = JourneyChart.layout(of: journey)
        #expect(layout.isCondensed)
        #expect(layout.touchpointCount == 3_000)
        #expect(layout.columnCount == 7 * CurveLayout.condensedColumnsPerStage)
        #expect(layout.marks.count <= 2 * layout.columnCount)
        let marked = layout.marks.map(\.touchpoint.name)
        #expect(marked.contains(GeneratedJourney.lowestName))
        #expect(marked.contains(GeneratedJourney.highestName))
        for band in layout.bands {
            let touchpoints = journey.stages[band.stage].touchpoints
            let marks = layout.marks.filter { (band.firstColumn..<band.firstColumn + band.columns).contains($0.column) }
            // Each stage's deepest pain point and highest high are among its marks.
            let lowest = try #require(touchpoints.map(\.score).min())
            let highest = try #require(touchpoints.map(\.score).max())
            #expect(marks.contains { $0.touchpoint.score == lowest })
            #expect(marks.contains { $0.touchpoint.score == highest })
            for column in band.firstColumn..<band.firstColumn + band.columns {
                let inColumn = marks.filter { $0.column == column }
                #expect(inColumn.filter(\.touchpoint.isPainPoint).count == 1)
                #expect(inColumn.filter { $0.touchpoint.score > 0 }.count == 1)
                let left = Double(column) * JourneyChart.columnWidth
                #expect(inColumn.allSatisfy { left <= $0.x && $0.x < left + JourneyChart.columnWidth })
            }
        }
    }

    @Test func theCondensedCurveKeepsEveryHighAndLow() throws {
        let journey = GeneratedJourney.make(touchpoints: 5_000, stages: 3)
        let layout = JourneyChart.layout(of: journey)
        #expect(layout.ranges.count == 3)
        for (range, stage) in zip(layout.ranges, journey.stages) {
            let scores = stage.touchpoints.map(\.score)
            #expect(range.map(\.highest.score).max() == scores.max())
            #expect(range.map(\.lowest.score).min() == scores.min())
            #expect(range.allSatisfy { $0.lowest.score <= $0.mean.score && $0.mean.score <= $0.highest.score })
        }
        let edges = layout.ranges.joined().flatMap { [$0.lowest, $0.highest] }
        for mark in layout.marks {
            #expect(edges.contains { $0.x == mark.x && $0.score == mark.touchpoint.score }, "\(mark.touchpoint.name)")
        }
        // The curve's x grows strictly, as a monotone curve needs.
        #expect(zip(layout.points, layout.points.dropFirst()).allSatisfy { $0.x < $1.x })
        #expect(layout.points.count == layout.ranges.joined().count)
    }
}
