import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyLanguage
@testable import JourneyXML

/// XMLValidator with libxml2 and the system XML catalog: SVG against journey's SVG 1.1 subset
/// schema and the SVG 1.1 DTD, well-formedness of any XML, XML Schema, and that none of it
/// touches the network.
///
/// Tests of the DTD's own findings run only where the SVG 1.1 DTD is installed (w3c-sgml-lib).
@Suite struct XMLValidatorTests {
    static let dtdMissing: Comment =
        "the SVG 1.1 DTD is not in the system XML catalog (apt-get install w3c-sgml-lib)"

    // MARK: - Valid SVG

    @Test func minimalSVGWithTheDoctypePasses() {
        let result = XMLValidator.validateSVG(Fixtures.minimalSVG, name: "minimal.svg")
        #expect(result.diagnostics == [])
        #expect(result.isValid)
        #expect(result.checks.contains(.svgSubsetSchema), "journey's SVG is always checked against its schema")
    }

    @Test(.enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func minimalSVGIsCheckedAgainstTheDTDTooWhenItIsInstalled() {
        let result = XMLValidator.validateSVG(Fixtures.minimalSVG, name: "minimal.svg")
        #expect(result.grammar == .dtd(.svg11), "the SVG must have been validated against the SVG 1.1 DTD")
        #expect(result.checks == [.wellFormedness, .dtd(.svg11), .svgSubsetSchema])
    }

    @Test func withoutTheDTDJourneysSVGRestsOnTheSubsetSchemaAndNoErrorSaysOtherwise() {
        // The probe and the fixture agree with the installed catalog, whatever it holds.
        let result = XMLValidator.validateSVG(Fixtures.minimalSVG, name: "minimal.svg")
        let expected: [ValidationCheck] =
            XMLValidator.svg11DTDIsInstalled
            ? [.wellFormedness, .dtd(.svg11), .svgSubsetSchema] : [.wellFormedness, .svgSubsetSchema]
        #expect(result.checks == expected)
        #expect(result.diagnostics == [])
    }

    @Test func aValueOutsideSVG11sGrammarFailsTheSubsetSchema() {
        let marked = MarkedText(
            Fixtures.svgHeader + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                1️⃣  <text x="1" y="1" text-anchor="left">A</text>
                </svg>
                """)
        let result = XMLValidator.validateSVG(marked.text, name: "anchor.svg")
        let subset = result.diagnostics.filter { $0.help?.contains(SVGSubsetSchema.fileName) == true }
        #expect(subset.map(\.code) == ["xml-invalid"])
        // libxml2 gives schema findings a line but no column.
        #expect(subset.first?.location == marked[1])
        #expect(subset.first?.message.contains("'left'") == true)
    }

    @Test(.enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func theGenericEntryPointValidatesAnSVGAgainstItsDTD() {
        let result = XMLValidator.validate(Array(Fixtures.minimalSVG.utf8), name: "minimal.svg")
        #expect(result.isValid)
        #expect(result.grammar == .dtd(.svg11))
    }

    @Test func escapedTrickyTextPassesInTextTitleAndAttributes() {
        // The fixture carries attributes journey's charts do not use, so it goes through the generic entry.
        let result = XMLValidator.validate(Fixtures.trickyTextSVG, name: "tricky.svg")
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.message) == [])
        #expect(result.isValid)
    }

    @Test(arguments: Fixtures.trickyLabels)
    func eachTrickyLabelEscapedPasses(_ label: String) {
        let result = XMLValidator.validate(Fixtures.svg(labelled: label), name: "label.svg")
        #expect(result.isValid, "\(result.diagnostics.map(\.message))")
    }

    // MARK: - Invalid against the DTD

    @Test(.enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func anElementTheDTDDoesNotDeclareFailsAtItsTag() {
        let marked = MarkedText(
            Fixtures.svgHeader + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                  1️⃣<foo/>
                2️⃣</svg>
                """)
        let result = XMLValidator.validate(marked.text, name: "foo.svg")
        #expect(!result.isValid)
        #expect(result.diagnostics.map(\.code) == ["xml-invalid", "xml-invalid"])
        #expect(result.diagnostics.map(\.location) == [marked[1], marked[2]])
        #expect(result.diagnostics.first?.message == "No declaration for element foo")
        #expect(result.diagnostics.first?.range.length == 4, "the caret covers '<foo'")
        #expect(result.diagnostics.last?.message.hasPrefix("Element svg content does not follow the DTD") == true)
        #expect(result.diagnostics.first?.help == "the document must follow the SVG 1.1 DTD")
    }

    @Test(.enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func anAttributeTheDTDDoesNotDeclareFailsAtTheAttribute() {
        let marked = MarkedText(
            Fixtures.svgHeader + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                  <rect 1️⃣bogus="1" x="0" y="0" width="1" height="1"/>
                </svg>
                """)
        let result = XMLValidator.validate(marked.text, name: "bogus.svg")
        #expect(!result.isValid)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.code == "xml-invalid")
        #expect(result.diagnostics.first?.message == "No declaration for attribute bogus of element rect")
        #expect(result.diagnostics.first?.location == marked[1])
        #expect(result.diagnostics.first?.range.length == 5)
    }

    @Test(.enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func anAttributeOnALaterLineOfAStartTagIsFound() {
        let marked = MarkedText(
            Fixtures.svgHeader + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                  <rect x="0" y="0"
                        width="1" height="1"
                        1️⃣bogus="1"/>
                </svg>
                """)
        let result = XMLValidator.validate(marked.text, name: "bogus.svg")
        #expect(result.diagnostics.map(\.location) == [marked[1]])
    }

    @Test(.enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func aMissingRequiredAttributePointsAtTheElement() {
        let marked = MarkedText(
            Fixtures.svgHeader + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                  1️⃣<rect x="0" y="0" width="1"/>
                </svg>
                """)
        let result = XMLValidator.validate(marked.text, name: "rect.svg")
        #expect(result.diagnostics.map(\.message) == ["Element rect does not carry attribute height"])
        #expect(result.diagnostics.map(\.location) == [marked[1]])
    }

    @Test(.enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func aValidityErrorPastLine65535HasItsRealLine() {
        let groups = String(repeating: "<g/>\n", count: 70_000)
        let text =
            Fixtures.svgHeader + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                \(groups)<foo/>
                </svg>
                """
        let result = XMLValidator.validate(text, name: "long.svg")
        // 2 header lines, the <svg> line, then 70,000 lines of groups.
        #expect(result.diagnostics.first?.location == SourceLocation(line: 70_004, column: 1))
    }

    @Test func aParseErrorPastLine65535HasItsRealLine() {
        let groups = String(repeating: "<g/>\n", count: 70_000)
        let text =
            Fixtures.svgHeader + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                \(groups)<text x="1" y="1">Fish & chips</text>
                </svg>
                """
        let result = XMLValidator.validateSVG(text, name: "long.svg")
        #expect(result.diagnostics.first?.code == "xml-not-well-formed")
        #expect(result.diagnostics.first?.location.line == 70_004)
    }

    // MARK: - Not well-formed

    @Test func anUnclosedTagFailsWithLineAndColumn() {
        let marked = MarkedText(
            Fixtures.svgHeader + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                  <g>
                </svg>1️⃣
                """)
        let result = XMLValidator.validateSVG(marked.text, name: "unclosed.svg")
        #expect(!result.isValid)
        let notWellFormed = result.diagnostics.filter { $0.code == "xml-not-well-formed" }
        #expect(
            notWellFormed.map(\.message) == [
                "Opening and ending tag mismatch: g line 4 and svg",
                "Premature end of data in tag svg line 3",
            ])
        #expect(notWellFormed.map(\.location) == [marked[1], marked[1]])
    }

    @Test func aBareAmpersandFailsAfterEmojiAtTheRightColumn() {
        // libxml2 reports the column just past the '&', counting characters, not bytes.
        let marked = MarkedText(
            Fixtures.svgHeader + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                  <text x="1" y="1">é😀 Fish &1️⃣ chips</text>
                </svg>
                """)
        let result = XMLValidator.validateSVG(marked.text, name: "amp.svg")
        #expect(!result.isValid)
        #expect(result.diagnostics.map(\.code) == ["xml-not-well-formed"])
        #expect(result.diagnostics.first?.message == "xmlParseEntityRef: no name")
        #expect(result.diagnostics.first?.location == marked[1])
    }

    @Test(arguments: [
        ("a < b", "a bare '<'"),
        ("a ]]> b", "']]>' in text"),
        ("a & b", "a bare '&'"),
    ])
    func unescapedTrickyTextFails(_ label: String, _ what: String) {
        let text =
            Fixtures.svgHeader + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                  <text x="1" y="1">\(label)</text>
                </svg>
                """
        let result = XMLValidator.validateSVG(text, name: "raw.svg")
        #expect(!result.isValid, "\(what) must make the document not well-formed")
        #expect(result.diagnostics.contains { $0.code == "xml-not-well-formed" && $0.location.line == 4 })
    }

    @Test func anEmptyDocumentFails() {
        let result = XMLValidator.validate([UInt8](), name: "empty.xml")
        #expect(result.diagnostics.map(\.code) == ["xml-not-well-formed"])
        #expect(result.diagnostics.first?.location == SourceLocation(line: 1, column: 1))
    }

    @Test func messagesHaveNoTrailingNewline() {
        let result = XMLValidator.validate("<a>\n<b></a>\n", name: "x.xml")
        #expect(!result.diagnostics.isEmpty)
        #expect(result.diagnostics.allSatisfy { !$0.message.hasSuffix("\n") && !$0.message.hasSuffix(" ") })
    }

    @Test func onALineLongerThan64KBLibxml2sColumnStandsAndTheLineIsNotSearched() {
        // Searching copied the whole line for every finding: seconds a finding on a line of
        // megabytes, and as many times as it had findings. libxml2 stands at the end of the tag.
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ELEMENT r EMPTY><!ATTLIST r a CDATA #IMPLIED>]>
            <r a="\(String(repeating: "x", count: 70_000))" bogus="1"/>
            """
        let result = XMLValidator.validate(document, name: "long.xml")
        #expect(result.diagnostics.map(\.code) == ["xml-invalid"])
        #expect(result.diagnostics.first?.range == SourceRange(line: 3, column: 70_018))
        #expect(result.diagnostics.first?.message == "No declaration for attribute bogus of element r")
    }

    @Test func aMessageQuotingAHugeValueIsCut() {
        // libxml2 quotes the ID: a 5,000-character ID made a message of 5,000 characters.
        let id = String(repeating: "a", count: 5_000)
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ELEMENT r (e*)><!ELEMENT e EMPTY><!ATTLIST e id ID #IMPLIED>]>
            <r><e id="\(id)"/><e id="\(id)"/></r>
            """
        let message = XMLValidator.validate(document, name: "ids.xml").diagnostics.first?.message ?? ""
        #expect(message.hasPrefix("ID aaaa"), "\(message.prefix(100))")
        #expect(message.hasSuffix("…"))
        #expect(message.unicodeScalars.count == LibXML2Error.longestMessage + 1)
    }

    // MARK: - DOCTYPEs and the catalog, offline

    @Test func anUnknownPublicIDFailsClearlyAndQuicklyWithoutTheNetwork() {
        let marked = MarkedText(
            """
            <?xml version="1.0"?>
            1️⃣<!DOCTYPE svg PUBLIC "-//Nobody//DTD Nothing 9.9//EN" "http://example.invalid/nothing.dtd">
            <svg xmlns="http://www.w3.org/2000/svg"/>
            """)
        let clock = ContinuousClock()
        var result: ValidationResult?
        let elapsed = clock.measure {
            result = XMLValidator.validate(marked.text, name: "unknown.svg")
        }
        #expect(elapsed < .seconds(5), "validation took \(elapsed): did it try the network?")
        #expect(result?.isValid == false)
        #expect(result?.grammar == nil)
        #expect(result?.diagnostics.map(\.code) == ["dtd-not-found"])
        #expect(
            result?.diagnostics.first?.message
                == "the DTD '-//Nobody//DTD Nothing 9.9//EN' was not found in the system XML catalog")
        #expect(result?.diagnostics.first?.location == marked[1])
    }

    @Test func aSystemOnlyDTDThatIsNowhereFails() {
        let result = XMLValidator.validate(
            """
            <?xml version="1.0"?>
            <!DOCTYPE report SYSTEM "https://example.invalid/report.dtd">
            <report/>
            """, name: "report.xml")
        #expect(result.diagnostics.map(\.code) == ["dtd-not-found"])
    }

    @Test(.enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func theSVG11DTDIsFoundInTheSystemCatalog() throws {
        // w3c-sgml-lib installs it; this is what makes the DTD tests meaningful.
        #expect(XMLValidator.validateSVG(Fixtures.minimalSVG, name: "m.svg").grammar == .dtd(.svg11))
    }

    @Test func theSVG11DeclarationIsWrittenAsTheDTDExpects() {
        #expect(
            DocumentTypeDeclaration.svg11.markup
                == #"<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">"#
        )
        #expect(Fixtures.svgHeader.contains(DocumentTypeDeclaration.svg11.markup))
    }

    @Test func anSVGWithoutADoctypeFails() {
        let marked = MarkedText(
            """
            <?xml version="1.0"?>
            1️⃣<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>
            """)
        for result in [
            XMLValidator.validateSVG(marked.text, name: "a.svg"), XMLValidator.validate(marked.text, name: "a.svg"),
        ] {
            #expect(result.diagnostics.map(\.code) == ["svg-doctype-missing"])
            #expect(result.diagnostics.first?.location == marked[1])
            #expect(result.diagnostics.first?.help?.contains("-//W3C//DTD SVG 1.1//EN") == true)
        }
    }

    @Test(.enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func anSVGNamingAnotherDTDIsNotAnSVG11() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.0//EN" "http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>
            """
        #expect(XMLValidator.validateSVG(text, name: "old.svg").diagnostics.map(\.code) == ["svg-doctype-mismatch"])
        // Any SVG with a DOCTYPE is fine for the generic check, which validates it against that DTD.
        #expect(XMLValidator.validate(text, name: "old.svg").isValid)
    }

    @Test func plainXMLWithoutADoctypeIsCheckedForWellFormednessOnly() {
        let result = XMLValidator.validate(
            "<?xml version=\"1.0\"?>\n<report><stage name=\"A &amp; B\"/></report>\n", name: "r.xml")
        #expect(result.diagnostics == [])
        #expect(result.grammar == nil)
    }

    @Test func anInternalSubsetIsUsedAsTheDTD() {
        let marked = MarkedText(
            """
            <?xml version="1.0"?>
            <!DOCTYPE a [
            <!ELEMENT a (b)*>
            <!ELEMENT b EMPTY>
            ]>
            <a><b/>1️⃣<c/></a>
            """)
        let result = XMLValidator.validate(marked.text, name: "a.xml")
        #expect(result.diagnostics.first?.message == "No declaration for element c")
        #expect(result.diagnostics.first?.location == marked[1])
    }

    @Test func anSVGWhoseDoctypeHasOnlyAnInternalSubsetIsToldToNameTheDTD() {
        // The subset declares an entity and no element: libxml2 called every element and attribute undeclared.
        let result = XMLValidator.validate(
            """
            <?xml version="1.0"?>
            <!DOCTYPE svg [ <!ENTITY a "x"> ]>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10"><title>&a;</title></svg>
            """, name: "a.svg")
        #expect(result.diagnostics.map(\.code) == ["svg-doctype-without-dtd"], "\(result.diagnostics)")
        #expect(result.diagnostics.first?.range == SourceRange(line: 2, column: 1, length: 9))
        #expect(
            result.diagnostics.first?.message
                == "the DOCTYPE names no DTD, only an internal subset, so the SVG cannot be validated against the SVG 1.1 DTD"
        )
        #expect(
            result.diagnostics.first?.help
                == "name the SVG 1.1 DTD before the internal subset: <!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" [ … ]>")
        #expect(result.checks == [.wellFormedness])
        #expect(result.failedChecks == [])
    }

    @Test func anInternalSubsetIsNotTakenForTheDTDThatCouldNotBeLoaded() {
        // Only the DTD's absence is reported: not "No declaration for element r", nor for the attribute.
        let result = XMLValidator.validate(
            """
            <?xml version="1.0"?>
            <!DOCTYPE r SYSTEM "https://example.invalid/r.dtd" [ <!ATTLIST r a CDATA #IMPLIED> ]>
            <r a="1"><c/></r>
            """, name: "r.xml")
        #expect(result.diagnostics.map(\.code) == ["dtd-not-found"], "\(result.diagnostics.map(\.message))")
        #expect(result.checks == [.wellFormedness])
        #expect(result.failedChecks == [])
    }

    @Test func anUndeclaredEntitySaysSoAndHowToWriteTheCharacter() {
        let result = XMLValidator.validate("<r>a&nbsp;b</r>\n", name: "r.xml")
        #expect(result.diagnostics.map(\.code) == ["xml-undeclared-entity"])
        #expect(result.diagnostics.first?.range == SourceRange(line: 1, column: 5, length: 6))
        #expect(
            result.diagnostics.first?.message
                == "the entity '&nbsp;' is not declared: XML itself declares only &amp;, &lt;, &gt;, &quot; and &apos;")
        #expect(
            result.diagnostics.first?.help
                == "write the character itself, or a numeric character reference such as '&#160;'")
        let other = XMLValidator.validate("<r>\n  &zwsp;</r>\n", name: "r.xml")
        #expect(other.diagnostics.first?.range == SourceRange(line: 2, column: 3, length: 6))
        #expect(other.diagnostics.first?.help?.hasSuffix("such as '&#160;'") == true)
    }

    @Test func aDocumentThatIsNotWellFormedFailsThatCheckAndNoOther() {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ELEMENT a EMPTY>]>\n<a>Fish & chips</a>\n"
        for result in [XMLValidator.validate(text, name: "a.xml"), XMLValidator.checkWellFormed(text, name: "a.xml")] {
            #expect(result.checks == [])
            #expect(result.failedChecks == [.wellFormedness])
        }
        // libxml2 reports an unbound prefix without clearing its well-formed flag.
        let unbound = XMLValidator.validate("<p:a/>\n", name: "p.xml")
        #expect(unbound.diagnostics.map(\.code) == ["xml-not-well-formed"])
        #expect(unbound.checks == [])
        #expect(unbound.failedChecks == [.wellFormedness])
    }

    @Test func aDocumentItsDTDRejectsPassedWellFormednessAndFailedTheDTD() {
        let result = XMLValidator.validate(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ELEMENT a EMPTY>]>\n<a><b/></a>\n", name: "a.xml")
        #expect(result.checks == [.wellFormedness])
        #expect(result.failedChecks == [.dtd(DocumentTypeDeclaration(rootElement: "a"))])
    }

    @Test func textIsReadAsUTF8WhateverTheDeclarationSays() {
        let text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>é😀</a>\n"
        #expect(XMLValidator.validate(text, name: "a.xml").isValid)
    }

    // MARK: - Many documents, many threads

    @Test func validatingManyDocumentsInARowNeitherLeaksNorCrashes() throws {
        let valid = Fixtures.minimalSVG
        let invalid = Fixtures.svgHeader + "<svg xmlns=\"http://www.w3.org/2000/svg\"><foo bar=\"1\"/></svg>\n"
        // The DTD finds three things wrong with `invalid`; the subset schema alone finds one.
        let invalidCount = XMLValidator.svg11DTDIsInstalled ? 4 : 1
        let broken = Fixtures.svgHeader + "<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>\n"
        for _ in 0..<20 {
            _ = XMLValidator.validateSVG(valid, name: "warm-up.svg")
        }
        let before = try residentBytes()
        for iteration in 0..<400 {
            switch iteration % 3 {
            case 0: #expect(XMLValidator.validateSVG(valid, name: "v.svg").isValid)
            case 1: #expect(XMLValidator.validateSVG(invalid, name: "i.svg").diagnostics.count == invalidCount)
            default: #expect(!XMLValidator.validateSVG(broken, name: "b.svg").isValid)
            }
        }
        let growth = try residentBytes() - before
        // Each parse loads the whole SVG 1.1 DTD (about 1 MB of tree): leaking it 400 times would add
        // about 400 MiB. The bound leaves room for the other tests, which run in parallel in the same
        // process and were seen to add up to 70 MiB while this one ran.
        #expect(growth < 160 << 20, "resident memory grew by \(growth >> 20) MiB over 400 validations")
    }

    @Test func validationsFromManyTasksAtOnceTakeTurns() async {
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                group.addTask {
                    (0..<10).allSatisfy { _ in
                        index.isMultiple(of: 2)
                            ? XMLValidator.validateSVG(Fixtures.minimalSVG, name: "\(index).svg").isValid
                            : XMLValidator.validate("<a><b></a>", name: "\(index).xml").diagnostics.first?.code
                                == "xml-not-well-formed"
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 16))
    }

    // MARK: - XML Schema

    @Test func aDocumentFollowingItsSchemaPasses() throws {
        let schema = try XMLSchema(Array(Fixtures.reportSchema.utf8), name: "report.xsd")
        let result = XMLValidator.validate(
            """
            <?xml version="1.0"?>
            <report version="1"><stage name="Awareness" reach="1000"/></report>
            """, name: "report.xml", against: schema)
        #expect(result.diagnostics == [])
        #expect(result.grammar == .schema(name: "report.xsd"))
    }

    @Test func aDocumentBreakingItsSchemaFailsAtTheElementsLine() throws {
        let schema = try XMLSchema(Array(Fixtures.reportSchema.utf8), name: "report.xsd")
        let result = XMLValidator.validate(
            """
            <?xml version="1.0"?>
            <report version="1">
              <stage name="Awareness" reach="many"/>
            </report>
            """, name: "report.xml", against: schema)
        #expect(!result.isValid)
        #expect(result.diagnostics.map(\.code) == ["xml-invalid"])
        #expect(result.diagnostics.first?.location.line == 3)
        #expect(result.diagnostics.first?.message.contains("reach") == true)
        #expect(result.diagnostics.first?.help == "the document must follow the XML Schema 'report.xsd'")
    }

    @Test func aSchemaThatIsNotXMLSchemaIsRefused() {
        #expect(throws: XMLSchemaError.self) {
            try XMLSchema(
                Array("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:bogus/></xs:schema>".utf8),
                name: "bad.xsd")
        }
        do {
            _ = try XMLSchema(Array("<xs:schema".utf8), name: "broken.xsd")
            Issue.record("a broken schema compiled")
        } catch {
            #expect(error.name == "broken.xsd")
            #expect(error.diagnostics.first?.code == "xml-not-well-formed")
        }
    }

    @Test func aSchemaImportFromTheNetworkIsRefusedQuickly() {
        let schema = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="http://example.invalid/more.xsd"/>
              <xs:element name="a"/>
            </xs:schema>
            """
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let compiled = try? XMLSchema(Array(schema.utf8), name: "net.xsd")
            if let compiled {
                // libxml2 may only warn about the include; the document is then checked without it.
                #expect(XMLValidator.validate("<a/>", name: "a.xml", against: compiled).isValid)
            }
        }
        #expect(elapsed < .seconds(5), "compiling took \(elapsed): did it try the network?")
    }

    @Test func aMissingSchemaFileIsACannotReadError() {
        do {
            _ = try XMLSchema(contentsOf: "/nonexistent/report.xsd")
            Issue.record("a missing schema compiled")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["cannot-read-file"])
        }
    }

    // MARK: - xmllint agrees

    @Test(
        .enabled(if: OptionalTools.xmllint != nil, OptionalTools.xmllintMissing),
        .enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing),
        arguments: Fixtures.crossChecked)
    func xmllintAgrees(_ fixture: Fixtures.CrossChecked) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "journey-xmllint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(fixture.name)
        try Data(fixture.text.utf8).write(to: file)

