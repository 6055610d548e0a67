import Foundation
import Glibc
import JourneyTestSupport
import Testing

/// What the commands that write a file do to what is already there: devices, FIFOs, standard
/// output, permissions, links, files of the default name, and temporary files of killed runs.
@Suite("output files")
struct OutputFileTests {
    private var dressmate: String {
        Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
    }

    private func attributes(_ url: URL) throws -> [FileAttributeKey: Any] {
        try FileManager.default.attributesOfItem(atPath: url.path)
    }

    @Test("-o /dev/null writes into the device and leaves it a device")
    func devNull() throws {
        for arguments in [
            ["render", "-o", "/dev/null", dressmate], ["report", "-o", "/dev/null", dressmate],
            ["export", "--format", "xml", "-o", "/dev/null", dressmate],
        ] {
            let result = try runJourney(arguments)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr == "", "\(result)")
        }
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial)
    }

    @Test("-o /dev/stdout writes the chart to standard output, as -o - does, and nothing else")
    func devStdout() throws {
        let dash = try runJourney(["render", "-o", "-", dressmate])
        let named = try runJourney(["render", "-o", "/dev/stdout", dressmate])
        #expect(named.status == 0, "\(named)")
        #expect(named.stderr == "", "\(named)")
        #expect(named.stdout == dash.stdout)
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/stdout")[.type] as? FileAttributeType
        #expect(type == .typeSymbolicLink)
    }

    @Test("-o FIFO writes into the FIFO for the reader at its other end")
    func fifo() throws {
        try withTemporaryDirectory { folder in
            let fifo = folder.appendingPathComponent("chart.svg")
            let made = try runExecutable(URL(fileURLWithPath: "/usr/bin/mkfifo"), [fifo.path])
            try #require(made.status == 0, "\(made)")
            let received = folder.appendingPathComponent("received.svg")
            let reader = try FIFOReader(fifo: fifo.path, into: received)
            defer { reader.stop() }

            let result = try runJourney(["render", "-o", "chart.svg", dressmate], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")

            #expect(reader.sawTheEnd(), "the reader never saw the end of the FIFO: the FIFO was replaced")
            let expected = try runJourney(["render", "-o", "-", dressmate]).stdout
            #expect(try String(contentsOf: received, encoding: .utf8) == expected)
            #expect(try attributes(fifo)[.type] as? FileAttributeType != .typeRegular)
            #expect(try contents(of: folder) == ["chart.svg", "received.svg"])
        }
    }

    @Test("a new file gets the permissions the umask leaves; a replaced one keeps its own")
    func permissions() throws {
        try withTemporaryDirectory { folder in
            let journey = try JourneyBinary.url().path
            let made = try runExecutable(
                URL(fileURLWithPath: "/bin/sh"),
                ["-c", "umask 077 && exec \"$0\" \"$@\"", journey, "render", "-o", "new.svg", dressmate],
                currentDirectory: folder)
            #expect(made.status == 0, "\(made)")
            #expect(try attributes(folder.appendingPathComponent("new.svg"))[.posixPermissions] as? Int == 0o600)

            let shared = try folder.writing("old", to: "shared.svg")
            try FileManager.default.setAttributes([.posixPermissions: 0o664], ofItemAtPath: shared.path)
            let replaced = try runJourney(["render", "-o", "shared.svg", dressmate], currentDirectory: folder)
            #expect(replaced.status == 0, "\(replaced)")
            #expect(try attributes(shared)[.posixPermissions] as? Int == 0o664)
            #expect(try String(contentsOf: shared, encoding: .utf8).hasPrefix("<?xml"))
        }
    }

    @Test("funnel --apply on a symbolic link writes the file it names; the link stays a link")
    func applyThroughALink() throws {
        try withTemporaryDirectory { folder in
            let real = folder.appendingPathComponent("journeys")
            try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
            try real.writing(FunnelCommandTests.journey, to: "shop.journey")
            try folder.writing(FunnelCommandTests.events, to: "events.csv")
            let link = folder.appendingPathComponent("shop.journey")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "journeys/shop.journey")

            let result = try runJourney(
                ["funnel", "shop.journey", "--events", "events.csv", "--apply"], currentDirectory: folder)

            #expect(result.status == 0, "\(result)")
            #expect(try attributes(link)[.type] as? FileAttributeType == .typeSymbolicLink)
            let updated = try String(contentsOf: real.appendingPathComponent("shop.journey"), encoding: .utf8)
            #expect(updated.contains("  reach 4   # a guess\n"))
            #expect(try contents(of: folder) == ["events.csv", "journeys", "shop.journey"])
            #expect(try contents(of: real) == ["shop.journey"])
        }
    }

    @Test(
        "without -o, an existing file of the default name is kept unless --force is given",
        arguments: [
            (["render"], "dressmate.svg"), (["report"], "dressmate.html"),
            (["export", "--format", "json"], "dressmate.json"),
        ])
    func defaultNameIsNotReplaced(_ command: [String], _ name: String) throws {
        try withTemporaryDirectory { folder in
            let mine = try folder.writing("my own file\n", to: name)
            let refused = try runJourney(command + [dressmate], currentDirectory: folder)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stdout == "")
            #expect(
                refused.stderr == """
                    journey: error: '\(name)' already exists
                      = help: name the file to write with -o, or replace this one with --force

                    """)
            #expect(try String(contentsOf: mine, encoding: .utf8) == "my own file\n")

            let forced = try runJourney(command + ["--force", dressmate], currentDirectory: folder)
            #expect(forced.status == 0, "\(forced)")
            #expect(forced.stdout.hasPrefix("Wrote \(name) ("))
            #expect(try String(contentsOf: mine, encoding: .utf8) != "my own file\n")

            // A file named with -o is the user's choice, and is replaced.
            try folder.writing("my own file\n", to: name)
            let named = try runJourney(command + ["-o", name, dressmate], currentDirectory: folder)
            #expect(named.status == 0, "\(named)")
            #expect(try String(contentsOf: mine, encoding: .utf8) != "my own file\n")
            #expect(try contents(of: folder) == [name])
        }
    }

    @Test("a temporary file that a killed run left beside the output is removed by the next run")
    func staleTemporaryFile() throws {
        try withTemporaryDirectory { folder in
            let stale = try folder.writing("", to: ".journey-tmp-Kill3d")
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: stale.path)
            let result = try runJourney(["render", "-o", "chart.svg", dressmate], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(try contents(of: folder) == ["chart.svg"])
        }
    }

    @Test("a reader that stops early ends journey quietly, as it ends cat: no message, no file left")
    func aClosedPipeEndsTheRunQuietly() throws {
        try withTemporaryDirectory { folder in
            // 3,000 mistakes: about 700 KB of JSON, more than a pipe holds.
            try folder.writing(
                "journey \"J\"\nstage A\n" + String(repeating: "  reech 10\n", count: 3_000), to: "many.journey")
            let result = try runExecutable(
                URL(fileURLWithPath: "/bin/bash"),
                [
                    "-c", #""$0" check --format json many.journey | head -c 1 > /dev/null; echo "${PIPESTATUS[0]}""#,
                    try JourneyBinary.url().path,
                ],
                currentDirectory: folder)
            // 128 + SIGPIPE (13): ended by the signal, as cat, grep or git are.
            #expect(result.stdout == "141\n", "\(result)")
            #expect(result.stderr.isEmpty, "\(result)")
            #expect(try contents(of: folder) == ["many.journey"])
        }
    }
}
