import Testing

@testable import JourneyHTMLReport

/// The ids of a document, found on its bytes: only those of start tags, each at its line and column.
@Suite struct HTMLIdentifiersTests {
    @Test func onlyTheIdsOfStartTagsCountAtTheirLinesAndColumns() {
        let document = """
            <!DOCTYPE x [ <!ENTITY e "<p id='no'/>"> ]>
            <?pi <p id="no"/> ?><x>
            <![CDATA[ <p id="no"/> ]]><!-- <p id="no"/> -->
            text with id="no" <p id="one"/> é <q
             id='two' data='id="no"'/></x>
            """
        let ids = HTMLIdentifiers.ids(in: document)
        #expect(ids.map(\.value) == ["one", "two"])
        #expect(ids.map(\.line) == [4, 5])
        #expect(ids.map(\.column) == [22, 2])
    }

    @Test func aDocumentWithoutTagsHasNoIds() {
        #expect(HTMLIdentifiers.ids(in: "").isEmpty)
        #expect(HTMLIdentifiers.ids(in: "id=\"a\" and no tag").isEmpty)
        #expect(HTMLIdentifiers.ids(in: "<p id=\"unclosed").map(\.value) == ["unclose"])
    }
}
