import JourneyLanguage
import Testing

@Suite struct RecommendScaleTests {
    @Test func theScaleStartsAtZeroOrOne() {
        #expect(RecommendScale(lowest: 1)?.contains(0) == false)
        #expect(RecommendScale(lowest: 0)?.contains(0) == true)
        #expect(RecommendScale(lowest: 1)?.contains(11) == false)
        #expect(RecommendScale(lowest: 2) == nil)
    }

    @Test func theScaleIsWrittenAsInAJourneyFile() {
        #expect(RecommendScale.standard.description == "1..10")
        #expect(RecommendScale.fromZero.description == "0..10")
        #expect(RecommendScale(parsing: "0..10") == .fromZero)
        #expect(RecommendScale(parsing: "1..10") == RecommendScale(lowest: 1))
        #expect(RecommendScale(parsing: "2..10") == nil)
        #expect(RecommendScale(parsing: "1..5") == nil)
    }
}
