import Testing

@testable import JourneyLanguage

/// After `JourneyParser.maximumErrors` errors the rest of the file is not read.
@Suite struct ErrorLimitTests {
    /// A journey line, a stage, then `badLines` lines of one unknown keyword each, then `tail`.
    static func file(badLines: Int, tail: String = "") -> SourceFile {
        SourceFile(
            name: "bad.journey",
            text: "journey \"J\"\nstage A\n" + String(repeating: "word word word\n", count: badLines) + tail)
    }

    @Test func theParserStopsAtTheLimitAndSaysWhere() throws {
        let checked = JourneyChecker.check(Self.file(badLines: 1_500, tail: "  touchpoint \"\u{7}\" +1\n"))
        let limit = JourneyParser.maximumErrors
        #expect(checked.diagnostics.count == limit + 1)
        #expect(checked.diagnostics.dropLast().allSatisfy { $0.code == "unknown-keyword" })
        let stop = try #require(checked.diagnostics.last)
        #expect(stop.code == "too-many-errors")
        #expect(stop.severity == .error)
        #expect(stop.location == SourceLocation(line: limit + 3, column: 1))
        #expect(stop.message == "stopped after 1,000 errors: line 1003 and the lines after it were not checked")
        #expect(checked.checkedLines == limit + 2)
        // Nothing from the lines not read: neither the control character of the last line nor
        // the funnel's warning that stage A has no touchpoint.
        #expect(!checked.diagnostics.contains { $0.code == "control-character" || $0.severity == .warning })
    }

    @Test func exactlyTheLimitAtTheEndOfTheFileIsNotCut() {
        let checked = JourneyChecker.check(Self.file(badLines: JourneyParser.maximumErrors))
        #expect(checked.checkedLines == nil)
        #expect(checked.diagnostics.filter { $0.code == "unknown-keyword" }.count == JourneyParser.maximumErrors)
        #expect(!checked.diagnostics.contains { $0.code == "too-many-errors" })
    }

    @Test func underTheLimitTheLinesAfterAreReadAndTheFunnelChecked() {
        let checked = JourneyChecker.check(Self.file(badLines: JourneyParser.maximumErrors - 1, tail: "stage B\n"))
        #expect(checked.checkedLines == nil)
        #expect(checked.journey.stages.map(\.name) == ["A", "B"])
        #expect(checked.diagnostics.contains { $0.severity == .warning && $0.message == "stage 'B' has no touchpoint" })
    }

    @Test func warningsDoNotCount() {
        // 1,200 names holding a right-to-left override only warn: they do not stop the parser.
        let warnings = String(repeating: "  touchpoint \"T\u{202E}\" +1\n", count: 1_200)
        let checked = JourneyChecker.check(SourceFile(name: "w.journey", text: "journey \"J\"\nstage A\n" + warnings))
        #expect(checked.checkedLines == nil)
        #expect(checked.diagnostics.filter { $0.code == "bidi-control" }.count == 1_200)
        #expect(!checked.hasErrors)
    }
}
