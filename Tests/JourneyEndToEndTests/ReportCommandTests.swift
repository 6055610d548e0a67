import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyLanguage
@testable import JourneyXML

/// `journey report`, run as a user runs it, always from a temporary working folder.
@Suite("journey report")
struct ReportCommandTests {
    private var dressmate: String {
        Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
    }

    @Test("every example is written, well formed for libxml2, with each stage and pain point")
    func everyExample() throws {
        try withTemporaryDirectory { folder in
            var written: [String] = []
            let examples = Repository.journeyFiles(in: Repository.journeysFolder)
            #expect(examples.count >= 4)
            for url in examples {
                let name = url.deletingPathExtension().lastPathComponent
                let result = try runJourney(["report", url.path], currentDirectory: folder)
                #expect(result.status == 0, "\(result)")
                #expect(result.stderr == "", "\(result)")
                #expect(result.stdout.hasPrefix("Wrote \(name).html (report.mustache template, light chart theme, "))
                written.append("\(name).html")

                let html = try String(contentsOf: folder.appendingPathComponent("\(name).html"), encoding: .utf8)
                let check = XMLValidator.checkWellFormed(html, name: "\(name).html")
                #expect(check.isValid, "\(name): \(check.diagnostics.map(\.message))")
                #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"))

                let journey = JourneyChecker.check(
                    SourceFile(
                        name: url.lastPathComponent,
                        text: try String(contentsOf: url, encoding: .utf8))
                ).journey
                #expect(html.contains("<h1>\(escapedMarkup(journey.name))</h1>"))
                for stage in journey.stages {
                    #expect(html.contains(escapedMarkup(stage.name)), "\(name): stage \(stage.name)")
                }
                let painPoints = journey.touchpoints.filter(\.isPainPoint)
                #expect(!painPoints.isEmpty)
                for point in painPoints {
                    #expect(html.contains("<h3>\(escapedMarkup(point.name))</h3>"), "\(name): pain point \(point.name)")
                    for idea in point.ideas {
                        #expect(html.contains("<li>\(escapedMarkup(idea))</li>"), "\(name): idea \(idea)")
                    }
                    for pain in point.pains {
                        #expect(html.contains("<li>\(escapedMarkup(pain))</li>"), "\(name): pain \(pain)")
                    }
                }
            }
            #expect(try contents(of: folder) == written.sorted(), "no temporary file is left behind")
        }
    }

