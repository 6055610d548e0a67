import Foundation
import JourneyTestSupport
import Testing

/// A binary file given where journey reads text gets one error, at its first NUL byte, and no
/// echo of its bytes; XML, which may be UTF-16, is still read.
@Suite("binary input")
struct BinaryInputTests {
    private var dressmate: String {
        Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
    }

    /// The first bytes of a PNG image: its signature (with CR LF, then SUB and LF, so its first NUL
    /// is at line 3, column 1), then the IHDR chunk's length.
    private let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] + Array(0...255))

    /// The lines of a not-text error at `place` in `name`.
    private func notText(_ name: String, _ place: String) -> String {
        "\(name):\(place): error: not a text file: it holds a NUL byte here, as binary files do\n"
            + "  = help: check that this is the file you meant: journey reads text in UTF-8, and a file saved "
            + "as UTF-16 must be saved as UTF-8\n\n"
    }

    @Test("check of an executable, an image or binary standard input gives one error, exit 1")
    func check() throws {
        try withTemporaryDirectory { folder in
            try FileManager.default.copyItem(
                atPath: "/bin/ls", toPath: folder.appendingPathComponent("ls.journey").path)
            try folder.writing(png, to: "image.journey")
            let executable = try runJourney(["check", "ls.journey"], currentDirectory: folder)
            #expect(executable.status == 1, "\(executable)")
            #expect(executable.stdout == "")
            // An ELF file starts 7F 45 4C 46, then the class, the byte order, the version, and NULs.
            #expect(executable.stderr == notText("ls.journey", "1:8") + "1 error\n")

            let image = try runJourney(["check", "image.journey"], currentDirectory: folder)
            #expect(image.status == 1, "\(image)")
            #expect(image.stderr == notText("image.journey", "3:1") + "1 error\n")

            let piped = try runJourney(["check", "-"], stdin: png)
            #expect(piped.stderr == notText("<stdin>", "3:1") + "1 error\n", "\(piped)")

            let json = try runJourney(["check", "--format", "json", "image.journey"], currentDirectory: folder)
            #expect(json.status == 1)
            #expect(json.stdout.contains(#""code": "not-text-file""#), "\(json)")
            #expect(json.stdout.contains(#""line": 3,"#))
        }
    }

    @Test(
        "every command that reads text refuses a binary file the same way",
        arguments: [
            (["metrics", "image.bin"], "image.bin"),
            (["render", "-o", "-", "image.bin"], "image.bin"),
            (["import", "-o", "-", "image.mmd"], "image.mmd"),
            (["import", "-o", "-", "image.json"], "image.json"),
            (["render", "--theme", "image.json", "-o", "-", "DRESSMATE"], "image.json"),
            (["report", "--template", "image.mustache", "-o", "-", "DRESSMATE"], "image.mustache"),
            (["customers", "--contacts", "image.csv", "PURCHASES"], "image.csv"),
        ])
    func everyTextInput(_ arguments: [String], _ file: String) throws {
        try withTemporaryDirectory { folder in
            for name in ["image.bin", "image.mmd", "image.json", "image.mustache", "image.csv"] {
                try folder.writing(png, to: name)
            }
            try folder.writing("customer_id,timestamp\na,2024-01-01\n", to: "purchases.csv")
            let resolved = arguments.map {
                $0 == "DRESSMATE" ? dressmate : $0 == "PURCHASES" ? "purchases.csv" : $0
            }
            let result = try runJourney(resolved, currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr == notText(file, "3:1"))
        }
    }

    @Test("a journey exported as UTF-16 XML is still imported and validated")
    func utf16XML() throws {
        try withTemporaryDirectory { folder in
            let export = try runJourney(["export", "--format", "xml", "-o", "-", dressmate])
            #expect(export.status == 0, "\(export)")
            let text = export.stdout.replacingOccurrences(of: #"encoding="UTF-8""#, with: #"encoding="UTF-16""#)
            var bytes = Data([0xFF, 0xFE])
            bytes.append(try #require(text.data(using: .utf16LittleEndian)))
            try folder.writing(bytes, to: "dressmate.xml")
            let imported = try runJourney(["import", "-o", "-", "dressmate.xml"], currentDirectory: folder)
            #expect(imported.status == 0, "\(imported)")
            #expect(imported.stdout.hasPrefix("journey \"Dressmate — first order\"\n"))
            let validated = try runJourney(["validate", "dressmate.xml"], currentDirectory: folder)
            #expect(validated.status == 0, "\(validated)")
        }
    }
}
