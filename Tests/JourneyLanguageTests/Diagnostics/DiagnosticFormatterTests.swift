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
}
