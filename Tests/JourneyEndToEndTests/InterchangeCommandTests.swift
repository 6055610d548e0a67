import Foundation
import JourneyTestSupport
import Testing

/// `journey export` and `journey import`, run as a user runs them.
@Suite("journey export and import")
struct InterchangeCommandTests {
    @Test(
        "every example exports to every format and imports back to the same .journey text",
        arguments: Repository.journeyFiles(in: Repository.journeysFolder))
    func roundTrip(_ url: URL) throws {
        try withTemporaryDirectory { folder in
            let name = url.deletingPathExtension().lastPathComponent
            // The canonical text of the journey: import of the JSON export, written by the formatter.
            var canonical: String?
            for (format, ext) in [("json", "json"), ("xml", "xml"), ("mermaid", "mmd")] {
                let export = try runJourney(["export", "--format", format, url.path], currentDirectory: folder)
                #expect(export.status == 0, "\(export)")
                #expect(export.stdout == "Wrote \(name).\(ext) (\(format)).\n")
                let back = try runJourney(
                    ["import", "-o", "\(format).journey", "\(name).\(ext)"], currentDirectory: folder)
                #expect(back.status == 0, "\(back)")
                #expect(back.stderr == "", "\(back)")
                let text = try String(contentsOf: folder.appendingPathComponent("\(format).journey"), encoding: .utf8)
                if let canonical {
                    #expect(text == canonical, "\(format) import differs from the json import")
                } else {
                    canonical = text
                }
                let check = try runJourney(["check", "--strict", "\(format).journey"], currentDirectory: folder)
                #expect(check.status == 0, "\(check)")
            }
        }
    }

    @Test("the XML export passes journey validate with the shipped XSD")
    func xmlAgainstTheSchema() throws {
        try withTemporaryDirectory { folder in
            let dressmate = Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
            let export = try runJourney(
                ["export", "--format", "xml", "-o", "d.xml", dressmate], currentDirectory: folder)
            #expect(export.status == 0, "\(export)")
            let validate = try runJourney(["validate", "d.xml"], currentDirectory: folder)
            #expect(validate.status == 0, "\(validate)")
            #expect(validate.stdout == "d.xml: checked well-formed XML and the XML Schema 'journey-1.xsd'\n")
        }
    }

    @Test(
        "the XML export passes xmllint --schema with the shipped XSD",
        .enabled(if: OptionalTools.xmllint != nil, OptionalTools.xmllintMissing))
    func xmllintAgrees() throws {
        try withTemporaryDirectory { folder in
            let dressmate = Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
            let export = try runJourney(
                ["export", "--format", "xml", "-o", "d.xml", dressmate], currentDirectory: folder)
            #expect(export.status == 0, "\(export)")
            let xmllint = try #require(OptionalTools.xmllint)
            let schema = Repository.schemaFile.path
            let lint = try runExecutable(
                xmllint, ["--noout", "--nonet", "--schema", schema, "d.xml"], currentDirectory: folder)
            #expect(lint.status == 0, "\(lint)")
        }
    }

    @Test("-o - writes to standard output; the default names follow the input")
    func outputs() throws {
        let dressmate = Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
        let mermaid = try runJourney(["export", "--format", "mermaid", "-o", "-", dressmate])
        #expect(mermaid.status == 0)
        #expect(mermaid.stdout.contains("journey"))
        #expect(mermaid.stdout.contains("section Purchase"))
        let json = try runJourney(["export", "--format", "json", "-o", "-", dressmate])
        let back = try runJourney(["import", "--format", "json", "-o", "-", "-"], stdin: Data(json.stdout.utf8))
        #expect(back.status == 0, "\(back)")
        #expect(back.stdout.hasPrefix("journey \"Dressmate — first order\"\n"))
    }

    @Test("import never replaces a file unless --force is given")
    func noClobber() throws {
        try withTemporaryDirectory { folder in
            try folder.writing("journey\n  title Simple\n  section Find\n    Search: 3: Me\n", to: "simple.mmd")
            try folder.writing("keep me\n", to: "simple.journey")
            let refused = try runJourney(["import", "simple.mmd"], currentDirectory: folder)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("'simple.journey' already exists"))
            #expect(
                try String(contentsOf: folder.appendingPathComponent("simple.journey"), encoding: .utf8) == "keep me\n")
            let forced = try runJourney(["import", "--force", "simple.mmd"], currentDirectory: folder)
            #expect(forced.status == 0, "\(forced)")
            #expect(
                try String(contentsOf: folder.appendingPathComponent("simple.journey"), encoding: .utf8).hasPrefix(
                    "journey Simple"))
            #expect(try contents(of: folder) == ["simple.journey", "simple.mmd"])
        }
    }

    @Test("an XML document that declares an entity is refused where it is declared, and nothing is written")
    func entityDeclaration() throws {
        try withTemporaryDirectory { folder in
            // 1,000 characters referenced 20,000 times: 20 MB of text if the references were expanded.
            let xml = """
                <?xml version="1.0"?>
                <!DOCTYPE journey [
                  <!ENTITY big "\(String(repeating: "x", count: 1_000))">
                ]>
                <journey xmlns="https://journey.tools/schema/journey/1" version="1" name="J">
                  <state>\(String(repeating: "&big;", count: 20_000))</state>
                </journey>

                """
            try folder.writing(xml, to: "amp.xml")
            let result = try runJourney(["import", "amp.xml"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(
                result.stderr.hasPrefix(
                    "amp.xml:3:3: error: the document declares the entity 'big' in its DOCTYPE, "
                        + "which journey XML does not support\n"), "\(result.stderr.prefix(500))")
            #expect(try contents(of: folder) == ["amp.xml"])
        }
    }

    @Test("a broken source is reported with its line and nothing is written")
    func brokenSource() throws {
        try withTemporaryDirectory { folder in
            try folder.writing("{\n  \"format\": \"journey\",\n  oops\n}\n", to: "broken.json")
            let result = try runJourney(["import", "broken.json"], currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("broken.json:3:"))
            #expect(try contents(of: folder) == ["broken.json"])
        }
    }

    @Test("a control character in a JSON string is reported at its escape in the JSON, not in the file not written")
    func controlCharacterInJSON() throws {
        try withTemporaryDirectory { folder in
            let dressmate = Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
            let exported = try runJourney(["export", "--format", "json", "-o", "-", dressmate])
            #expect(exported.status == 0)
            let json = exported.stdout.replacingOccurrences(
                of: #""name": "Dressmate — first order""#, with: #""name": "Dressmate — first order\u0007""#)
            #expect(json != exported.stdout, "the journey's name is not where the test expects it")
            try folder.writing(json, to: "bell.json")
            let result = try runJourney(["import", "bell.json"], currentDirectory: folder)
            #expect(result.status == 1)
            // At the escape's line and column (in scalars) in the JSON.
            let lines = json.split(separator: "\n", omittingEmptySubsequences: false)
            let line = try #require(lines.firstIndex { $0.contains(#"\u0007"#) })
            let before = try #require(lines[line].range(of: #"\u0007"#)).lowerBound
            let column = lines[line][..<before].unicodeScalars.count + 1
            #expect(result.stderr.hasPrefix("bell.json:\(line + 1):\(column): error: "), "\(result)")
            #expect(
                result.stderr.contains(
                    "error: journey.name: the text holds the control character U+0007, which XML cannot carry"),
                "\(result)")
            #expect(!result.stderr.contains("bell.journey"), "\(result)")
            #expect(try contents(of: folder) == ["bell.json"])
        }
    }
}
