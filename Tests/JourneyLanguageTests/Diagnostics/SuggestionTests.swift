import Testing

@testable import JourneyLanguage

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("stgae", "stage"), ("touchpont", "touchpoint"), ("Stage", "stage"), ("pian", "pain"), ("measure", "measured"),
    ])
    func suggestsCloseKeywords(typo: String, expected: String) {
        #expect(Suggestion.closest(to: typo, among: Keyword.allCases.map(\.rawValue) + ["measured"]) == expected)
    }

    @Test func noSuggestionWhenNothingIsClose() {
        #expect(Suggestion.closest(to: "banana", among: Keyword.allCases.map(\.rawValue)) == nil)
        #expect(Suggestion.closest(to: "ab", among: ["xy"]) == nil)
    }

    @Test func swappedNeighboursCostOneEdit() {
        #expect(Suggestion.editDistance("stgae", "stage") == 1)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("città", "citta") == 1)
    }

    @Test func tiesGoToTheEarlierCandidate() {
        #expect(Suggestion.closest(to: "cat", among: ["bat", "hat"]) == "bat")
    }
}
