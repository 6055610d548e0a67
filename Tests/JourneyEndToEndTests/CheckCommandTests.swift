import Foundation
import JourneyTestSupport
import Testing

/// `journey check`, run as a user runs it: files on disk, exit status, standard output and error.
@Suite("journey check")
struct CheckCommandTests {
    // MARK: - Fixtures

    /// One error: a channel used but never declared (line 7, column 35).
    static let oneError = """
        journey "Bad"
        scale -5..5
        channel site owned "Site"

        stage Awareness
          reach 100
          touchpoint "Sees a reel" +2 via sitee

        """

    static let oneErrorReport = """
        bad.journey:7:35: error: channel 'sitee' is not declared
         7 |   touchpoint "Sees a reel" +2 via sitee
           |                                   ^~~~~
           = help: did you mean 'site'?


        """

    /// Two errors around one warning, in that order in the file.
    static let mixed = """
        journey "Mixed"
        scale -5..5
        channel site owned "Site"

        stage Awareness
          touchpoint "Sees an ad" +2 via sitee
        stage Consideration
        stage Purchase
          touchpoint "Pays" +9 via site

        """

    /// A valid journey whose only problem is a stage without touchpoints.
    static let warningsOnly = """
        journey "Warnings only"
        scale -5..5
        channel site owned "Site"

        stage Awareness
          touchpoint "Sees an ad" +2 via site
        stage Purchase

        """

    static let warningsOnlyReport = """
        warn.journey:7:1: warning: stage 'Purchase' has no touchpoint
         7 | stage Purchase
           | ^~~~~
           = help: add the moments a customer lives in this stage: touchpoint "What happens" +2 via CHANNEL

        1 warning

        """

    // MARK: - The repository's own files

