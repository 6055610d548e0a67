import JourneyLanguage
import Testing

@testable import JourneyXML

/// Finding markup on a line: the byte search behind the first `<!DOCTYPE` or `<!ENTITY`.
@Suite struct XMLMarkupLocatorTests {
    /// The offset in UTF-8 bytes where `pattern` starts in `line`, as `firstIndex` finds it.
    static func offset(of pattern: String, in line: String) -> Int? {
        let utf8 = line[...].utf8
        return XMLMarkupLocator.firstIndex(of: Array(pattern.utf8), in: utf8).map {
            utf8.distance(from: utf8.startIndex, to: $0)
        }
    }

    @Test func theSearchFindsTheFirstWholeMatch() {
        #expect(Self.offset(of: "<!E", in: "<!ENTITY") == 0)
        #expect(Self.offset(of: "<!ENTITY", in: "<a><!EN<!ENTITY x><!ENTITY y>") == 7)
        #expect(Self.offset(of: "TY", in: "<!ENTITY") == 6)
        #expect(Self.offset(of: "é<", in: "aé<é<") == 1)
        #expect(Self.offset(of: "<!ENTITY", in: "<!ENTIT") == nil)
        #expect(Self.offset(of: "<!ENTITY", in: "") == nil)
        #expect(Self.offset(of: "", in: "abc") == nil)
        #expect(Self.offset(of: "<x", in: String(repeating: "<y", count: 100_000) + "<x") == 200_000)
    }

    @Test func theFirstOccurrenceIsPlacedInScalars() throws {
        let source = SourceFile(name: "a.svg", text: "<svg>\n<t>é😀 <!ENTITY a \"b\"></t>\n")
        let found = try #require(XMLMarkupLocator(source: source).firstOccurrence(of: "<!ENTITY"))
        #expect(found.range == SourceRange(line: 2, column: 7, length: 8))
        #expect(found.after == " a \"b\"></t>")
    }
}
