import Foundation
import JourneyTestSupport
import JourneyXML
import Testing

/// `journey validate`, run as a user runs it: SVG and XML files on disk, exit status, output.
///
/// Tests of the SVG 1.1 DTD's own findings run only where it is installed (w3c-sgml-lib); the
/// tests of a machine without it point libxml2 at a catalog that does not exist, and run anywhere.
@Suite("journey validate")
struct ValidateCommandTests {
    static let dtdMissing: Comment =
        "the SVG 1.1 DTD is not in the system XML catalog (apt-get install w3c-sgml-lib)"

    /// The environment of a machine without the SVG 1.1 DTD.
    static let withoutTheDTD = ["XML_CATALOG_FILES": "/nonexistent/catalog"]
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

    @Test(
        "a valid SVG passes with no finding, and standard output names the checks",
        .enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func validSVG() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.valid, to: "good.svg")
            let result = try runJourney(["validate", "good.svg"], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == "good.svg: checked well-formed XML and the SVG 1.1 DTD\n")
            #expect(result.stderr == "")
        }
    }

    @Test(
        "an SVG the DTD rejects fails with FILE:LINE:COL: error: on standard error",
        .enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func invalidSVG() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.invalid, to: "bad.svg")
            let result = try runJourney(["validate", "bad.svg"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "bad.svg: checked well-formed XML; failed the SVG 1.1 DTD\n")
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
            // It was not checked well-formed: it failed that check, and nothing else ran.
            #expect(result.stdout == "r.xml: failed well-formed XML\n")
            let json = try runJourney(["validate", "--format", "json", "r.xml"], currentDirectory: folder)
            #expect(
                json.stdout.contains(
                    """
                      "checks": [
                        {
                          "file": "r.xml",
                          "checks": [],
                          "failed": [
                            "well-formed XML"
                          ]
                        }
                      ],
                    """), "\(json)")
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

    @Test(
        "every file is reported, and one bad file fails the run",
        .enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func severalFiles() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.valid, to: "good.svg")
            try folder.writing(Self.invalid, to: "bad.svg")
            let result = try runJourney(["validate", "good.svg", "bad.svg", "good.svg"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr == Self.invalidReport)
        }
    }

    @Test("standard input is read with '-'", .enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
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

    @Test(
        "without the SVG 1.1 DTD, an SVG passes on the subset schema, and a warning says what was checked and what to install"
    )
    func catalogWithoutTheSVGDTD() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.valid, to: "good.svg")
            let clock = ContinuousClock()
            var result: RunResult?
            let elapsed = try clock.measure {
                result = try runJourney(
                    ["validate", "good.svg"], environment: Self.withoutTheDTD, currentDirectory: folder)
            }
            #expect(elapsed < .seconds(10), "validation took \(elapsed): did it try the network?")
            #expect(result?.status == 0, "\(String(describing: result))")
            #expect(
                result?.stdout
                    == "good.svg: checked well-formed XML and journey's SVG 1.1 subset schema (svg11-subset.xsd)\n")
            #expect(
                result?.stderr == """
                    good.svg:2:1: warning: the SVG 1.1 DTD is not in the system XML catalog, so only well-formedness and journey's SVG 1.1 subset schema (svg11-subset.xsd) were checked
                     2 | <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
                       | ^~~~~~~~~
                       = help: for the full SVG 1.1 check, install the DTD: apt-get install w3c-sgml-lib (Debian, Ubuntu); journey never downloads a DTD

                    1 warning

                    """, "\(String(describing: result))")
            #expect(result?.stderr.contains("bug") == false)
        }
    }

    @Test("--format json names the checks that ran on each file it read, and nothing else goes to standard output")
    func jsonNamesTheChecks() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.valid, to: "good.svg")
            try folder.writing("<notes><note/></notes>\n", to: "plain.xml")
            let result = try runJourney(
                ["validate", "--format", "json", "good.svg", "plain.xml", "missing.xml"],
                environment: Self.withoutTheDTD, currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let checks = object?["checks"] as? [[String: Any]] ?? []
            #expect(checks.map { $0["file"] as? String } == ["good.svg", "plain.xml"])
            #expect(
                checks.map { $0["checks"] as? [String] } == [
                    ["well-formed XML", "journey's SVG 1.1 subset schema (svg11-subset.xsd)"], ["well-formed XML"],
                ])
            #expect(result.stdout.hasPrefix("{\n  \"version\": 1,\n  \"diagnostics\": ["), "\(result)")
        }
    }

    @Test("without the SVG 1.1 DTD, what the subset schema does not cover is a warning, not an error")
    func outsideTheSubsetWithoutTheDTD() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.invalid, to: "bogus.svg")
            let result = try runJourney(
                ["validate", "bogus.svg"], environment: Self.withoutTheDTD, currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(
                result.stderr.contains(
                    "bogus.svg:4:9: warning: Element 'svg:rect', attribute 'bogus': The attribute 'bogus' is not allowed; it is outside journey's SVG 1.1 subset schema (svg11-subset.xsd) and could not be checked without the SVG 1.1 DTD\n"
                ), "\(result)")
            #expect(!result.stderr.contains("error"), "\(result)")
            #expect(result.stderr.hasSuffix("\n2 warnings\n"), "\(result)")
        }
    }

    @Test("without the SVG 1.1 DTD, a value SVG 1.1 does not allow is still an error")
    func badValueWithoutTheDTD() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(
                Self.header + """
                    <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="100" height="50">
                      <text x="1" y="1" text-anchor="left">A</text>
                    </svg>

                    """, to: "anchor.svg")
            let result = try runJourney(
                ["validate", "anchor.svg"], environment: Self.withoutTheDTD, currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(
                result.stderr.contains(
                    "anchor.svg:4:1: error: Element 'svg:text', attribute 'text-anchor': [facet 'enumeration'] The value 'left' is not an element of the set {'start', 'middle', 'end', 'inherit'}.\n"
                ), "\(result)")
            #expect(
                result.stderr.contains(
                    "= help: the document must follow journey's SVG 1.1 subset schema (svg11-subset.xsd)"))
        }
    }

    /// The SVG 1.1 DOCTYPE with an internal subset holding `declarations`, on lines 2 to 4.
    static func header(withSubset declarations: String) -> String {
        """
        <?xml version="1.0"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
          \(declarations)
        ]>

        """
    }

    /// `journey validate --color never NAME` on a machine without the SVG 1.1 DTD, NAME holding `text`.
    static func validateWithoutTheDTD(_ text: String, as name: String) throws -> RunResult {
        try withTemporaryDirectory { folder in
            try folder.writing(text, to: name)
            return try runJourney(
                ["validate", "--color", "never", name], environment: withoutTheDTD, currentDirectory: folder)
        }
    }

    @Test("without the SVG 1.1 DTD, an SVG that uses entities is warned about at the reference, not an internal error")
    func entitiesWithoutTheDTD() throws {
        let result = try Self.validateWithoutTheDTD(
            Self.header(withSubset: "<!ENTITY a \"x\">") + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                  <title>&a;</title>
                </svg>

                """, as: "entity.svg")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "entity.svg: checked well-formed XML\n")
        #expect(
            result.stderr == """
                entity.svg:2:1: warning: the SVG 1.1 DTD is not in the system XML catalog, so only well-formedness was checked
                 2 | <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
                   | ^~~~~~~~~
                   = help: for the full SVG 1.1 check, install the DTD: apt-get install w3c-sgml-lib (Debian, Ubuntu); journey never downloads a DTD

                entity.svg:6:10: warning: the SVG refers to the entity '&a;', and journey's SVG 1.1 subset schema (svg11-subset.xsd) cannot check a document that uses entities, so without the SVG 1.1 DTD only well-formedness was checked
                 6 |   <title>&a;</title>
                   |          ^~~
                   = help: write the entity's text in place of '&a;', or install the SVG 1.1 DTD to check the document against it: apt-get install w3c-sgml-lib (Debian, Ubuntu)

                2 warnings

                """, "\(result)")
    }

    @Test("an SVG whose DOCTYPE is only an internal subset is told to name the SVG 1.1 DTD, once")
    func internalSubsetOnly() throws {
        let result = try Self.validateWithoutTheDTD(
            """
            <?xml version="1.0"?>
            <!DOCTYPE svg [ <!ENTITY a "x"> ]>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10"><title>&a;</title></svg>

            """, as: "entity.svg")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout == "entity.svg: checked well-formed XML\n")
        #expect(
            result.stderr.hasPrefix(
                "entity.svg:2:1: error: the DOCTYPE names no DTD, only an internal subset, so the SVG cannot be validated against the SVG 1.1 DTD\n"
            ), "\(result)")
        #expect(result.stderr.hasSuffix("\n1 error\n"), "\(result)")
    }

    @Test("without the SVG 1.1 DTD, an internal subset gives no false 'not declared' errors")
    func internalSubsetWithoutTheDTD() throws {
        let result = try Self.validateWithoutTheDTD(
            Self.header(withSubset: "<!ATTLIST svg class CDATA #IMPLIED>") + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                  <rect x="0" y="0" width="1" height="1"/>
                </svg>

                """, as: "subset.svg")
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdout
                == "subset.svg: checked well-formed XML and journey's SVG 1.1 subset schema (svg11-subset.xsd)\n")
        #expect(
            result.stderr.hasPrefix(
                "subset.svg:2:1: warning: the SVG 1.1 DTD is not in the system XML catalog, so only well-formedness and journey's SVG 1.1 subset schema (svg11-subset.xsd) were checked\n"
            ), "\(result)")
        #expect(!result.stderr.contains("No declaration"), "\(result)")
        #expect(result.stderr.hasSuffix("\n1 warning\n"), "\(result)")
    }

    @Test("an undeclared entity such as &nbsp; says it is not declared and how to write the character")
    func undeclaredEntity() throws {
        let result = try Self.validateWithoutTheDTD(
            Self.header + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="100" height="50">
                  <title>a&nbsp;b</title>
                </svg>

                """, as: "nbsp.svg")
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains(
                """
                nbsp.svg:4:11: error: the entity '&nbsp;' is not declared: XML itself declares only &amp;, &lt;, &gt;, &quot; and &apos;
                 4 |   <title>a&nbsp;b</title>
                   |           ^~~~~~
                   = help: write the character itself, or a numeric character reference such as '&#160;'

                """), "\(result)")
        #expect(result.stderr.hasSuffix("\n1 error and 1 warning\n"), "\(result)")
    }

    @Test("an external entity on the network is refused as such without the SVG 1.1 DTD, not sent to install it")
    func networkEntity() throws {
        let result = try Self.validateWithoutTheDTD(
            Self.header(withSubset: "<!ENTITY logo SYSTEM \"http://example.com/logo.txt\">") + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10"><title>&logo;</title></svg>

                """, as: "net.svg")
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains(
                "net.svg:3:24: error: the external entity 'http://example.com/logo.txt' was not read: journey never goes to the network\n"
            ), "\(result)")
        #expect(result.stderr.hasSuffix("\n1 error and 2 warnings\n"), "\(result)")
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

    @Test(
        "--format json prints every finding as one JSON document on standard output",
        .enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
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

    @Test(
        "--format json on valid files prints an empty list and exits 0",
        .enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
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

    // MARK: - Hostile documents

    /// A journey document whose DOCTYPE declares a 1,000-character entity referenced 20,000 times
    /// in an attribute and in text: 40 MB if the references were expanded, from 121 KB.
    static let amplifyingJourney = """
        <?xml version="1.0"?>
        <!DOCTYPE journey [
          <!ENTITY big "\(String(repeating: "x", count: 1_000))">
        ]>
        <journey xmlns="https://journey.tools/schema/journey/1" version="1" name="\(String(repeating: "&big;", count: 20_000))">
          <state>\(String(repeating: "&big;", count: 20_000))</state>
        </journey>

        """

    @Test("a journey document that declares an entity is refused where it is declared, nothing expanded")
    func entityDeclarationInJourneyXML() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.amplifyingJourney, to: "amp.xml")
            let result = try runJourney(["validate", "amp.xml"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(
                result.stderr.hasPrefix(
                    "amp.xml:3:3: error: the document declares the entity 'big' in its DOCTYPE, "
                        + "which journey XML does not support\n"), "\(result.stderr.prefix(500))")
            #expect(result.stderr.hasSuffix("\n1 error\n"), "\(result.stderr.suffix(500))")
        }
    }

    @Test(
        "an SVG may declare entities: libxml2 keeps them unexpanded and its own limits apply",
        .enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func entityDeclarationInSVG() throws {
        try withTemporaryDirectory { folder in
            let svg = """
                <?xml version="1.0"?>
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
                  <!ENTITY big "\(String(repeating: "x", count: 1_000))">
                ]>
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                  <title>\(String(repeating: "&big;", count: 20_000))</title>
                </svg>

                """
            try folder.writing(svg, to: "amp.svg")
            let result = try runJourney(["validate", "amp.svg"], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == "amp.svg: checked well-formed XML and the SVG 1.1 DTD\n")
        }
    }

    @Test("a DOCTYPE naming standard input is not read: only the DTDs of the XML catalog are")
    func doctypeNamingStandardInput() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(
                "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"/dev/stdin\">\n<r/>\n", to: "r.xml")
            // Read, this DTD made the document valid.
            let result = try runJourney(
                ["validate", "r.xml"], stdin: Data("<!ELEMENT r EMPTY>\n".utf8), currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "r.xml: checked well-formed XML\n")
            #expect(
                result.stderr.hasPrefix(
                    "r.xml:2:1: error: the DTD '/dev/stdin' was not found in the system XML catalog\n"),
                "\(result)")
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
