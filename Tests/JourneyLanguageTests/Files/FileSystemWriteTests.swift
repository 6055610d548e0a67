import Foundation
import Glibc
import JourneyTestSupport
import Testing

@testable import JourneyLanguage

/// What `FileSystem.write` does to what is already at the destination: devices and FIFOs,
/// permissions, symbolic and hard links, and temporary files left by killed writers.
@Suite struct FileSystemWriteTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("journey-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func type(_ path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    private func permissions(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    /// Runs a system tool such as `mkfifo` and requires that it succeeds.
    private func runTool(_ path: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(path) \(arguments) failed")
    }

    @Test func writesIntoAFIFOInsteadOfReplacingIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("chart.svg").path
        try runTool("/usr/bin/mkfifo", [fifo])
        // A reader at the other end, as `journey render -o fifo` meets it in a shell.
        let received = folder.appendingPathComponent("received")
        let reader = try FIFOReader(fifo: fifo, into: received)
        defer { reader.stop() }

        try FileSystem.write(Array("<svg/>\n".utf8), to: fifo, replacing: true)

        #expect(reader.sawTheEnd(), "the reader never saw the end of the FIFO: the FIFO was replaced")
        #expect(try Data(contentsOf: received) == Data("<svg/>\n".utf8))
        #expect(try type(fifo) != .typeRegular, "the FIFO was replaced by a regular file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["chart.svg", "received"])
    }

    @Test(.enabled(if: getuid() == 0, "creating a device node with mknod needs root"))
    func writesIntoACharacterDeviceInsteadOfReplacingIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A second null device (major 1, minor 3), in a folder of the test's own.
        let device = folder.appendingPathComponent("null").path
        try runTool("/usr/bin/mknod", [device, "c", "1", "3"])
        try FileSystem.write(Array("journey A\n".utf8), to: device, replacing: true)
        try FileSystem.write(Array("journey A\n".utf8), to: device, replacing: false)
        #expect(try type(device) == .typeCharacterSpecial)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["null"])
    }

    @Test func writesIntoDevNull() throws {
        try FileSystem.write(Array("journey A\n".utf8), to: "/dev/null", replacing: true)
        try FileSystem.write(Array("journey A\n".utf8), to: "/dev/null", replacing: false)
        #expect(try type("/dev/null") == .typeCharacterSpecial)
    }

    @Test(arguments: [0o600, 0o640, 0o755])
    func keepsThePermissionsOfTheFileItReplaces(_ mode: Int) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.journey").path
        try FileSystem.write(Array("first".utf8), to: path, replacing: false)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        try FileSystem.write(Array("second".utf8), to: path, replacing: true)
        #expect(try permissions(path) == mode)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("second".utf8))
    }

    @Test func writesThroughASymbolicLinkWhichStaysALink() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        let target = real.appendingPathComponent("a.journey").path
        try Data("first".utf8).write(to: URL(fileURLWithPath: target))
        let link = folder.appendingPathComponent("link.journey").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/a.journey")

        try FileSystem.write(Array("second".utf8), to: link, replacing: true)

        #expect(try type(link) == .typeSymbolicLink)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/a.journey")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data("second".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: real.path) == ["a.journey"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link.journey", "real"])
    }

    @Test func aDanglingLinkIsFollowedWhenReplacingAndRefusedOtherwise() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("link.svg").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "chart.svg")
        #expect(throws: FileError(.alreadyExists, path: link, reason: "File exists")) {
            try FileSystem.write(Array("<svg/>".utf8), to: link, replacing: false)
        }
        try FileSystem.write(Array("<svg/>".utf8), to: link, replacing: true)
        #expect(try type(link) == .typeSymbolicLink)
        #expect(try Data(contentsOf: folder.appendingPathComponent("chart.svg")) == Data("<svg/>".utf8))
    }

    @Test func aLoopOfLinksIsAClearError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.svg").path
        try FileManager.default.createSymbolicLink(atPath: first, withDestinationPath: "b.svg")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("b.svg").path, withDestinationPath: "a.svg")
        #expect(throws: FileError(.cannotWrite, path: first, reason: "Too many levels of symbolic links")) {
            try FileSystem.write(Array("<svg/>".utf8), to: first, replacing: true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.svg", "b.svg"])
    }

    @Test func aFolderIsNeverReplaced() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let taken = folder.appendingPathComponent("out.svg").path
        try FileManager.default.createDirectory(atPath: taken, withIntermediateDirectories: false)
        #expect(throws: FileError(.cannotWrite, path: taken, reason: "Is a directory")) {
            try FileSystem.write(Array("<svg/>".utf8), to: taken, replacing: true)
        }
        #expect(throws: FileError(.alreadyExists, path: taken, reason: "File exists")) {
            try FileSystem.write(Array("<svg/>".utf8), to: taken, replacing: false)
        }
        #expect(try type(taken) == .typeDirectory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.svg"])
    }

    /// The documented choice: the name gets a new file, written whole; other hard links keep the old one.
    @Test func anotherHardLinkKeepsTheOldContent() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.journey").path
        let other = folder.appendingPathComponent("b.journey").path
        try FileSystem.write(Array("first".utf8), to: path, replacing: false)
        try FileManager.default.linkItem(atPath: path, toPath: other)
        try FileSystem.write(Array("second".utf8), to: path, replacing: true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("second".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == Data("first".utf8))
    }

    @Test func aTemporaryFileThatAKilledWriterLeftIsRemoved() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // What a writer killed between creating its temporary file and renaming it leaves.
        let stale = folder.appendingPathComponent(".journey-tmp-dead01").path
        _ = FileManager.default.createFile(atPath: stale, contents: nil)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: stale)

        try FileSystem.write(Array("<svg/>".utf8), to: folder.appendingPathComponent("a.svg").path, replacing: true)

        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.svg"])
    }

    @Test func aTemporaryFileThatALiveWriterHoldsIsKept() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Locked as a writer locks its own: this process is alive, so the file stays.
        let held = folder.appendingPathComponent(".journey-tmp-live01").path
        _ = FileManager.default.createFile(atPath: held, contents: nil)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: held)
        let handle = try #require(FileHandle(forReadingAtPath: held))
        defer { try? handle.close() }
        try #require(flock(handle.fileDescriptor, LOCK_EX) == 0)
        // Just created and not yet locked: its writer is about to lock it.
        let young = folder.appendingPathComponent(".journey-tmp-young1").path
        _ = FileManager.default.createFile(atPath: young, contents: nil)

        try FileSystem.write(Array("<svg/>".utf8), to: folder.appendingPathComponent("a.svg").path, replacing: true)

        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                == [".journey-tmp-live01", ".journey-tmp-young1", "a.svg"])
    }
}
