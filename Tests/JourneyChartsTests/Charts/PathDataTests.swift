import Testing

@testable import JourneyCharts

@Suite struct PathDataTests {
    @Test func offsetMovesEveryPointAndKeepsTheCommands() {
        #expect(
            PathData.offset("M1 2 C3.5 4 5 6 7 8 L-1 -2.25 Z", dx: 10, dy: 20)
                == "M11 22 C13.5 24 15 26 17 28 L9 17.75 Z")
        // Runs of spaces become one; each command letter starts a point again.
        #expect(PathData.offset("M0  0 Z M1 1", dx: 0.5, dy: -1) == "M0.5 -1 Z M1.5 0")
        #expect(PathData.offset("M1 2", dx: 0, dy: 0) == "M1 2")
    }

    @Test func offsetReadsTextThatIsNotASCIIByCharacters() {
        #expect(PathData.offset("M1 2 é 3 4", dx: 10, dy: 20) == "M11 22 é 13 24")
        // A combining mark joins the space before it into one Character: no split there.
        #expect(PathData.offset("M1 2 \u{301}3 4", dx: 10, dy: 20) == "M11 2 \u{301}3 24")
    }
}