        guard let xmllint = OptionalTools.xmllint else {
            Issue.record(OptionalTools.xmllintMissing)
            return
        }
        let process = Process()
        process.executableURL = xmllint
        // --valid only where there is a DOCTYPE: without one, xmllint fails for want of a DTD.
        process.arguments =
            ["--noout", "--nonet"] + (fixture.text.contains("<!DOCTYPE") ? ["--valid"] : []) + [file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        let result = XMLValidator.validate(Array(fixture.text.utf8), name: file.path)
        #expect(
            result.isValid == (process.terminationStatus == 0),
            "xmllint said:\n\(output)\njourney said: \(result.diagnostics.map(\.message))")
        #expect(result.isValid == fixture.isValid)
        // Every line journey reports, xmllint reports too (journey's own DOCTYPE messages aside).
        let xmllintLines = Set(
            output.split(separator: "\n").compactMap { line -> Int? in
                let parts = line.split(separator: ":", maxSplits: 2)
                return parts.count == 3 && parts[0] == file.path ? Int(parts[1]) : nil
            })
        for diagnostic in result.diagnostics where diagnostic.code.hasPrefix("xml-") {
            #expect(
                xmllintLines.contains(diagnostic.location.line),
                "journey reports line \(diagnostic.location.line), xmllint only \(xmllintLines.sorted())")
        }
    }

    // MARK: - Well-formedness, which libxml2 checks without building the tree

    @Test(arguments: [
        ("<a>\n<b></a>\n", 2), ("<a x=\"1\" x=\"2\"/>", 1), ("<a>\n&nope;</a>", 2), ("<p:a/>", 1),
        ("<a/>\n<b/>", 2), ("<a>\n1 < 2</a>", 2), ("<a><!-- open</a>", 1), ("<a>&#0;</a>", 1),
        ("<a b=c/>", 1), ("<a>]]></a>", 1), ("<a>\n<![CDATA[x</a>", 2), ("<?xml version=\"1.0\"?><a><?xml x?></a>", 1),
    ])
    func everyWellFormednessErrorIsFound(document: String, line: Int) {
        let result = XMLValidator.checkWellFormed(document, name: "broken.xml")
        #expect(!result.isValid, "\(document.debugDescription)")
        // An entity that nothing declares has a diagnostic of its own, which says how to write the character.
        let code = document.contains("&nope;") ? "xml-undeclared-entity" : "xml-not-well-formed"
        #expect(result.diagnostics.first?.code == code, "\(document.debugDescription)")
        #expect(result.diagnostics.first?.location.line == line, "\(document.debugDescription)")
        #expect(result.failedChecks == [.wellFormedness], "\(document.debugDescription)")
    }

    @Test func aWellFormedDocumentWithEveryKindOfNodeIsAccepted() {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:s="http://www.w3.org/2000/svg">
            <!-- a comment --><?pi data?>
            <body id="b" class='c'>Tom &amp; Jerry &lt;3 &#233; &#x1F600; <![CDATA[ <raw> & ]]>
            <s:svg><s:title>t</s:title></s:svg>   </body>
            </html>
            """
        let result = XMLValidator.checkWellFormed(document, name: "good.html")
        #expect(result.isValid, "\(result.diagnostics.map(\.message))")
        #expect(result.diagnostics == [])
    }
}

extension XMLValidatorTests {
    /// The documents the tests validate.
    enum Fixtures {
        static let svgHeader = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">

            """

        static let minimalSVG =
            svgHeader + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="100" height="50" viewBox="0 0 100 50">
                  <title>Minimal</title>
                  <rect x="0" y="0" width="100" height="50" fill="#ffffff"/>
                </svg>

                """

        /// Labels that break naive SVG writers.
        static let trickyLabels = [
            "Fish & chips < 5 € > \"quoted\" 'single'",
            "CDATA end ]]> in a label",
            "Emoji 😀👩‍👩‍👧 and flags 🇮🇹",
            "Arabic: الدفع عند الاستلام",
            "Hebrew: תשלום במזומן",
            String(repeating: "Long label, ", count: 25),
        ]

        static func svg(labelled label: String) -> String {
            let label = escapedMarkup(label, apostrophe: "&apos;")
            return svgHeader + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="400" height="100">
                  <title>\(label)</title>
                  <desc>\(label)</desc>
                  <g class="\(label)">
                    <text x="10" y="20" direction="rtl">\(label)</text>
                  </g>
                </svg>

                """
        }

        static let trickyTextSVG: String = {
            let labels = trickyLabels.map { escapedMarkup($0, apostrophe: "&apos;") }
            precondition(labels.last.map { $0.unicodeScalars.count >= 300 } == true, "the long label is 300 characters")
            let texts = labels.enumerated().map { index, label in
                "    <text x=\"10\" y=\"\(20 * (index + 1))\">\(label)</text>"
            }.joined(separator: "\n")
            return svgHeader + """
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="800" height="200">
                  <title>\(labels.joined(separator: " · "))</title>
                  <g class="labels">
                \(texts)
                  </g>
                </svg>

                """
        }()

        static let reportSchema = """
            <?xml version="1.0"?>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="report">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="stage" maxOccurs="unbounded">
                      <xs:complexType>
                        <xs:attribute name="name" type="xs:string" use="required"/>
                        <xs:attribute name="reach" type="xs:nonNegativeInteger" use="required"/>
                      </xs:complexType>
                    </xs:element>
                  </xs:sequence>
                  <xs:attribute name="version" type="xs:positiveInteger" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """

        /// A document for the xmllint cross-check.
        struct CrossChecked: Sendable, CustomTestStringConvertible {
            var name: String
            var text: String
            var isValid: Bool
            var testDescription: String { name }
        }

        static let crossChecked: [CrossChecked] = [
            CrossChecked(name: "minimal.svg", text: minimalSVG, isValid: true),
            CrossChecked(name: "tricky.svg", text: trickyTextSVG, isValid: true),
            CrossChecked(
                name: "unknown-element.svg",
                text: svgHeader + """
                    <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                      <foo/>
                    </svg>
                    """, isValid: false),
            CrossChecked(
                name: "unknown-attribute.svg",
                text: svgHeader + """
                    <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                      <rect bogus="1" x="0" y="0" width="1" height="1"/>
                    </svg>
                    """, isValid: false),
            CrossChecked(
                name: "unclosed.svg",
                text: svgHeader + """
                    <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                      <g>
                    </svg>
                    """, isValid: false),
            CrossChecked(
                name: "ampersand.svg",
                text: svgHeader + """
                    <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">
                      <text x="1" y="1">Fish & chips</text>
                    </svg>
                    """, isValid: false),
            CrossChecked(
                name: "report.xml", text: "<?xml version=\"1.0\"?>\n<report><stage/></report>\n", isValid: true),
            CrossChecked(
                name: "broken.xml", text: "<?xml version=\"1.0\"?>\n<report>\n<stage></report>\n", isValid: false),
        ]
    }
}

/// The resident memory of this process, in bytes, from /proc/self/statm.
private func residentBytes() throws -> Int {
    let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
    let pages = Int(statm.split(separator: " ")[1]) ?? 0
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
