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
        #expect(try FileSystem.read(path, limit: .journey) == Array("journey A\n".utf8))
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
        #expect(try FileSystem.read(path, limit: .journey) == Array("first".utf8))
        try FileSystem.write(Array("third".utf8), to: path, replacing: true)
        #expect(try FileSystem.read(path, limit: .journey) == Array("third".utf8))
        // No temporary file is left behind either way.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.journey"])
    }

    @Test func readingAMissingFileNamesIt() {
        #expect(throws: FileError(.cannotRead, path: "/nonexistent/x.journey", reason: "No such file or directory")) {
            try FileSystem.read("/nonexistent/x.journey", limit: .journey)
        }
    }

    @Test func writingIntoAMissingFolderFailsCleanly() {
        #expect(throws: FileError.self) {
            try FileSystem.write([1], to: "/nonexistent-folder/x.journey", replacing: false)
        }
    }

    @Test func readsUpToItsLimitAndRefusesMore() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let limit = InputLimit(what: "a test file", bytes: 10, help: "use a smaller one")
        let path = folder.appendingPathComponent("a.journey").path
        try FileSystem.write(Array("0123456789".utf8), to: path, replacing: false)
        #expect(try FileSystem.read(path, limit: limit) == Array("0123456789".utf8))
        try FileSystem.write(Array("0123456789A".utf8), to: path, replacing: true)
        #expect(throws: FileError(.tooLarge(limit), path: path, reason: "")) {
            try FileSystem.read(path, limit: limit)
        }
    }

    @Test func anEndlessStreamIsReadOnlyToItsLimit() {
        let limit = InputLimit(what: "a test file", bytes: 3 * InputLimit.mebibyte + 5, help: "use a smaller one")
        #expect(throws: FileError(.tooLarge(limit), path: "/dev/zero", reason: "")) {
            try FileSystem.read("/dev/zero", limit: limit)
        }
        #expect(limit.shownSize == "3145733 bytes")
        #expect(InputLimit.journey.shownSize == "64 MiB")
    }

    @Test func aFileTooLargeSaysItsLimitAndWhatToDo() {
        let error = FileError(.tooLarge(.theme), path: "brand.json", reason: "")
        #expect(error.description == "'brand.json' is larger than 1 MiB, the most journey reads of a theme file")
        #expect(error.help == InputLimit.theme.help)
    }
}
