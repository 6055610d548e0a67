import Foundation
import Glibc
import JourneyTestSupport
import Testing

/// The most bytes journey reads of a journey, theme, template or file to import or validate:
/// an endless stream is refused with its limit, in bounded memory, never read to its end.
///
/// The commands run with their virtual memory limited to 2 GB (`ulimit -v`), so that a command
/// that read without a bound would fail here rather than fill the machine's memory.
@Suite("input size limits")
struct InputLimitTests {
    private var dressmate: String {
        Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
    }

    /// Runs `journey` with `arguments` and at most 2 GB of virtual memory.
    private func runBounded(_ arguments: [String], currentDirectory: URL? = nil) throws -> RunResult {
        let journey = try JourneyBinary.url().path
        return try runExecutable(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "ulimit -v 2000000 && exec \"$0\" \"$@\"", journey] + arguments,
            currentDirectory: currentDirectory)
    }

    @Test(
        "an endless input is refused with its limit and what to do, exit 1",
        arguments: [
            (
                ["check", "/dev/zero"],
                "journey: error: '/dev/zero' is larger than 64 MiB, the most journey reads of a journey file\n"
                    + "  = help: check that this is the journey you meant; split a larger journey into several files\n"
                    + "1 error\n"
            ),
            (
                ["metrics", "/dev/zero"],
                "journey: error: '/dev/zero' is larger than 64 MiB, the most journey reads of a journey file\n"
                    + "  = help: check that this is the journey you meant; split a larger journey into several files\n"
            ),
            (
                ["import", "--format", "xml", "-o", "-", "/dev/zero"],
                "journey: error: '/dev/zero' is larger than 256 MiB, the most journey reads of a file to import\n"
                    + "  = help: check that this is the export you meant; split a larger journey into several files\n"
            ),
            (
                ["validate", "/dev/zero"],
                "journey: error: '/dev/zero' is larger than 256 MiB, the most journey reads of an XML file\n"
                    + "  = help: check that this is the file you meant; journey validates files of up to this size\n"
                    + "1 error\n"
            ),
        ])
    func endlessInput(_ arguments: [String], _ expected: String) throws {
        let result = try runBounded(arguments)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr == expected)
    }

    @Test("an endless theme or report template is refused with its limit")
    func endlessThemeAndTemplate() throws {
        try withTemporaryDirectory { folder in
            let theme = try runBounded(["render", "--theme", "/dev/zero", "-o", "-", dressmate])
            #expect(theme.status == 1, "\(theme)")
            #expect(
                theme.stderr
                    == "journey: error: '/dev/zero' is larger than 1 MiB, the most journey reads of a theme file\n"
                    + "  = help: check that this is the JSON theme you meant (a theme is a few colours and sizes)\n")
            let template = try runBounded(["report", "--template", "/dev/zero", "-o", "-", dressmate])
            #expect(template.status == 1, "\(template)")
            #expect(
                template.stderr
                    == "journey: error: '/dev/zero' is larger than 16 MiB, the most journey reads of a report template\n"
                    + "  = help: check that this is the template you meant; link large images instead of inlining them\n"
            )
            #expect(try contents(of: folder) == [])
        }
    }

    @Test("a FIFO that never ends is refused like /dev/zero")
    func endlessFIFO() throws {
        try withTemporaryDirectory { folder in
            let fifo = folder.appendingPathComponent("shop.journey")
            let made = try runExecutable(URL(fileURLWithPath: "/usr/bin/mkfifo"), [fifo.path])
            try #require(made.status == 0, "\(made)")
            let writer = Process()
            writer.executableURL = URL(fileURLWithPath: "/bin/sh")
            writer.arguments = ["-c", "exec cat /dev/zero > \"$0\"", fifo.path]
            try writer.run()
            defer {
                if writer.isRunning {
                    kill(writer.processIdentifier, SIGKILL)
                    writer.waitUntilExit()
                }
            }

            let result = try runBounded(["check", "shop.journey"], currentDirectory: folder)

            #expect(result.status == 1, "\(result)")
            #expect(
                result.stderr.hasPrefix(
                    "journey: error: 'shop.journey' is larger than 64 MiB, the most journey reads of a journey file\n"))
        }
    }

    @Test("a regular file over the limit is refused by its size")
    func regularFileAtTheLimit() throws {
        try withTemporaryDirectory { folder in
            // A sparse file: 64 MiB and a byte of zero bytes that take no room on the disk.
            let url = try folder.writing("", to: "over.journey")
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: (64 << 20) + 1)
            try handle.close()
            let over = try runBounded(["check", "over.journey"], currentDirectory: folder)
            #expect(over.status == 1, "\(over)")
            #expect(
                over.stderr.hasPrefix(
                    "journey: error: 'over.journey' is larger than 64 MiB, the most journey reads of a journey file\n"))
        }
    }
}
