import Foundation
import Testing

@testable import JourneyLanguage

/// A file that should be text and holds a NUL byte is refused at that byte.
@Suite struct TextContentTests {
    @Test(
        "the first NUL byte is placed at its line and column in scalars",
        arguments: [
            (Array("journey \"A\"\n".utf8), nil),
            ([0x00], SourceRange(line: 1, column: 1)),
            (Array("\u{7F}ELF".utf8) + [0x02, 0x00], SourceRange(line: 1, column: 6)),
            (Array("a\nbé\r\n".utf8) + [0x00], SourceRange(line: 3, column: 1)),
            (Array("a\nbé".utf8) + [0x00], SourceRange(line: 2, column: 3)),
            // A byte order mark is not a column, as `SourceFile` drops it; invalid UTF-8 is one.
            ([0xEF, 0xBB, 0xBF, 0x61, 0x00], SourceRange(line: 1, column: 2)),
            ([0x89, 0x50, 0x00], SourceRange(line: 1, column: 3)),
            // UTF-16: every ASCII character comes with a NUL byte.
            ([0xFF, 0xFE, 0x6A, 0x00], SourceRange(line: 1, column: 4)),
        ] as [([UInt8], SourceRange?)])
    func firstNULByte(_ bytes: [UInt8], _ expected: SourceRange?) {
        #expect(TextContent.firstNULByte(in: bytes) == expected)
    }

    @Test func readingBinaryAsTextIsRefusedAtItsNULByte() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journey-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.journey").path
        try FileSystem.write([0x61, 0x0A, 0x62, 0x00], to: path, replacing: false)
        let error = FileError(.notText(SourceRange(line: 2, column: 2)), path: path, reason: "")
        #expect(throws: error) { try FileSystem.read(path, limit: .journey) }
        #expect(error.description == "'\(path)' is not a text file: it holds a NUL byte at line 2, column 2")
        #expect(Diagnostic.unreadable(error).code == "not-text-file")
        #expect(Diagnostic.unreadable(error).location == SourceLocation(line: 2, column: 2))
        // What may be UTF-16 XML is read as it is.
        #expect(try FileSystem.read(path, limit: .xmlDocument) == [0x61, 0x0A, 0x62, 0x00])
        #expect(try FileSystem.read(path, limit: .interchange) == [0x61, 0x0A, 0x62, 0x00])
    }
}
