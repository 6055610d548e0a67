import JourneyCustomers
import Testing

@Suite struct RecommendScoreTests {
    @Test func everyAnswerOnceOnTheOneToTenScale() throws {
        let score = RecommendScore(answers: 1...10)
        // Promoters 9, 10; detractors 1 to 6: (2 − 6) / 10.
        #expect([score.promoters, score.passives, score.detractors] == [2, 2, 6])
        #expect(score.netPromoterScore == -40)
    }

    @Test func everyAnswerOnceOnTheZeroToTenScale() throws {
        let score = RecommendScore(answers: 0...10)
        let nps = try #require(score.netPromoterScore)
        #expect(abs(nps - (-500.0 / 11)) < 1e-9)  // −45.5
        // √((2/11 + 7/11 − (5/11)²) / 11) = 0.2358…
        let error = try #require(score.standardError)
        #expect(abs(error - 23.58) < 0.01)
        #expect(score.isSmallSample)
    }

    @Test func threeAnswersAreASmallSample() throws {
        let score = RecommendScore(answers: [9, 10, 6])
        let nps = try #require(score.netPromoterScore)
        #expect(abs(nps - 100.0 / 3) < 1e-9)  // +33.3
        #expect(score.isSmallSample)
        #expect(!RecommendScore(answers: Array(repeating: 8, count: 30)).isSmallSample)
    }

    @Test func noAnswerHasNoScore() {
        let score = RecommendScore(answers: [])
        #expect(score.netPromoterScore == nil)
        #expect(score.standardError == nil)
    }
}
