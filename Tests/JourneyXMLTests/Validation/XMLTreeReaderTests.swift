import Testing

@testable import JourneyLanguage
@testable import JourneyXML

/// XMLTreeReader: the documents of data formats read into Swift values, and what it refuses.
@Suite struct XMLTreeReaderTests {
    /// A document whose internal subset declares `a`, a 1,000-character entity referenced
    /// `references` times in text and in an attribute: a megabyte per thousand references if
    /// it were expanded.
    static func amplifying(references: Int) -> String {
        """
        <?xml version="1.0"?>
        <!DOCTYPE data [
          <!ENTITY a "\(String(repeating: "x", count: 1_000))">
        ]>
        <data name="\(String(repeating: "&a;", count: references))">\(String(repeating: "&a;", count: references))</data>

        """
    }

    @Test func aDocumentWithoutADoctypeIsCopiedWhole() throws {
        let reading = XMLTreeReader.read(
            Array(#"<data name="A &amp; B">caf&#xE9;<item/></data>"#.utf8), name: "d.xml", against: nil)
        let root = try #require(reading.root)
        #expect(root.attribute("name") == "A & B")
        #expect(root.text == "café")
        #expect(root.children.map(\.name) == ["item"])
        #expect(reading.entityDeclaration == nil)
    }

    @Test func aDocumentThatDeclaresAnEntityIsRefusedBeforeAnythingIsCopied() {
        // Copying expanded every reference: 10,000 of them made 20 MB of text out of a 31 KB file.
        let reading = XMLTreeReader.read(Array(Self.amplifying(references: 10_000).utf8), name: "d.xml", against: nil)
        #expect(reading.root == nil, "nothing may be read out of a document that declares an entity")
        #expect(reading.entityDeclaration?.name == "a")
        #expect(reading.entityDeclaration?.range == SourceRange(line: 3, column: 3, length: 8))
        #expect(reading.validation.diagnostics.isEmpty, "the caller says why it refuses: \(reading.validation)")
    }

    @Test func aParameterEntityIsADeclarationToo() {
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE data [<!ENTITY % p "<!ENTITY b 'x'>"> %p;]>
            <data>&b;</data>
            """
        let reading = XMLTreeReader.read(Array(document.utf8), name: "d.xml", against: nil)
        #expect(reading.root == nil)
        #expect(reading.entityDeclaration?.name == "p")
        #expect(reading.entityDeclaration?.range.start == SourceLocation(line: 2, column: 17))
    }
}