    @Test("the report of a journey that rates partners has a partners section; others have none")
    func partners() throws {
        let coffee = Repository.journeysFolder.appendingPathComponent("coffee-subscription.journey").path
        let result = try runJourney(["report", "-o", "-", coffee])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(#"<section id="partners" class="section">"#))
        #expect(result.stdout.contains(#"<p class="lead">1 of 4 partners reaches profitability: cafes.</p>"#))
        #expect(result.stdout.contains(#"<p class="worth">Aim for 4 or 5 partners at profitability"#))
        let dressmateReport = try runJourney(["report", "-o", "-", dressmate])
        #expect(!dressmateReport.stdout.contains("partners"))
    }

    @Test(
        "xmllint agrees that every example's report is well formed",
        .enabled(if: OptionalTools.xmllint != nil, OptionalTools.xmllintMissing))
    func xmllintAgrees() throws {
        try withTemporaryDirectory { folder in
            var written: [String] = []
            for url in Repository.journeyFiles(in: Repository.journeysFolder) {
                let result = try runJourney(["report", url.path], currentDirectory: folder)
                #expect(result.status == 0, "\(result)")
                written.append(url.deletingPathExtension().lastPathComponent + ".html")
            }
            let xmllint = try #require(OptionalTools.xmllint)
            let lint = try runExecutable(xmllint, ["--noout", "--nonet"] + written, currentDirectory: folder)
            #expect(lint.status == 0, "\(lint)")
            #expect(lint.stderr == "", "\(lint)")
        }
    }

    @Test("-o - writes the report to standard output, byte-identical from run to run and to the file")
    func standardOutput() throws {
        try withTemporaryDirectory { folder in
            let first = try runJourney(["report", "-o", "-", dressmate], currentDirectory: folder)
            let second = try runJourney(["report", "-o", "-", dressmate], currentDirectory: folder)
            #expect(first.status == 0, "\(first)")
            #expect(first.stdout.hasPrefix("<!DOCTYPE html>\n"))
            #expect(first.stdout.hasSuffix("</html>\n"))
            #expect(first.stdout == second.stdout)
            #expect(try contents(of: folder) == [], "nothing but standard output is written")

            let file = try runJourney(["report", "-o", "dm.html", dressmate], currentDirectory: folder)
            #expect(file.status == 0, "\(file)")
            #expect(try String(contentsOf: folder.appendingPathComponent("dm.html"), encoding: .utf8) == first.stdout)
        }
    }

    @Test("--theme colours the chart; the page stays the same")
    func theme() throws {
        let dark = try runJourney(["report", "--theme", "dark", "-o", "-", dressmate])
        #expect(dark.status == 0, "\(dark)")
        #expect(dark.stdout.contains("fill=\"#0d1117\""), "the dark theme's background")
        let unknown = try runJourney(["report", "--theme", "drak", "-o", "-", dressmate])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean 'dark'?"))
    }

    @Test("a template of the user's own is rendered with the documented keys")
    func userTemplate() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(
                """
                <html xmlns="http://www.w3.org/1999/xhtml"><body>
                <h1>{{title}}</h1>
                {{#stages}}<p>{{number}}. {{name}} {{conversion}}{{#isWeakest}} (weakest){{/isWeakest}}</p>
                {{/stages}}
                </body></html>

                """, to: "brief.mustache")
            let result = try runJourney(
                ["report", "--template", "brief.mustache", "-o", "brief.html", dressmate],
                currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("Wrote brief.html (brief.mustache template, light chart theme, "))
            let html = try String(contentsOf: folder.appendingPathComponent("brief.html"), encoding: .utf8)
            #expect(html.contains("<h1>Dressmate — first order</h1>"))
            #expect(html.contains("<p>3. Purchase 34.4% (weakest)</p>"))
            #expect(html.contains("<p>5. Loyalty –</p>"))
        }
    }

    @Test("a missing template is an error and writes nothing")
    func missingTemplate() throws {
        try withTemporaryDirectory { folder in
            let result = try runJourney(["report", "--template", "nope.mustache", dressmate], currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("cannot read 'nope.mustache'"), "\(result)")
            #expect(try contents(of: folder) == [])
        }
    }

    @Test("a template Mustache cannot parse is reported at its line and writes nothing")
    func brokenTemplate() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(
                "<html>\n<body>\n{{#stages}}\n<p>{{name}}</p>\n{{/stage}}\n</body>\n</html>\n",
                to: "broken.mustache")
            let result = try runJourney(
                ["report", "--template", "broken.mustache", dressmate], currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("broken.mustache:5:"), "\(result)")
            #expect(result.stderr.contains("error: this closing tag does not close the section that is open"))
            #expect(result.stderr.contains(" 5 | {{/stage}}"))
            #expect(try contents(of: folder) == ["broken.mustache"])
        }
    }

    @Test("a template whose result is not well formed writes nothing and says where")
    func malformedResult() throws {
        try withTemporaryDirectory { folder in
            try folder.writing("<html>\n<body>\n<p>{{title}}\n</body>\n</html>\n", to: "unclosed.mustache")
            let result = try runJourney(
                ["report", "--template", "unclosed.mustache", "-o", "out.html", dressmate],
                currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("the report is not well-formed XHTML, so it was not written"), "\(result)")
            #expect(result.stderr.contains("out.html:4:"), "\(result)")
            #expect(result.stderr.contains("check the markup of the template 'unclosed.mustache'"))
            #expect(try contents(of: folder) == ["unclosed.mustache"])

            let toStdout = try runJourney(
                ["report", "--template", "unclosed.mustache", "-o", "-", dressmate],
                currentDirectory: folder)
            #expect(toStdout.status == 1)
            #expect(toStdout.stdout == "", "an invalid report is not printed either")
        }
    }

    @Test("a journey without reach, or with errors, gets no report")
    func needsMetrics() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(
                "journey \"No reach\"\nchannel site owned\nstage A\n  touchpoint \"x\" +1 via site\n",
                to: "noreach.journey")
            let result = try runJourney(["report", "noreach.journey"], currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("noreach.journey:3:1: error: stage 'A' has no reach"))
            #expect(try contents(of: folder) == ["noreach.journey"])
        }
    }

    @Test("reading standard input needs -o; the command is listed in the help")
    func standardInputAndHelp() throws {
        let text = try String(contentsOfFile: dressmate, encoding: .utf8)
        let refused = try runJourney(["report", "-"], stdin: Data(text.utf8))
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("name the report's file with -o"))
        let piped = try runJourney(["report", "-o", "-", "-"], stdin: Data(text.utf8))
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix("<!DOCTYPE html>"))

        let help = try runJourney(["--help"])
        #expect(help.stdout.contains("report"))
    }
}