    @Test("the repository holds at least 4 example journeys and some templates")
    func exampleFilesExist() {
        let journeys = Repository.journeyFiles(in: Repository.journeysFolder)
        #expect(
            journeys.count >= 4,
            "expected at least 4 journeys in \(Repository.journeysFolder.path), found \(journeys.count)")
        #expect(!Repository.journeyFiles(in: Repository.starterJourneysFolder).isEmpty)
    }

    @Test("every example journey and template passes --strict silently", arguments: Repository.checkedFiles())
    func repositoryFilePassesStrict(_ relativePath: String) throws {
        let result = try runJourney(["check", "--strict", relativePath], currentDirectory: Repository.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr == "")
    }

    @Test("all example journeys and templates pass --strict in one run")
    func allRepositoryFilesInOneRun() throws {
        let files = Repository.checkedFiles()
        try #require(files.count >= 5)
        let result = try runJourney(["check", "--strict"] + files, currentDirectory: Repository.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr == "")
    }

    // MARK: - Text diagnostics

    @Test("an error is reported as FILE:LINE:COL, the line, a caret and a hint, with exit 1")
    func oneErrorRendering() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.oneError, to: "bad.journey")
            let result = try runJourney(["check", "bad.journey"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr == Self.oneErrorReport + "1 error\n")
        }
    }

    @Test("errors and warnings are all reported in file order, then a summary")
    func errorsAndWarningsTogether() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.mixed, to: "mixed.journey")
            let result = try runJourney(["check", "mixed.journey"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(
                result.stderr == """
                    mixed.journey:6:34: error: channel 'sitee' is not declared
                     6 |   touchpoint "Sees an ad" +2 via sitee
                       |                                  ^~~~~
                       = help: did you mean 'site'?

                    mixed.journey:7:1: warning: stage 'Consideration' has no touchpoint
                     7 | stage Consideration
                       | ^~~~~
                       = help: add the moments a customer lives in this stage: touchpoint "What happens" +2 via CHANNEL

                    mixed.journey:9:21: error: the score +9 is outside the scale -5..5
                     9 |   touchpoint "Pays" +9 via site
                       |                     ^~
                       = help: use a score from -5 to 5, or widen the 'scale' statement

                    2 errors and 1 warning

                    """)
        }
    }

    @Test("warnings alone exit 0, but exit 1 with --strict")
    func warningsOnly() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.warningsOnly, to: "warn.journey")

            let relaxed = try runJourney(["check", "warn.journey"], currentDirectory: folder)
            #expect(relaxed.status == 0, "\(relaxed)")
            #expect(relaxed.stdout == "")
            #expect(relaxed.stderr == Self.warningsOnlyReport)

            let strict = try runJourney(["check", "--strict", "warn.journey"], currentDirectory: folder)
            #expect(strict.status == 1, "\(strict)")
            #expect(strict.stdout == "")
            #expect(strict.stderr == Self.warningsOnlyReport)
        }
    }

    @Test("a funnel warning underlines the whole number it is about")
    func funnelWarningUnderlinesWholeNumber() throws {
        // `reach 200` spans columns 9 to 11: the caret should cover all of it, as the carets of
        // other diagnostics cover their whole token, and JSON's endColumn should be 12.
        let source = """
            journey "Growing funnel"
            stage Awareness
              reach 100
              touchpoint "Sees an ad" +2
            stage Purchase
              reach 200
              touchpoint "Pays" +1

            """
        try withTemporaryDirectory { folder in
            try folder.writing(source, to: "grow.journey")
            let text = try runJourney(["check", "grow.journey"], currentDirectory: folder)
            #expect(text.status == 0, "\(text)")
            #expect(
                text.stderr == """
                    grow.journey:6:9: warning: stage 'Purchase' reaches 200 people, more than the 100 of 'Awareness' before it
                     6 |   reach 200
                       |         ^~~
                       = help: a funnel only loses people from one stage to the next; check the numbers or the order of the stages

                    1 warning

                    """)

            let json = try runJourney(["check", "--format", "json", "grow.journey"], currentDirectory: folder)
            let diagnostics = try #require(try parseReport(json.stdout)["diagnostics"] as? [[String: Any]])
            try #require(diagnostics.count == 1)
            #expect(diagnostics[0]["column"] as? Int == 9)
            #expect(diagnostics[0]["endColumn"] as? Int == 12)
        }
    }

    @Test("the customers block, rungs and partners' levels are checked like every other statement")
    func customersRungsAndPartners() throws {
        let source = """
            journey "Loyalty"
            channel site owned vcp credibility
            customers
              fan 1
            stage Buy
              rung tester
              touchpoint "Pays" +1 via site
            stage Again
              rung tester
              touchpoint "Pays again" +1 via site
            fan 3

            """
        try withTemporaryDirectory { folder in
            try folder.writing(source, to: "loyalty.journey")
            let result = try runJourney(["check", "loyalty.journey"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(
                result.stderr == """
                    loyalty.journey:2:20: error: channel 'site' is owned media, which has no partner level
                     2 | channel site owned vcp credibility
                       |                    ^~~
                       = help: 'vcp' rates a relationship with a third party, so only 'partner' and 'earned' channels take it; remove it, or declare the channel with the right media

                    loyalty.journey:4:7: error: 'fan' needs a whole number of purchase days of 2 or more, found '1'
                     4 |   fan 1
                       |       ^
                       = help: a fan has bought on at least 2 days; write, for example: fan 5

                    loyalty.journey:9:8: error: stage 'Again' is at rung 'tester', not above the rung 'tester' of 'Buy' before it
                     9 |   rung tester
                       |        ^~~~~~
                       = help: a rung's reach counts the customers at that rung or higher, so a rung no higher than the one before counts as many people or more, and reach could rise; order the stages up the ladder: prospect, tester, buyer, account, patron, sponsor

                    loyalty.journey:11:1: error: 'fan' belongs in the 'customers' block
                     11 | fan 3
                        | ^~~
                        = help: put it right below a 'customers' line, before the first stage and before any other statement

                    4 errors

                    """)
        }
    }

    // MARK: - JSON

    @Test("--format json prints one stable JSON document on standard output")
    func jsonFormat() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.mixed, to: "mixed.journey")
            let first = try runJourney(["check", "--format", "json", "mixed.journey"], currentDirectory: folder)
            #expect(first.status == 1, "\(first)")
            #expect(first.stderr == "")

            let report = try parseReport(first.stdout)
            #expect(report["version"] as? Int == 1)
            #expect(report["errors"] as? Int == 2)
            #expect(report["warnings"] as? Int == 1)
            let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
            try #require(diagnostics.count == 3)

            for diagnostic in diagnostics {
                for key in ["file", "line", "column", "severity", "message", "help", "code"] {
                    #expect(diagnostic.keys.contains(key), "missing key '\(key)' in \(diagnostic)")
                }
                #expect(diagnostic["file"] as? String == "mixed.journey")
                // `help` is a string, or JSON null when there is nothing to say; it is never left out.
                let help = diagnostic["help"]
                #expect(help is String || help is NSNull, "help is \(String(describing: help))")
            }

            let summary = diagnostics.map { d in
                "\(d["line"] as? Int ?? -1):\(d["column"] as? Int ?? -1) \(d["severity"] as? String ?? "?") \(d["code"] as? String ?? "?")"
            }
            #expect(
                summary == [
                    "6:34 error undeclared-channel",
                    "7:1 warning stage-without-touchpoints",
                    "9:21 error score-outside-scale",
                ])
            #expect(diagnostics[0]["message"] as? String == "channel 'sitee' is not declared")
            #expect(diagnostics[0]["help"] as? String == "did you mean 'site'?")

            let second = try runJourney(["check", "--format", "json", "mixed.journey"], currentDirectory: folder)
            #expect(second.status == first.status)
            #expect(Data(second.stdout.utf8) == Data(first.stdout.utf8), "two runs should give byte-identical JSON")
        }
    }

    @Test("--format json of a clean file reports no diagnostics and exits 0")
    func jsonFormatClean() throws {
        let result = try runJourney(
            ["check", "--format", "json", "--strict", "journeys/dressmate.journey"],
            currentDirectory: Repository.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        let report = try parseReport(result.stdout)
        #expect((report["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(report["errors"] as? Int == 0)
        #expect(report["warnings"] as? Int == 0)
        #expect(report["version"] as? Int == 1)
    }

    // MARK: - Several files, unreadable files

    @Test("several files are all checked in one run; one bad file fails the run")
    func severalFiles() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.oneError, to: "bad.journey")
            let good = try Data(contentsOf: Repository.journeysFolder.appendingPathComponent("dressmate.journey"))
            try folder.writing(good, to: "good.journey")

            for files in [["good.journey", "bad.journey"], ["bad.journey", "good.journey"]] {
                let result = try runJourney(["check"] + files, currentDirectory: folder)
                #expect(result.status == 1, "\(result)")
                #expect(result.stdout == "")
                #expect(result.stderr == Self.oneErrorReport + "1 error\n")
            }

            let json = try runJourney(
                ["check", "--format", "json", "bad.journey", "good.journey", "bad.journey"],
                currentDirectory: folder)
            #expect(json.status == 1, "\(json)")
            let report = try parseReport(json.stdout)
            #expect(report["errors"] as? Int == 2)
            let files = (report["diagnostics"] as? [[String: Any]])?.map { $0["file"] as? String }
            #expect(files == ["bad.journey", "bad.journey"])
        }
    }

    @Test("a missing file is reported by name, the other files are still checked, exit 1")
    func missingFile() throws {
        try withTemporaryDirectory { folder in
            let alone = try runJourney(["check", "nope.journey"], currentDirectory: folder)
            #expect(alone.status == 1, "\(alone)")
            #expect(alone.stdout == "")
            #expect(alone.stderr == "journey: error: cannot read 'nope.journey': No such file or directory\n1 error\n")

            try folder.writing(Self.oneError, to: "bad.journey")
            let mixed = try runJourney(["check", "nope.journey", "bad.journey"], currentDirectory: folder)
            #expect(mixed.status == 1, "\(mixed)")
            #expect(
                mixed.stderr == "journey: error: cannot read 'nope.journey': No such file or directory\n"
                    + Self.oneErrorReport + "2 errors\n")

            let good = Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
            let withGood = try runJourney(["check", good, "nope.journey"], currentDirectory: folder)
            #expect(
                withGood.status == 1, "an unreadable file fails the run even when the others are clean: \(withGood)")
            #expect(
                withGood.stderr == "journey: error: cannot read 'nope.journey': No such file or directory\n1 error\n")
        }
    }

    @Test("a directory given as a file is a clean error, exit 1")
    func directoryAsFile() throws {
        try withTemporaryDirectory { folder in
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("shop"),
                withIntermediateDirectories: false)
            let result = try runJourney(["check", "shop"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr == "journey: error: cannot read 'shop': Is a directory\n1 error\n")

            let json = try runJourney(["check", "--format", "json", "shop"], currentDirectory: folder)
            #expect(json.status == 1, "\(json)")
            #expect(json.stderr == "journey: error: cannot read 'shop': Is a directory\n")
            // Editors reading the JSON see the unreadable file too, counted as an error.
            let report = try parseReport(json.stdout)
            #expect(report["errors"] as? Int == 1)
            let entry = (report["diagnostics"] as? [[String: Any]])?.first
            #expect(entry?["file"] as? String == "shop")
            #expect(entry?["code"] as? String == "cannot-read-file")
            #expect(entry?["message"] as? String == "cannot read 'shop': Is a directory")
        }
    }

    // MARK: - Standard input

    @Test("'-' reads standard input and reports it as <stdin>")
    func standardInput() throws {
        let source = "journey \"From a pipe\"\nstgae Awareness\n"
        let text = try runJourney(["check", "-"], stdin: Data(source.utf8))
        #expect(text.status == 1, "\(text)")
        #expect(text.stdout == "")
        #expect(
            text.stderr == """
                <stdin>:2:1: error: unknown keyword 'stgae'
                 2 | stgae Awareness
                   | ^~~~~
                   = help: did you mean 'stage'?

                1 error

                """)

        let json = try runJourney(["check", "--format", "json", "-"], stdin: Data(source.utf8))
        #expect(json.status == 1, "\(json)")
        let diagnostics = try parseReport(json.stdout)["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.map { $0["file"] as? String } == ["<stdin>"])

        let clean = try Data(contentsOf: Repository.journeysFolder.appendingPathComponent("dressmate.journey"))
        let good = try runJourney(["check", "--strict", "-"], stdin: clean)
        #expect(good.status == 0, "\(good)")
        #expect(good.stdout == "")
        #expect(good.stderr == "")
    }

    @Test("the simple run helper returns status, stdout and stderr")
    func runHelper() throws {
        let result = try run(["check", "-"], stdin: "journey \"X\"\nstgae A\n")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("<stdin>:2:1: error: unknown keyword 'stgae'\n"))
    }

    // MARK: - Colour

    @Test("--color always paints with ANSI escapes; auto does not when stderr is not a terminal or NO_COLOR is set")
    func colour() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.oneError, to: "bad.journey")

            let always = try runJourney(["check", "--color", "always", "bad.journey"], currentDirectory: folder)
            #expect(always.status == 1)
            #expect(always.stderr.contains("\u{1B}["), "expected ANSI escapes: \(always)")
            #expect(always.stderr.contains("\u{1B}[31m\u{1B}[1merror:\u{1B}[0m"))
            #expect(stripANSI(always.stderr) == Self.oneErrorReport + "1 error\n")

            let automatic = try runJourney(["check", "bad.journey"], currentDirectory: folder)
            #expect(automatic.status == 1)
            #expect(!automatic.stderr.contains("\u{1B}"), "auto must not colour a file or pipe: \(automatic)")
            #expect(automatic.stderr == Self.oneErrorReport + "1 error\n")

            let noColor = try runJourney(
                ["check", "--color", "auto", "bad.journey"],
                environment: ["NO_COLOR": "1"], currentDirectory: folder)
            #expect(noColor.status == 1)
            #expect(!noColor.stderr.contains("\u{1B}"), "NO_COLOR must turn colour off: \(noColor)")

            let never = try runJourney(["check", "--color", "never", "bad.journey"], currentDirectory: folder)
            #expect(!never.stderr.contains("\u{1B}"))

            let unreadable = try runJourney(["check", "--color", "always", "nope.journey"], currentDirectory: folder)
            #expect(
                unreadable.stderr
                    == "journey: \u{1B}[1;31merror:\u{1B}[0m cannot read 'nope.journey': No such file or directory\n1 error\n"
            )
        }
    }

    // MARK: - Encodings and columns

    @Test("CRLF line endings and a UTF-8 byte order mark check cleanly")
    func crlfAndBOM() throws {
        let original = try String(
            contentsOf: Repository.journeysFolder.appendingPathComponent("dressmate.journey"),
            encoding: .utf8)
        let crlf = original.replacingOccurrences(of: "\n", with: "\r\n")
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        try withTemporaryDirectory { folder in
            try folder.writing(crlf, to: "crlf.journey")
            try folder.writing(Data(bom + Array(original.utf8)), to: "bom.journey")
            try folder.writing(Data(bom + Array(crlf.utf8)), to: "both.journey")
            for name in ["crlf.journey", "bom.journey", "both.journey"] {
                let result = try runJourney(["check", "--strict", name], currentDirectory: folder)
                #expect(result.status == 0, "\(name): \(result)")
                #expect(result.stdout == "")
                #expect(result.stderr == "", "\(name)")
            }
        }
    }

    @Test("an error in a CRLF file with a BOM shows the line without its carriage return")
    func crlfError() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("journey \"X\"\r\nstgae A\r\n".utf8)
        let result = try runJourney(["check", "-"], stdin: Data(bytes))
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr == """
                <stdin>:2:1: error: unknown keyword 'stgae'
                 2 | stgae A
                   | ^~~~~
                   = help: did you mean 'stage'?

                1 error

                """)
        #expect(!result.stderr.contains("\r"))
    }

    @Test("invalid UTF-8 is an error at its line and column (in Unicode scalars), exit 1")
    func invalidUTF8() throws {
        // Line 4 is `  touchpoint "Città <FF>" +2`: "à" is two bytes but one column, so 0xFF is column 21.
        var bytes = Array("journey \"Encodings\"\nscale -5..5\nstage Città\n  touchpoint \"Città ".utf8)
        bytes.append(0xFF)
        bytes += Array("\" +2\n".utf8)
        try withTemporaryDirectory { folder in
            try folder.writing(Data(bytes), to: "latin.journey")
            let result = try runJourney(["check", "latin.journey"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(
                result.stderr == """
                    latin.journey:4:21: error: the file is not valid UTF-8 here
                     4 |   touchpoint "Città \u{FFFD}" +2
                       |                     ^
                       = help: save the file with UTF-8 encoding

                    1 error

                    """)

            let json = try runJourney(["check", "--format", "json", "latin.journey"], currentDirectory: folder)
            let diagnostics = try #require(try parseReport(json.stdout)["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?["code"] as? String == "invalid-utf8")
            #expect(diagnostics.first?["line"] as? Int == 4)
            #expect(diagnostics.first?["column"] as? Int == 21)
        }
    }

    @Test("accented letters before an error do not shift its column")
    func accentedColumns() throws {
        // Line 5: 2 spaces, `touchpoint` (3–12), a space, `"Torna in città"` (14–29), a space, `+2` (31–32),
        // a space, `via` (34–36), a space, then `sitoo` at column 38 — counted in Unicode scalars, not bytes
        // (in bytes it would be 39).
        let source = """
            journey "Trattoria — prenotazione"
            scale -5..5
            channel sito owned "Sito"
            stage Fedeltà
              touchpoint "Torna in città" +2 via sitoo

            """
        try withTemporaryDirectory { folder in
            try folder.writing(source, to: "fedelta.journey")
            let result = try runJourney(["check", "fedelta.journey"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(
                result.stderr == """
                    fedelta.journey:5:38: error: channel 'sitoo' is not declared
                     5 |   touchpoint "Torna in città" +2 via sitoo
                       |                                      ^~~~~
                       = help: did you mean 'sito'?

                    1 error

                    """)

            let json = try runJourney(["check", "--format", "json", "fedelta.journey"], currentDirectory: folder)
            let diagnostics = try #require(try parseReport(json.stdout)["diagnostics"] as? [[String: Any]])
            try #require(diagnostics.count == 1)
            #expect(diagnostics[0]["line"] as? Int == 5)
            #expect(diagnostics[0]["column"] as? Int == 38)
            #expect(diagnostics[0]["endColumn"] as? Int == 43)
        }
    }

    @Test("a file with thousands of problems prints the first 100, says how many more, and JSON lists all")
    func manyDiagnosticsAreCapped() throws {
        let touchpoints = (1...250).map { "  touchpoint \"T\($0)\" +2 via nowhere\($0)\n" }.joined()
        try withTemporaryDirectory { folder in
            try folder.writing("journey \"Many\"\nstage A\n" + touchpoints, to: "many.journey")
            let result = try runJourney(["check", "many.journey"], currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stderr.components(separatedBy: ": error: channel 'nowhere").count - 1 == 100)
            #expect(
                result.stderr.contains(
                    "many.journey: 150 more diagnostics not shown (the first 100 are); --format json lists them all"),
                "\(result.stderr.suffix(400))")
            #expect(result.stderr.hasSuffix("250 errors\n"))
            let json = try runJourney(["check", "--format", "json", "many.journey"], currentDirectory: folder)
            let diagnostics = try #require(try parseReport(json.stdout)["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.count == 250)
        }
    }

    @Test("a file that is not a journey stops after 1,000 errors, and says where, after the 100 shown")
    func checkingStopsAfterTooManyErrors() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(String(repeating: "GET /index.html 200\n", count: 50_000), to: "access.journey")
            let result = try runJourney(["check", "access.journey"], currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stderr.components(separatedBy: ": error: unknown keyword 'GET'").count - 1 == 100)
            #expect(
                result.stderr.contains(
                    "access.journey: 900 more diagnostics not shown (the first 100 are); --format json lists them all"),
                "\(result.stderr.suffix(600))")
            #expect(
                result.stderr.contains(
                    "access.journey:1001:1: error: stopped after 1,000 errors: line 1001 and the lines after it were "
                        + "not checked"), "\(result.stderr.suffix(600))")
            #expect(result.stderr.hasSuffix("1001 errors\n"), "\(result.stderr.suffix(200))")
        }
    }

    @Test("a 10 MB line is not echoed whole")
    func longLinesAreNotEchoedWhole() throws {
        try withTemporaryDirectory { folder in
            let line = "  touchpoint \"" + String(repeating: "x", count: 10_000_000) + "\" +9 via site\n"
            try folder.writing("journey \"Long\"\nchannel site owned\nstage A\n" + line, to: "long.journey")
            let result = try runJourney(["check", "long.journey"], currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stderr.utf8.count < 4_000, "\(result.stderr.utf8.count) bytes on standard error")
            #expect(result.stderr.contains("long.journey:4:10000017: error: the score +9 is outside the scale -5..5"))
        }
    }

    // MARK: - Helpers

    private func parseReport(_ stdout: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        return try #require(object as? [String: Any], "the JSON output is not an object: \(stdout)")
    }

    private func stripANSI(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }
}
