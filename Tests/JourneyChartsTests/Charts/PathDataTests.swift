import JourneyTestSupport
import Testing

@testable import JourneyCharts
@testable import JourneyXML

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

    @Test func decimalsAreReadAsDoubleReadsThem() {
        var random = SplitMix64(seed: 3)
        var texts = [
            "0", "-0", "5", ".5", "5.", "-12.34", "0.01", "999999999999999", "12345678901234.5", "0.000000000000001",
        ]
        for _ in 0..<20_000 {
            texts.append(XMLWriter.format(Double.random(in: -5_000...5_000, using: &random)))
            texts.append(String(Double.random(in: -1e6...1e6, using: &random)))
        }
        for text in texts {
            let read = PathData.decimal(text.utf8)
            #expect(read == nil || read == Double(text), "\(text)")
            #expect(read?.sign == Double(text)?.sign || read == nil, "\(text)")
        }
        #expect(PathData.decimal("12.34".utf8) == 12.34)
        for text in ["", "-", ".", "1e5", "1-2", "1.2.3", "--1", "1234567890123456", "+1", "inf"] {
            #expect(PathData.decimal(text.utf8) == nil, "\(text)")
        }
    }

    @Test func textJoinsEachLetterToItsFirstNumber() {
        var path = PathData()
        path.move(to: .init(x: 0, y: -0.004))
        path.line(to: .init(x: 10.125, y: 5))
        path.curve(.init(x: 1, y: 2), .init(x: 3, y: 4), .init(x: 5.5, y: -6.25))
        path.close()
        #expect(path.text == "M0 0 L10.13 5 C1 2 3 4 5.5 -6.25 Z")
        #expect(PathData().text == "")
    }

    @Test func piecesNoWiderThanTheStrokeAreStraightLines() {
        let curve = MonotoneCurve(points: [
            .init(x: 0, y: 0), .init(x: 2.5, y: 5), .init(x: 5, y: 0), .init(x: 15, y: 5),
        ])
        var path = PathData()
        path.append(curve, moving: true, straightWithin: 2.5)
        #expect(path.text.hasPrefix("M0 0 L2.5 5 L5 0 C"))
        var curved = PathData()
        curved.append(curve, moving: true)
        #expect(curved.text.hasPrefix("M0 0 C"))
        #expect(!curved.text.contains("L"))
    }
}
