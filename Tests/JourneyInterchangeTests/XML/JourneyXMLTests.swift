import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyInterchange
@testable import JourneyLanguage
@testable import JourneyXML

/// The project's XML format (docs/formats.md, section "XML"): export, validation against
/// Sources/JourneyInterchange/XML/Schemas/journey-1.xsd in process and with xmllint, and import back to the model.
@Suite struct JourneyXMLTests {
    static let files: [URL] = Repository.journeyFiles(in: "journeys")
    static let schemaFile = Repository.root.appendingPathComponent(Repository.schemas + "/journey-1.xsd")
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")
    static let origin = SourceLocation(line: 1, column: 1)

    /// The journey of a file of journeys/, as `journey check` reads it.
    static func journey(_ url: URL) throws -> Journey {
        let result = check(try String(contentsOf: url, encoding: .utf8), name: url.lastPathComponent)
        #expect(!result.hasErrors)
        return result.journey
    }

    /// Imports `xml`, a document given as text.
    static func parse(_ xml: String, name: String = "test.xml") -> ParsedJourney {
        XMLJourneyImporter.parse(Array(xml.utf8), name: name)
    }

    /// A document with `body` inside the root element, the root's start tag alone on line 2.
    static func document(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <journey xmlns="https://journey.tools/schema/journey/1" version="1" name="Test">
        \(body)
        </journey>
        """
    }

    /// "3:7 xml-invalid" for each diagnostic, to compare places and kinds at once.
    static func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location) \($0.code)" }
    }

    // MARK: - Round trips

    @Test(arguments: files)
    func everyExampleRoundTripsToAnEqualJourney(url: URL) throws {
        let journey = try Self.journey(url)
        let xml = XMLJourneyExporter.export(journey)
        let imported = Self.parse(xml, name: url.lastPathComponent + ".xml")
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.map(\.message))")
        #expect(imported.journey.withoutSourceLocations() == journey.withoutSourceLocations())
        #expect(
            XMLJourneyExporter.export(imported.journey) == xml, "exporting the imported journey gives the same bytes")
        #expect(XMLJourneyExporter.export(journey) == xml, "byte-identical from run to run")
        // What `journey import` does next: the imported journey as a .journey file checks the same.
        let written = check(JourneyFormatter.format(imported.journey), name: "imported.journey")
        #expect(written.diagnostics.isEmpty, "\(written.diagnostics.map(\.message))")
        #expect(written.journey.withoutSourceLocations() == journey.withoutSourceLocations())
    }

    @Test(arguments: files)
    func everyExportIsValidAgainstTheSchemaInProcess(url: URL) throws {
        let xml = XMLJourneyExporter.export(try Self.journey(url))
        let result = XMLValidator.validateJourneyXML(xml, name: "export.xml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.grammar == .schema(name: "journey-1.xsd"))
        // The schema file from the repository, compiled on its own, agrees.
        let schema = try XMLSchema(contentsOf: Self.schemaFile.path)
        #expect(XMLValidator.validate(xml, name: "export.xml", against: schema).isValid)
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<journey "))
        #expect(!xml.contains("<!DOCTYPE"))
    }

    @Test(.enabled(if: OptionalTools.xmllint != nil, OptionalTools.xmllintMissing), arguments: files)
    func everyExportIsValidForXmllint(url: URL) throws {
        let xml = XMLJourneyExporter.export(try Self.journey(url))
        let output = try Self.xmllint(xml)
        #expect(output?.status == 0, "\(output?.messages ?? "")")
        #expect(output?.messages.contains("validates") == true)
    }

    @Test func dressmateMatchesTheSnapshot() throws {
        let xml = XMLJourneyExporter.export(
            try Self.journey(Repository.root.appendingPathComponent("journeys/dressmate.journey")))
        let file = Self.snapshots.appendingPathComponent("dressmate.xml")
        if ProcessInfo.processInfo.environment["JOURNEY_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try Data(xml.utf8).write(to: file)
            Issue.record("recorded \(file.lastPathComponent); run again without JOURNEY_RECORD_SNAPSHOTS")
            return
        }
        let expected = try #require(
            try? String(contentsOf: file, encoding: .utf8),
            "no snapshot dressmate.xml: record it with JOURNEY_RECORD_SNAPSHOTS=1")
        if xml != expected {
            let actual = xml.split(separator: "\n", omittingEmptySubsequences: false)
            let lines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actual, lines).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record(
                first.map { "line \($0.offset + 1):\n  expected: \($0.element.1)\n  actual:   \($0.element.0)" }
                    ?? "the lengths differ: \(actual.count) lines against \(lines.count)")
        }
    }

    @Test func trickyTextSurvivesExactly() throws {
        let tricky = [
            "<Café & \"quotes\" 'single' \\ 😀 ]]> --> &amp; &#10;",
            "  spaces around  ",
            "\ttabs\tand a carriage\rreturn",
            "שלום עולם — مرحبا بالعالم",  // right to left
            "e\u{301} 👩🏽‍💻 🇮🇹 \u{200D}\u{FEFF}",
            " ",
            "first line\nsecond line\n",
        ]
        for text in tricky {
            let journey = Journey(
                name: text,
                personas: [Persona(id: text, description: text, location: Self.origin)],
                channels: [Channel(id: text, media: .partner, description: text, location: Self.origin)],
                stages: [
                    Stage(
                        name: text, reach: 10, target: 0.5, owner: text, events: [text, text],
                        touchpoints: [
                            Touchpoint(
                                name: text, score: -1, channel: text, isMeasured: true, metric: text, personas: [text],
                                engagement: .coCreation, pains: [text], ideas: [text], thoughts: [text],
                                location: Self.origin)
                        ], location: Self.origin)
                ])
            let xml = XMLJourneyExporter.export(journey)
            let validation = XMLValidator.validateJourneyXML(xml, name: "tricky.xml")
            #expect(validation.isValid, "\(validation.diagnostics.map(\.message))")
            if let output = try Self.xmllint(xml) {
                #expect(output.status == 0, "\(output.messages)")
            }
            let imported = Self.parse(xml)
            #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.map(\.message))")
            #expect(
                imported.journey.withoutSourceLocations() == journey.withoutSourceLocations(),
                "\(text.debugDescription)")
        }
    }

    @Test func numbersSurviveExactly() throws {
        let journey = Journey(
            name: "Numbers", scale: ScoreScale(minimum: -2.5, maximum: 1000), state: .future,
            stages: [
                Stage(
                    name: "A", reach: Int.max, target: 0.1234567891,
                    touchpoints: [
                        Touchpoint(name: "third", score: 1.0 / 3, location: Self.origin),
                        Touchpoint(name: "tiny", score: -1e-300, location: Self.origin),
                        Touchpoint(name: "huge", score: 999.9999999999999, location: Self.origin),
                        Touchpoint(name: "edge", score: -2.5, location: Self.origin),
                    ], location: Self.origin),
                Stage(name: "B", reach: 0, target: 1e-27, location: Self.origin),
                Stage(name: "C", reach: 0, target: 1, location: Self.origin),
            ])
        let xml = XMLJourneyExporter.export(journey)
        #expect(xml.contains(#"<scale min="-2.5" max="1000"/>"#))
        #expect(xml.contains(#"reach="9223372036854775807" target="0.1234567891""#))
        #expect(xml.contains(#"score="0.3333333333333333""#))
        #expect(xml.contains(#"score="-1e-300""#))
        #expect(xml.contains(#"score="999.9999999999999""#))
        #expect(xml.contains(#"target="1e-27""#))
        #expect(xml.contains(#"<state>future</state>"#))
        #expect(XMLValidator.validateJourneyXML(xml, name: "numbers.xml").isValid)
        let imported = Self.parse(xml)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.map(\.message))")
        #expect(imported.journey.withoutSourceLocations() == journey.withoutSourceLocations())
    }

    @Test func importingAnUndeclaredEntitySaysItIsNotDeclaredAndFailsOnlyWellFormedness() {
        let xml = Self.document("  <state>a&nbsp;b</state>")
        let imported = Self.parse(xml)
        #expect(Self.summary(imported.diagnostics) == ["3:11 xml-undeclared-entity"])
        #expect(
            imported.diagnostics.first?.help
                == "write the character itself, or a numeric character reference such as '&#160;'")
        let validation = XMLValidator.validateJourneyXML(xml, name: "test.xml")
        #expect(validation.checks == [])
        #expect(validation.failedChecks == [.wellFormedness])
    }

    // MARK: - Line breaks, which a .journey file turns into spaces

    @Test func lineBreaksSurviveInAttributesAndContent() throws {
        let text = "one\ntwo\r\nthree\rfour\n"
        let journey = Journey(
            name: text,
            stages: [
                Stage(
                    name: "A",
                    touchpoints: [
                        Touchpoint(name: "t", score: 1, pains: [text], location: Self.origin)
                    ], location: Self.origin)
            ])
        let xml = XMLJourneyExporter.export(journey)
        #expect(
            xml.contains(#"name="one&#10;two&#13;&#10;three&#13;four&#10;""#), "attributes hold character references")
        #expect(xml.contains("<pain>one\ntwo&#13;\nthree&#13;four\n</pain>"), "content holds line feeds as they are")
        #expect(XMLValidator.validateJourneyXML(xml, name: "lines.xml").isValid)
        if let output = try Self.xmllint(xml) {
            #expect(output.status == 0, "\(output.messages)")
        }
        let imported = Self.parse(xml)
        #expect(imported.diagnostics.isEmpty)
        #expect(imported.journey.withoutSourceLocations() == journey.withoutSourceLocations())
    }

    @Test func whiteSpaceInContentIsText() {
        let result = Self.parse(
            Self.document(
                """
                  <stages>
                    <stage name="A">
                      <touchpoint name="t" score="1">
                        <pain>
                          Forced sign-up
                        </pain>
                      </touchpoint>
                    </stage>
                  </stages>
                """))
        #expect(result.diagnostics.isEmpty)
        #expect(result.journey.touchpoints.first?.pains == ["\n          Forced sign-up\n        "])
    }

    @Test func emptyTextIsAnError() {
        let result = Self.parse(
            Self.document(
                """
                  <stages>
                    <stage name="A" owner="">
                      <event></event>
                    </stage>
                  </stages>
                """))
        #expect(Self.summary(result.diagnostics) == ["4:21 xml-invalid", "5:7 xml-invalid"])
        #expect(result.diagnostics.allSatisfy { $0.help?.contains("never empty") == true })
    }

    // MARK: - Invalid documents

    @Test func anUnknownMediaIsAnErrorAtItsAttribute() throws {
        let result = Self.parse(
            Self.document(
                """
                  <channels>
                    <channel id="site" media="owend"/>
                  </channels>
                """))
        #expect(Self.summary(result.diagnostics) == ["4:24 xml-invalid"])
        #expect(
            result.diagnostics.first?.message
                == "Element 'channel', attribute 'media': [facet 'enumeration'] The value 'owend' is not an element of the set {'owned', 'paid', 'partner', 'earned'}."
        )
        #expect(result.diagnostics.first?.range.length == 5, "the caret covers 'media'")
        #expect(result.journey == Journey(name: ""), "an invalid document gives no journey")
    }

    @Test func aMissingNameIsAnErrorAtTheRootElement() {
        let result = Self.parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <journey xmlns="https://journey.tools/schema/journey/1"
                     version="1">
            </journey>
            """)
        #expect(
            result.diagnostics.map(\.message) == ["Element 'journey': The attribute 'name' is required but missing."])
        #expect(result.diagnostics.map(\.location.line) == [3])
    }

    @Test(arguments: [
        (#"<journey version="1" name="x"/>"#, "<journey> in no namespace"),
        (
            #"<journey xmlns="https://journey.tools/schema/journey/2" version="1" name="x"/>"#,
            "<journey> in the namespace 'https://journey.tools/schema/journey/2'"
        ),
        (#"<svg xmlns="http://www.w3.org/2000/svg"/>"#, "<svg> in the namespace 'http://www.w3.org/2000/svg'"),
    ])
    func aRootOutsideTheNamespaceIsNotAJourney(root: String, found: String) {
        let result = Self.parse("<?xml version=\"1.0\"?>\n\n" + root + "\n")
        #expect(Self.summary(result.diagnostics) == ["3:1 xml-not-a-journey"])
        #expect(
            result.diagnostics.first?.message
                == "the root element is \(found), not <journey> in the namespace 'https://journey.tools/schema/journey/1'"
        )
    }

    @Test func aDocumentThatIsNotWellFormedFailsAtItsLine() {
        let result = Self.parse(
            Self.document(
                """
                  <stages>
                    <stage name="Fish & chips"/>
                  </stages>
                """))
        #expect(result.diagnostics.first?.code == "xml-not-well-formed")
        #expect(result.diagnostics.first?.location.line == 4)
        #expect(result.hasErrors)
    }

    @Test func undeclaredChannelsAndPersonasAreErrorsAtTheirTouchpoint() {
        let result = Self.parse(
            Self.document(
                """
                  <personas>
                    <persona id="giulia"/>
                  </personas>
                  <channels>
                    <channel id="site" media="owned"/>
                  </channels>
                  <stages>
                    <stage name="A">
                      <touchpoint name="t" score="1" channel="stie">
                        <persona ref="giula"/>
                      </touchpoint>
                    </stage>
                  </stages>
                """))
        #expect(result.diagnostics.map(\.location.line) == [11, 12])
        #expect(
            result.diagnostics.map(\.message) == [
                "Element 'touchpoint': No match found for key-sequence ['stie'] of keyref 'touchpointChannel'.",
                "Element 'persona': No match found for key-sequence ['giula'] of keyref 'touchpointPersona'.",
            ])
        #expect(result.diagnostics.first?.help?.contains("<channel>") == true)
    }

    @Test func duplicateIdsAndStageNamesAreErrors() {
        let result = Self.parse(
            Self.document(
                """
                  <channels>
                    <channel id="site" media="owned"/>
                    <channel id="site" media="paid"/>
                  </channels>
                  <stages>
                    <stage name="A"/>
                    <stage name="A"/>
                  </stages>
                """))
        #expect(result.diagnostics.map(\.location.line) == [5, 9])
        #expect(
            result.diagnostics.map(\.help) == [
                "each channel needs an id of its own", "each stage needs a name of its own",
            ])
    }

    @Test func numbersOutOfTheirRangesAreErrors() {
        let result = Self.parse(
            Self.document(
                """
                  <scale min="1" max="5"/>
                  <stages>
                    <stage name="A" reach="-3" target="1.5">
                      <touchpoint name="t" score="INF"/>
                    </stage>
                  </stages>
                """))
        #expect(
            Self.summary(result.diagnostics) == [
                "3:10 xml-invalid", "5:21 xml-invalid", "5:32 xml-invalid", "6:28 xml-invalid",
            ])
    }

    @Test func aScaleBeyondTheLanguagesBoundsIsAnError() {
        let result = Self.parse(
            Self.document(
                """
                  <scale min="-1e20" max="0.5"/>
                  <stages>
                    <stage name="A">
                      <touchpoint name="t" score="0.25"/>
                    </stage>
                  </stages>
                """))
        #expect(Self.summary(result.diagnostics) == ["3:10 xml-invalid", "3:22 xml-invalid"])
        #expect(result.diagnostics.first?.message.contains("less than the minimum value allowed ('-1000')") == true)
    }

    @Test func aScoreOutsideTheScaleIsAnErrorAtTheScore() {
        let result = Self.parse(
            Self.document(
                """
                  <scale min="-3" max="3"/>
                  <stages>
                    <stage name="A">
                      <touchpoint name="t" score="4.5"/>
                    </stage>
                  </stages>
                """))
        #expect(Self.summary(result.diagnostics) == ["6:35 score-outside-scale"])
        #expect(result.diagnostics.first?.message == "the score 4.5 is outside the scale -3..3")
        #expect(result.incompleteStages == [0])
        #expect(result.journey.touchpoints.first?.score == 4.5, "the touchpoint is still read")
    }

    @Test func aMetricWithoutMeasuredIsAnError() {
        let result = Self.parse(
            Self.document(
                """
                  <stages>
                    <stage name="A">
                      <touchpoint name="t" score="1" metric="NPS"/>
                    </stage>
                  </stages>
                """))
        #expect(Self.summary(result.diagnostics) == ["5:46 metric-without-measured"])
    }

    @Test func aNumberTooLargeForADoubleIsAnError() {
        // libxml2 takes 1e400 as an xs:double (infinity); a journey cannot hold it.
        let result = Self.parse(
            Self.document(
                """
                  <stages>
                    <stage name="A">
                      <touchpoint name="t" score="1e400"/>
                    </stage>
                  </stages>
                """))
        #expect(Self.summary(result.diagnostics) == ["5:35 number-out-of-range"])
        #expect(result.diagnostics.first?.message == "the score '1e400' is too large to be a number")
    }

    @Test func anEntityOfTheDoctypeIsOneClearError() {
        let result = Self.parse(
            """
            <?xml version="1.0"?>
            <!DOCTYPE journey [<!ENTITY shop "Dressmate">]>
            <journey xmlns="https://journey.tools/schema/journey/1" version="1" name="&shop;">
              <state>&shop;</state>
            </journey>
            """)
        #expect(Self.summary(result.diagnostics) == ["2:20 xml-entity-reference"])
        #expect(
            result.diagnostics.first?.message
                == "the document declares the entity 'shop' in its DOCTYPE, which journey XML does not support")
    }

    @Test func anEntityExpandingToMegabytesIsRefusedWithoutExpandingIt() {
        // 1,000 characters referenced 20,000 times in text and in an attribute: 40 MB of text
        // out of a 121 KB document if the references were expanded.
        let references = String(repeating: "&big;", count: 20_000)
        let result = Self.parse(
            """
            <?xml version="1.0"?>
            <!DOCTYPE journey [
              <!ENTITY big "\(String(repeating: "x", count: 1_000))">
            ]>
            <journey xmlns="https://journey.tools/schema/journey/1" version="1" name="\(references)">
              <state>\(references)</state>
            </journey>
            """)
        #expect(Self.summary(result.diagnostics) == ["3:3 xml-entity-reference"])
        #expect(result.journey.name == "", "nothing is read from a refused document")
    }

    // MARK: - What a hand-written document may do

    @Test func handWrittenVariationsReadAsTheSameJourney() throws {
        let result = Self.parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Written by hand: a prefix, comments, CDATA, white space around values. -->
            <j:journey xmlns:j="https://journey.tools/schema/journey/1" version=" 1 " name='Caf&#xE9; "A"'>
              <j:channels>
                <j:channel id="site" media=" owned ">The <![CDATA[<shop> & app]]></j:channel>
              </j:channels>
              <j:stages>
                <j:stage name="Visit"
                         reach="+0120"
                         target=" .5 ">
                  <!-- a touchpoint -->
                  <j:touchpoint
                      name="Browses"
                      score=" 2.50 " channel="site" measured="1" engagement=" co-creation "/>
                </j:stage>
                <j:stage name="Buy" reach="60"/>
              </j:stages>
            </j:journey>
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let expected = Journey(
            name: #"Café "A""#,
            channels: [Channel(id: "site", media: .owned, description: "The <shop> & app", location: Self.origin)],
            stages: [
                Stage(
                    name: "Visit", reach: 120, target: 0.5,
                    touchpoints: [
                        Touchpoint(
                            name: "Browses", score: 2.5, channel: "site", isMeasured: true, engagement: .coCreation,
                            location: Self.origin)
                    ], location: Self.origin),
                Stage(name: "Buy", reach: 60, location: Self.origin),
            ])
        #expect(result.journey.withoutSourceLocations() == expected.withoutSourceLocations())
        #expect(result.journey.scale == .standard && result.journey.state == .current, "the language's defaults")
        // Every element is located at its name, attribute values at their first character.
        #expect(result.journey.channels.first?.location == SourceLocation(line: 5, column: 6))
        #expect(result.journey.stages.first?.location == SourceLocation(line: 8, column: 6))
        #expect(result.journey.stages.first?.reachRange == SourceRange(line: 9, column: 21, length: 5))
        #expect(result.journey.stages.first?.targetRange == SourceRange(line: 10, column: 22, length: 4))
        #expect(result.journey.touchpoints.first?.location == SourceLocation(line: 12, column: 8))
    }

    @Test func aMinifiedDocumentReadsTheSameWithColumns() throws {
        let journey = try Self.journey(Repository.root.appendingPathComponent("journeys/dressmate.journey"))
        let minified = XMLJourneyExporter.export(journey)
            .split(separator: "\n").map { $0.drop { $0 == " " } }.joined()
        let result = Self.parse(minified)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.journey.withoutSourceLocations() == journey.withoutSourceLocations())
        let line = Array(minified.unicodeScalars)
        let location = try #require(result.journey.stages.last?.location)
        #expect(location.line == 1)
        #expect(
            String(String.UnicodeScalarView(line[(location.column - 2)...].prefix(21))) == #"<stage name="Loyalty""#)
    }

    @Test func funnelWarningsPointIntoTheDocument() {
        let result = Self.parse(
            Self.document(
                """
                  <stages>
                    <stage name="A" reach="10" target="0.5">
                      <touchpoint name="t" score="1"/>
                    </stage>
                    <stage name="B" reach="20">
                      <touchpoint name="t" score="1"/>
                    </stage>
                  </stages>
                """))
        #expect(result.diagnostics.isEmpty)
        let warnings = FunnelChecks.diagnostics(for: result.journey, incompleteStages: result.incompleteStages)
        #expect(Self.summary(warnings) == ["7:28 reach-increases"])
    }

    @Test func metricsAreNotRead() throws {
        let journey = try Self.journey(Repository.root.appendingPathComponent("journeys/dressmate.journey"))
        let xml = XMLJourneyExporter.export(journey)
            .replacingOccurrences(of: #"recoverable="1174""#, with: #"recoverable="1""#)
            .replacingOccurrences(of: "Purchase converts", with: "Someone wrote that Purchase converts")
        let imported = Self.parse(xml)
        #expect(imported.diagnostics.isEmpty)
        #expect(imported.journey.withoutSourceLocations() == journey.withoutSourceLocations())
    }

    @Test func aJourneyWithoutReachHasNoMetrics() {
        let journey = Journey(name: "No reach", stages: [Stage(name: "A", location: Self.origin)])
        let xml = XMLJourneyExporter.export(journey)
        #expect(!xml.contains("<metrics"))
        #expect(XMLValidator.validateJourneyXML(xml, name: "x.xml").isValid)
        #expect(
            XMLJourneyExporter.export(Journey(name: "Empty")) == """
                <?xml version="1.0" encoding="UTF-8"?>
                <journey xmlns="https://journey.tools/schema/journey/1" version="1" name="Empty">
                  <scale min="-5" max="5"/>
                  <state>current</state>
                </journey>

                """)
    }

    // MARK: - The schema and `journey validate`

    @Test func allHoldsEveryFileOfTheSchemasFolderByteForByte() throws {
        let files = try Repository.resourceFiles(in: Repository.schemas)
        #expect(
            JourneySchema.all.map(\.fileName) == files.map(\.name),
            "list every file of \(Repository.schemas) in JourneySchema.all, and nothing else")
        for file in files {
            guard let schema = JourneySchema.all.first(where: { $0.fileName == file.name }) else { continue }
            let identical = Array(schema.text.utf8) == file.bytes
            #expect(
                identical,
                "JourneySchema.all's entry for \(file.name) is not the file byte for byte: another file's bytes, or not UTF-8"
            )
        }
    }

    @Test func version1IsBundledAndCompiles() {
        #expect(JourneySchema.version1.fileName == "journey-1.xsd")
        #expect(JourneySchema.compiled.name == "journey-1.xsd")
    }

    @Test func validateRecognizesJourneyDocumentsByTheirNamespace() {
        let valid = XMLValidator.validateRecognizingJourneyXML(Array(Self.document("").utf8), name: "j.xml")
        #expect(valid.isValid && valid.grammar == .schema(name: "journey-1.xsd"))

        let invalid = Self.document(#"  <state>past</state>"#)
        #expect(
            Self.summary(XMLValidator.validateRecognizingJourneyXML(Array(invalid.utf8), name: "j.xml").diagnostics)
                == ["3:3 xml-invalid"])
        #expect(
            XMLValidator.validate(Array(invalid.utf8), name: "j.xml").isValid, "without the schema, only well-formed")

        let unqualified = XMLValidator.validateRecognizingJourneyXML(Array(#"<journey name="x"/>"#.utf8), name: "j.xml")
        #expect(unqualified.diagnostics.map(\.code) == ["xml-not-a-journey"])

        let other = XMLValidator.validateRecognizingJourneyXML(
            Array(#"<report xmlns="urn:x"><a/></report>"#.utf8), name: "r.xml")
        #expect(other.isValid && other.grammar == nil)
        let svg = XMLValidator.validateRecognizingJourneyXML(
            Array(#"<svg xmlns="http://www.w3.org/2000/svg"/>"#.utf8), name: "a.svg")
        #expect(svg.diagnostics.map(\.code) == ["svg-doctype-missing"])
    }

    // MARK: - xmllint

    /// Runs `xmllint --noout --schema` with `schemaFile` on `xml`; nil without xmllint.
    static func xmllint(_ xml: String) throws -> (status: Int32, messages: String)? {
        guard let xmllint = OptionalTools.xmllint else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "journey-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("export.xml")
        try Data(xml.utf8).write(to: file)
        let process = Process()
        process.executableURL = xmllint
        process.arguments = ["--noout", "--nonet", "--schema", schemaFile.path, file.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

// MARK: - The customers block, rungs and partners' levels

extension JourneyXMLTests {
    @Test func theCustomersBlockRungsAndPartnersLevelsGoThereAndBack() throws {
        let journey = LadderAndPartnersJourney.journey
        let xml = XMLJourneyExporter.export(journey)
        #expect(XMLValidator.validateJourneyXML(xml, name: "export.xml").diagnostics.isEmpty)
        let imported = Self.parse(xml)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.map(\.message))")
        #expect(imported.journey.withoutSourceLocations() == journey.withoutSourceLocations())
        #expect(xml.contains(#"<channel id="shop" media="owned"/>"#))
        #expect(
            xml.contains(
                #"<channel id="courier" media="partner" vcp="profitability" vcpTheirs="credibility">Courier</channel>"#)
        )
        #expect(xml.contains(#"<channel id="reviews" media="earned" vcp="visibility"/>"#))
        #expect(xml.contains("</channels>\n  <customers recommend=\"0..10\" fan=\"4\" lostAfter=\"1.5\"/>\n  <stages>"))
        #expect(xml.contains(#"<stage name="Repeat" reach="400" target="0.3" rung="buyer">"#))
        let repeatLine = xml.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains(#"<stage name="Repeat""#) }
        let rungRange = try #require(imported.journey.stages[1].rungRange)
        #expect(rungRange.start.line == (repeatLine ?? 0) + 1, "a rung is located at its attribute value")
        #expect(rungRange.length == 5)
    }

    @Test func customersAttributesLeftOutKeepTheirDefaults() {
        let result = Self.parse(Self.document(#"  <customers fan="3"/>"#))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.journey.customers == RelationshipRules(fanPurchaseDays: 3))
    }

    @Test func theSchemaChecksTheValuesOfTheNewAttributes() {
        let result = Self.parse(
            Self.document(
                """
                  <channels>
                    <channel id="c" media="partner" vcp="trust"/>
                  </channels>
                  <customers recommend="1..5" fan="1" lostAfter="0"/>
                  <stages>
                    <stage name="A" rung="fan"/>
                  </stages>
                """))
        #expect(result.diagnostics.allSatisfy { $0.code == "xml-invalid" }, "\(result.diagnostics.map(\.message))")
        #expect(Set(result.diagnostics.map(\.location.line)) == [4, 6, 8])
        for attribute in ["vcp", "recommend", "fan", "lostAfter", "rung"] {
            #expect(
                result.diagnostics.contains { $0.message.contains("'\(attribute)'") },
                "the schema rejects the value of \(attribute)")
        }
    }

    @Test func thePartnersViewWithoutOursIsAnError() {
        let result = Self.parse(
            Self.document(
                """
                  <channels>
                    <channel id="c" media="partner" vcpTheirs="credibility"/>
                  </channels>
                """))
        #expect(Self.summary(result.diagnostics) == ["4:48 theirs-without-vcp"])
        #expect(result.journey.channels.first?.vcp == nil)
    }
}
