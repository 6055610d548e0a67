import Foundation
import JourneyTestSupport
import Testing

/// `journey validate`, run as a user runs it: SVG and XML files on disk, exit status, output.
@Suite("journey validate")
struct ValidateCommandTests {
    // MARK: - Fixtures

    static let header = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">

        """

    static let valid =
        header + """
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="100" height="50">
              <title>Fish &amp; chips &lt; 5 € — الدفع 😀</title>
              <rect x="0" y="0" width="100" height="50"/>
            </svg>

            """

    /// One error: an attribute the SVG 1.1 DTD does not declare, at line 4, column 9.
    static let invalid =
        header + """
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="100" height="50">
              <rect bogus="1" x="0" y="0" width="100" height="50"/>
            </svg>

            """

    static let invalidReport = """
        bad.svg:4:9: error: No declaration for attribute bogus of element rect
         4 |   <rect bogus="1" x="0" y="0" width="100" height="50"/>
           |         ^~~~~
           = help: the document must follow the SVG 1.1 DTD

        1 error

        """

    // MARK: - Valid and invalid files

    @Test("a valid SVG passes silently")
    func validSVG() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.valid, to: "good.svg")
            let result = try runJourney(["validate", "good.svg"], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr == "")
        }
    }

    @Test("an SVG the DTD rejects fails with FILE:LINE:COL: error: on standard error")
    func invalidSVG() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.invalid, to: "bad.svg")
            let result = try runJourney(["validate", "bad.svg"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr == Self.invalidReport)
        }
    }

    @Test("a file that is not well-formed fails at libxml2's line and column")
    func notWellFormed() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(
                "<?xml version=\"1.0\"?>\n<report>\n  <stage>Fish & chips</stage>\n</report>\n", to: "r.xml")
            let result = try runJourney(["validate", "r.xml"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.hasPrefix("r.xml:3:16: error: xmlParseEntityRef: no name\n"), "\(result)")
        }
    }

    @Test("plain XML without a DOCTYPE only has to be well-formed")
    func plainXML() throws {
        try withTemporaryDirectory { folder in
            try folder.writing("<?xml version=\"1.0\"?>\n<report><stage name=\"A\"/></report>\n", to: "r.xml")
            let result = try runJourney(["validate", "r.xml"], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr == "")
        }
    }

    @Test("every file is reported, and one bad file fails the run")
    func severalFiles() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.valid, to: "good.svg")
            try folder.writing(Self.invalid, to: "bad.svg")
            let result = try runJourney(["validate", "good.svg", "bad.svg", "good.svg"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr == Self.invalidReport)
        }
    }

    @Test("standard input is read with '-'")
    func standardInput() throws {
        let good = try runJourney(["validate", "-"], stdin: Data(Self.valid.utf8))
        #expect(good.status == 0, "\(good)")
        let bad = try runJourney(["validate", "-"], stdin: Data(Self.invalid.utf8))
        #expect(bad.status == 1, "\(bad)")
        #expect(
            bad.stderr.hasPrefix("<stdin>:4:9: error: No declaration for attribute bogus of element rect\n"), "\(bad)")
    }

    // MARK: - Files that cannot be validated

    @Test("a missing file fails with a cannot-read error")
    func missingFile() throws {
        try withTemporaryDirectory { folder in
            let result = try runJourney(["validate", "nowhere.svg"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(
                result.stderr.contains("journey: error: cannot read 'nowhere.svg': No such file or directory"),
                "\(result)")
        }
    }

    @Test("without the SVG 1.1 DTD in the catalog, an SVG fails and the message says what to install")
    func catalogWithoutTheSVGDTD() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.valid, to: "good.svg")
            let clock = ContinuousClock()
            var result: RunResult?
            let elapsed = try clock.measure {
                result = try runJourney(
                    ["validate", "good.svg"], environment: ["XML_CATALOG_FILES": "/nonexistent/catalog"],
                    currentDirectory: folder)
            }
            #expect(elapsed < .seconds(10), "validation took \(elapsed): did it try the network?")
            #expect(result?.status == 1, "\(String(describing: result))")
            #expect(
                result?.stderr.hasPrefix(
                    """
                    good.svg:2:1: error: the SVG 1.1 DTD was not found in the system XML catalog; install w3c-sgml-lib
                     2 | <!DOCTYPE svg PUBLIC
                    """) == true, "\(String(describing: result))")
            #expect(result?.stderr.contains("apt-get install w3c-sgml-lib") == true)
        }
    }

    @Test("an SVG without a DOCTYPE fails: it cannot be validated against the DTD")
    func svgWithoutDoctype() throws {
        try withTemporaryDirectory { folder in
            try folder.writing("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n", to: "bare.svg")
            let result = try runJourney(["validate", "bare.svg"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.hasPrefix("bare.svg:1:1: error: the SVG has no DOCTYPE"), "\(result)")
        }
    }

    // MARK: - JSON

    @Test("--format json prints every finding as one JSON document on standard output")
    func json() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.valid, to: "good.svg")
            try folder.writing(Self.invalid, to: "bad.svg")
            let result = try runJourney(
                ["validate", "--format", "json", "good.svg", "bad.svg", "missing.svg"],
                currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            #expect(object?["errors"] as? Int == 2)
            #expect(object?["warnings"] as? Int == 0)
            let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
            #expect(diagnostics.map { $0["file"] as? String } == ["bad.svg", "missing.svg"])
            #expect(diagnostics.map { $0["code"] as? String } == ["xml-invalid", "cannot-read-file"])
            #expect(diagnostics.first?["line"] as? Int == 4)
            #expect(diagnostics.first?["column"] as? Int == 9)
            #expect(diagnostics.first?["endColumn"] as? Int == 14)
            #expect(diagnostics.first?["message"] as? String == "No declaration for attribute bogus of element rect")
        }
    }

    @Test("--format json on valid files prints an empty list and exits 0")
    func jsonValid() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.valid, to: "good.svg")
            let result = try runJourney(["validate", "--format", "json", "good.svg"], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            #expect((object?["diagnostics"] as? [Any])?.isEmpty == true)
            #expect(result.stderr == "")
        }
    }

    // MARK: - Help

    @Test("journey help validate shows examples")
    func help() throws {
        let result = try runJourney(["help", "validate"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("journey validate funnel.svg"))
        #expect(result.stdout.contains("--format"))
    }
}
