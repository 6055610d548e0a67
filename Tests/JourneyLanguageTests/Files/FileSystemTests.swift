import Foundation
import Testing

@testable import JourneyLanguage

@Suite struct FileSystemTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("journey-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesAndReadsBack() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.journey").path
        try FileSystem.write(Array("journey A\n".utf8), to: path, replacing: false)
        #expect(try FileSystem.read(path) == Array("journey A\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.journey"])
    }

    @Test func neverReplacesAnExistingFileUnlessAsked() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.journey").path
        try FileSystem.write(Array("first".utf8), to: path, replacing: false)
        #expect(throws: FileError(.alreadyExists, path: path, reason: "File exists")) {
            try FileSystem.write(Array("second".utf8), to: path, replacing: false)
        }
        #expect(try FileSystem.read(path) == Array("first".utf8))
        try FileSystem.write(Array("third".utf8), to: path, replacing: true)
        #expect(try FileSystem.read(path) == Array("third".utf8))
        // No temporary file is left behind either way.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.journey"])
    }

    @Test func readingAMissingFileNamesIt() {
        #expect(throws: FileError(.cannotRead, path: "/nonexistent/x.journey", reason: "No such file or directory")) {
            try FileSystem.read("/nonexistent/x.journey")
        }
    }

    @Test func writingIntoAMissingFolderFailsCleanly() {
        #expect(throws: FileError.self) {
            try FileSystem.write([1], to: "/nonexistent-folder/x.journey", replacing: false)
        }
    }
}
