import Foundation
import JourneyTestSupport
import JourneyXML
import Testing

/// `journey render`, run as a user runs it, always from a temporary working folder.
@Suite("journey render")
struct RenderCommandTests {
    private var dressmate: String {
        Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
    }

    @Test("every example in every chart and theme is written")
    func everyExampleEveryChartEveryTheme() throws {
        try withTemporaryDirectory { folder in
            let written = try Self.renderEveryExample(in: folder)
            #expect(written.count >= 45)
            #expect(try contents(of: folder) == written.sorted(), "no temporary file is left behind")
        }
    }

    @Test(
        "xmllint --valid accepts every chart against the SVG 1.1 DTD",
        .enabled(if: OptionalTools.xmllint != nil, OptionalTools.xmllintMissing),
        .enabled(
            if: XMLValidator.svg11DTDIsInstalled,
            "the SVG 1.1 DTD is not in the system XML catalog (apt-get install w3c-sgml-lib)"))
    func xmllintAgrees() throws {
        try withTemporaryDirectory { folder in
            let written = try Self.renderEveryExample(in: folder)
            // The system's own validator agrees, offline, against the SVG 1.1 DTD from the XML catalog.
            let xmllint = try #require(OptionalTools.xmllint)
            let lint = try runExecutable(
                xmllint, ["--noout", "--nonet", "--valid"] + written, currentDirectory: folder)
            #expect(lint.status == 0, "\(lint)")
            #expect(lint.stderr == "", "\(lint)")
        }
    }

    /// Renders every example in every chart and theme into `folder`; the files' names.
    private static func renderEveryExample(in folder: URL) throws -> [String] {
        var written: [String] = []
        for url in Repository.journeyFiles(in: Repository.journeysFolder) {
            let name = url.deletingPathExtension().lastPathComponent
            for chart in ["journey", "funnel", "dashboard"] {
                for theme in ["light", "dark", "print"] {
                    let output = "\(name)-\(chart)-\(theme).svg"
                    let result = try runJourney(
                        ["render", "--chart", chart, "--theme", theme, "-o", output, url.path],
                        currentDirectory: folder)
                    #expect(result.status == 0, "\(result)")
                    #expect(result.stderr == "", "\(result)")
                    written.append(output)
                }
            }
        }
        return written
    }

    @Test("without the SVG 1.1 DTD installed, the chart is validated against the built-in schema and written")
    func withoutTheDTD() throws {
        try withTemporaryDirectory { folder in
            let result = try runJourney(
                ["render", "--chart", "dashboard", dressmate],
                environment: ["XML_CATALOG_FILES": "/nonexistent/catalog"],
                currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("Wrote dressmate.svg (dashboard chart, light theme, "))
            #expect(result.stderr == "", "\(result)")
            #expect(try contents(of: folder) == ["dressmate.svg"])
        }
    }

    @Test("the default output is the input's name with .svg, in the current folder")
    func defaultOutput() throws {
        try withTemporaryDirectory { folder in
            let result = try runJourney(["render", dressmate], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("Wrote dressmate.svg (journey chart, light theme, "))
            #expect(try contents(of: folder) == ["dressmate.svg"])
            let svg = try String(contentsOf: folder.appendingPathComponent("dressmate.svg"), encoding: .utf8)
            #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE svg PUBLIC"))
        }
    }

    @Test("-o - writes the SVG to standard output, byte-identical from run to run")
    func standardOutput() throws {
        let first = try runJourney(["render", "--chart", "dashboard", "-o", "-", dressmate])
        let second = try runJourney(["render", "--chart", "dashboard", "-o", "-", dressmate])
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.hasPrefix("<?xml"))
        #expect(first.stdout.hasSuffix("</svg>\n"))
        #expect(first.stdout == second.stdout)
    }

    @Test("a theme file of the user's own is used; a bad one is explained")
    func userTheme() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(##"{ "base": "dark", "curve": "#ff00aa" }"##, to: "brand.json")
            let result = try runJourney(
                ["render", "--theme", "brand.json", "-o", "-", dressmate], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("stroke=\"#ff00aa\""))

            try folder.writing(##"{ "base": "dark", "curv": "#ff00aa" }"##, to: "typo.json")
            let typo = try runJourney(
                ["render", "--theme", "typo.json", "-o", "out.svg", dressmate], currentDirectory: folder)
            #expect(typo.status == 1)
            #expect(typo.stderr.contains("theme 'typo.json': unknown key 'curv'"))
            #expect(typo.stderr.contains("did you mean 'curve'?"))

            let unknown = try runJourney(
                ["render", "--theme", "drak", "-o", "out.svg", dressmate], currentDirectory: folder)
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("unknown theme 'drak'"))
            #expect(unknown.stderr.contains("did you mean 'dark'?"))
            #expect(try contents(of: folder) == ["brand.json", "typo.json"], "nothing is written on error")
        }
    }

    @Test("the funnel needs reach on every stage; the emotion curve does not")
    func reachRequired() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(
                """
                journey "No reach"
                channel site owned
                stage Awareness
                  touchpoint "Sees" +1 via site
                stage Purchase
                  touchpoint "Pays" -2 via site

                """, to: "noreach.journey")
            let funnel = try runJourney(["render", "--chart", "funnel", "noreach.journey"], currentDirectory: folder)
            #expect(funnel.status == 1)
            #expect(funnel.stderr.contains("noreach.journey:3:1: error: stage 'Awareness' has no reach"))
            #expect(try contents(of: folder) == ["noreach.journey"])
            let curve = try runJourney(["render", "noreach.journey"], currentDirectory: folder)
            #expect(curve.status == 0, "\(curve)")
            #expect(try contents(of: folder) == ["noreach.journey", "noreach.svg"])
        }
    }

    @Test("a file with errors is not rendered")
    func errors() throws {
        try withTemporaryDirectory { folder in
            try folder.writing("journey \"Bad\"\nstgae A\n", to: "bad.journey")
            let result = try runJourney(["render", "bad.journey"], currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("bad.journey:2:1: error: unknown keyword 'stgae'"))
            #expect(try contents(of: folder) == ["bad.journey"])
        }
    }

    @Test("an output folder that does not exist is a clean error")
    func missingFolder() throws {
        try withTemporaryDirectory { folder in
            let result = try runJourney(["render", "-o", "nope/out.svg", dressmate], currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("cannot write 'nope/out.svg'"))
        }
    }

    @Test("reading standard input needs -o")
    func standardInputNeedsOutput() throws {
        let text = try String(contentsOfFile: dressmate, encoding: .utf8)
        let refused = try runJourney(["render", "-"], stdin: Data(text.utf8))
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("name the chart's file with -o"))
        let piped = try runJourney(["render", "-o", "-", "-"], stdin: Data(text.utf8))
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix("<?xml"))
    }
}
