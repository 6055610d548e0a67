import JourneyTestSupport
import Testing

@testable import JourneyLanguage

@Suite struct DiagnosticFormatterTests {
    private func render(_ source: String, colors: Bool = false) -> String {
        let file = SourceFile(name: "shop.journey", text: source)
        let diagnostics = JourneyChecker.check(file).diagnostics
        return diagnostics.map { DiagnosticFormatter(usesColor: colors).format($0, in: file) }.joined()
    }

    @Test func compilerStyleBlockWithCaretAndHelp() {
        let output = render(
            """
            journey "Shop"
            channel instagram paid
            stage A
              touchpoint "Sees a reel" +2 via instagam
            """)
        #expect(
            output == """
                shop.journey:4:35: error: channel 'instagam' is not declared
                 4 |   touchpoint "Sees a reel" +2 via instagam
                   |                                   ^~~~~~~~
                   = help: did you mean 'instagram'?

                """)
    }

    @Test func caretAlignsAfterAccentsTabsAndWideCharacters() {
        let output = render("journey \"Shop\"\nchannel site owned\nstage A\n\ttouchpoint \"日本 café\" +9 via site\n")
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        // "\t" stays a tab; each CJK character takes two cells; "é" takes one.
        #expect(lines[2] == "   | \t" + String(repeating: " ", count: 23) + "^~")
        #expect(output.hasPrefix("shop.journey:4:23: error: the score +9 is outside the scale -5..5"))
    }

    @Test func aLongLineIsShownAroundTheCaretOnly() {
        // 10,000 characters, the diagnostic on the 5,001st and 5,002nd: 60 characters either side.
        let line = String(repeating: "a", count: 5_000) + "XY" + String(repeating: "b", count: 4_998)
        let diagnostic = Diagnostic.error("test", "here", at: SourceRange(line: 1, column: 5_001, length: 2))
        let output = DiagnosticFormatter().format(diagnostic, fileName: "long.svg", sourceLine: Substring(line))
        #expect(
            output == """
                long.svg:1:5001: error: here
                 1 | …\(String(repeating: "a", count: 60))XY\(String(repeating: "b", count: 60))…
                   | \(String(repeating: " ", count: 61))^~

                """)
    }

    @Test func aLineOfAtMost1KBIsShownWhole() {
        let line = String(repeating: "a", count: 1_000) + "XY"
        let diagnostic = Diagnostic.error("test", "here", at: SourceRange(line: 1, column: 1_001, length: 2))
        let output = DiagnosticFormatter().format(diagnostic, fileName: "f", sourceLine: Substring(line))
        #expect(output.contains(" 1 | \(line)\n"))
    }

    @Test func gutterWidensWithTheLineNumber() {
        let source = "journey \"Shop\"\n" + String(repeating: "\n", count: 120) + "stgae A\n"
        let lines = render(source).split(separator: "\n")
        #expect(lines[1] == " 122 | stgae A")
        #expect(lines[2] == "     | ^~~~~")
        #expect(lines[3].hasPrefix("     = help:"))
    }

    @Test func colourOnlyWhenAsked() {
        let source = "journey \"Shop\"\nstgae A\n"
        #expect(!render(source).contains("\u{1B}["))
        #expect(render(source, colors: true).contains("\u{1B}[31m"))
    }

    @Test func aDiagnosticAboutTheWholeFileHasNoSourceLine() {
        let error = FileError(.cannotWrite, path: "/full", reason: "No space left on device")
        let text = DiagnosticFormatter(usesColor: false).format(
            .cannotSpill(error), fileName: "events.csv", sourceLine: nil)
        #expect(
            text == "events.csv:1:1: error: cannot keep the funnel events in a temporary file in '/full': "
                + "No space left on device\n  = help: free some space there, set TMPDIR to a folder with room, "
                + "or raise --event-memory so that the events stay in memory\n")
        // A known line, even an empty one, keeps its gutter and caret.
        let empty = DiagnosticFormatter(usesColor: false).format(
            .cannotSpill(error), fileName: "events.csv", sourceLine: "")
        #expect(empty.contains(" 1 |\n   | ^\n"))
    }

    @Test func summaries() {
        #expect(DiagnosticFormatter.summary(errors: 0, warnings: 0) == nil)
        #expect(DiagnosticFormatter.summary(errors: 1, warnings: 0) == "1 error")
        #expect(DiagnosticFormatter.summary(errors: 0, warnings: 2) == "2 warnings")
        #expect(DiagnosticFormatter.summary(errors: 2, warnings: 1) == "2 errors and 1 warning")
    }

    // MARK: - Text from the file, made safe for a terminal

    @Test func controlAndBidirectionalCharactersAreShownEscapedWithTheCaretUnderTheRightColumn() throws {
        let output = render(
            "journey \"Shop\"\nchannel site owned\nstage A\n  touchpoint \"a\u{202E}b\u{1B}[2J\" +9 via site\n")
        #expect(!output.contains("\u{1B}"), "no raw escape reaches the terminal")
        #expect(!output.contains("\u{202E}"), "no raw override reaches the terminal")
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        // The warning at the override, the error at the escape (XML cannot carry it), and the
        // error at the score, each under its own column.
        #expect(lines[0].hasPrefix("shop.journey:4:16: warning: the invisible bidirectional control U+202E"))
        let shownLine = #"  touchpoint "a\u{202E}b\u{1B}[2J" +9 via site"#
        #expect(lines[1] == " 4 | " + shownLine)
        #expect(lines[2] == "   | " + String(repeating: " ", count: 15) + "^~~~~~~~")
        let error = try #require(
            lines.firstIndex { $0.hasPrefix("shop.journey:4:") && $0.contains("outside the scale") })
        #expect(lines[error + 1] == " 4 | " + shownLine)
        let beforeScore = #"  touchpoint "a\u{202E}b\u{1B}[2J" "#
        #expect(lines[error + 2] == "   | " + String(repeating: " ", count: beforeScore.count) + "^~")
    }

    @Test func aLongLineIsShownAsAWindowAroundTheCaret() throws {
        let filler = String(repeating: "x", count: 100_000)
        let output = render("journey \"Shop\"\nchannel site owned\nstage A\n  touchpoint \"\(filler)\" +9 via site\n")
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(output.utf8.count < 2_000, "the line is not echoed whole: \(output.utf8.count) bytes")
        #expect(lines[1].hasPrefix(" 4 | …"))
        #expect(lines[1].hasSuffix("\" +9 via site"))
        let caretColumn = try #require(lines[2].firstIndex(of: "^"))
        let scoreColumn = try #require(lines[1].firstIndex(of: "+"))
        #expect(
            lines[2].distance(from: lines[2].startIndex, to: caretColumn)
                == lines[1].distance(from: lines[1].startIndex, to: scoreColumn))
    }

    @Test func aLongMessageIsCut() throws {
        let name = String(repeating: "n", count: 5_000)
        let output = render("journey \"Shop\"\nstage A\n  touchpoint \"x\" +1 via \(name)\n")
        let first = try #require(output.split(separator: "\n").first)
        #expect(first.count < DiagnosticFormatter.longestMessage + 100)
        #expect(first.hasSuffix("…"))
    }
}
