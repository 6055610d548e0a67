import Testing

@testable import JourneyInterchange
@testable import JourneyLanguage

/// Where a JSON document's values are, by the paths the importer's messages name.
@Suite struct JSONValueLocationsTests {
    static func at(_ line: Int, _ column: Int) -> SourceRange {
        SourceRange(line: line, column: column)
    }

    @Test func everyValueHasItsPathAndWhereItStarts() {
        let json = """
            {"journey": {"name": "é😀",
              "stages": [ {"name": "A", "touchpoints": []},
                {"name": "B", "reach": 12, "events": ["x", null, true]} ],
              "empty": {}}, "version": 1}
            """
        let locations = JSONValueLocations(Array(json.utf8))
        #expect(locations.range(of: "") == Self.at(1, 1))
        #expect(locations.range(of: "journey") == Self.at(1, 13))
        #expect(locations.range(of: "journey.name") == Self.at(1, 22))
        #expect(locations.range(of: "journey.stages") == Self.at(2, 13))
        #expect(locations.range(of: "journey.stages[0]") == Self.at(2, 15))
        #expect(locations.range(of: "journey.stages[0].touchpoints") == Self.at(2, 44))
        #expect(locations.range(of: "journey.stages[1].reach") == Self.at(3, 28))
        #expect(locations.range(of: "journey.stages[1].events[2]") == Self.at(3, 54))
        #expect(locations.range(of: "journey.empty") == Self.at(4, 12))
        // After a multi-byte scalar, columns count scalars, not bytes.
        #expect(locations.range(of: "version") == Self.at(4, 28))
        // A path the document does not have: the start of the file.
        #expect(locations.range(of: "journey.stages[2]") == Self.at(1, 1))
        #expect(locations.forbiddenCharacters.isEmpty)
    }

    @Test func keysWithEscapesAreDecoded() {
        let locations = JSONValueLocations(Array(#"{"na\u006De": 1, "a\"b": [2]}"#.utf8))
        #expect(locations.range(of: "name") == Self.at(1, 15))
        #expect(locations.range(of: "a\"b[0]") == Self.at(1, 27))
    }

    @Test func forbiddenCharactersAreAtTheirEscapeOrThemselves() {
        let json = "{\"a\": \"x\\u0007y\\b\\t\\n\\r\\u001F\", \"b\": [\"\u{FFFF}\", \"\\uD83D\\uDE00\\uFFFE\"]}"
        let found = JSONValueLocations(Array(json.utf8)).forbiddenCharacters
        #expect(
            found == [
                .init(path: "a", scalar: "\u{7}", range: Self.at(1, 9)),
                .init(path: "a", scalar: "\u{8}", range: Self.at(1, 16)),
                .init(path: "a", scalar: "\u{1F}", range: Self.at(1, 24)),
                .init(path: "b[0]", scalar: "\u{FFFF}", range: Self.at(1, 40)),
                .init(path: "b[1]", scalar: "\u{FFFE}", range: Self.at(1, 57)),
            ])
    }

    @Test func theQuickTestFindsEveryForbiddenCharacterAndLittleElse() {
        for text in [#""\u0007""#, #""\u001f""#, #""\b""#, #""\f""#, #""\uFFFE""#, #""\uffff""#, "\"\u{FFFF}\""] {
            #expect(JSONValueLocations.mayHoldForbiddenCharacter(Array(text.utf8)), "\(text)")
            #expect(!JSONValueLocations(Array(text.utf8)).forbiddenCharacters.isEmpty, "\(text)")
        }
        for text in [#""\u2014 \t \n \r \\b \" \u0020""#, "\"é — 😀\"", #""\\u0007""#, #""\u00""#] {
            #expect(!JSONValueLocations.mayHoldForbiddenCharacter(Array(text.utf8)), "\(text)")
        }
    }

    @Test func aDocumentCutShortOrWrongStopsQuietly() {
        for text in ["{\"a\": [1, 2", "{\"a\": \"x\\u00", "{\"a\" 1}", "[1 2]", "", "\"abc", "{\"a\": \"\\"] {
            let locations = JSONValueLocations(Array(text.utf8))
            #expect(locations.range(of: "a[5]") == Self.at(1, 1), "\(text)")
        }
        let cut = JSONValueLocations(Array("{\"a\": [1, {\"b\": \"\\u0001".utf8))
        #expect(cut.range(of: "a[1].b") == Self.at(1, 17))
    }

    @Test func deepNestingStopsAtTheMaximumDepth() {
        let depth = 200_000
        let json = String(repeating: "[", count: depth) + "7" + String(repeating: "]", count: depth)
        let locations = JSONValueLocations(Array(json.utf8))
        let deepest = JSONValueLocations.maximumDepth
        #expect(locations.range(of: String(repeating: "[0]", count: deepest)) == Self.at(1, deepest + 1))
        // One deeper is not located: the start of the file.
        #expect(locations.range(of: String(repeating: "[0]", count: deepest + 1)) == Self.at(1, 1))
    }
}
