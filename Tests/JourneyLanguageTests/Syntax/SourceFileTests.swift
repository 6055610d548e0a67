import Testing

@testable import JourneyLanguage

@Suite struct SourceFileTests {
    @Test func splitsLinesOnLFAndCRLF() {
        let file = SourceFile(name: "x", text: "a\r\nb\nc\r\n")
        #expect(file.lines == ["a", "b", "c"])
    }

    @Test func keepsATrailingEmptyLineOnlyWhenThereIsNoFinalNewline() {
        #expect(SourceFile(name: "x", text: "a\n\n").lines == ["a", ""])
        #expect(SourceFile(name: "x", text: "").lines == [""])
    }

    @Test func dropsALeadingByteOrderMark() {
        let file = SourceFile(name: "x", bytes: [0xEF, 0xBB, 0xBF] + Array("journey A\n".utf8))
        #expect(file.lines == ["journey A"])
        #expect(file.decodingDiagnostics.isEmpty)
    }

    @Test func reportsEachLineWithInvalidUTF8() {
        let bytes: [UInt8] = Array("ok\n".utf8) + [0x61, 0xC3] + Array("\nfine\n".utf8) + [0xFF]
        let file = SourceFile(name: "x", bytes: bytes)
        #expect(
            file.decodingDiagnostics.map(\.location) == [
                SourceLocation(line: 2, column: 2), SourceLocation(line: 4, column: 1),
            ])
        #expect(file.lines[1] == "a\u{FFFD}")
    }

    @Test func lineLooksUpOneBasedLinesSafely() {
        let file = SourceFile(name: "x", text: "one\ntwo")
        #expect(file.line(2) == "two")
        #expect(file.line(3) == "")
        #expect(file.line(0) == "")
    }
}
