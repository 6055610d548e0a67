import JourneyCustomers
import JourneyEvents
import JourneyLanguage
import JourneyTestSupport
import Testing

/// The survey file: each customer's latest answer, and each bad row at its place.
@Suite struct SurveyAnswersTests {
    private func read(
        _ text: String, lowest: Int = 1, known: Set<String> = ["ana", "ben"]
    ) -> (answers: SurveyAnswers, diagnostics: [Diagnostic]) {
        let columns = SurveyAnswers.columns(
            customerColumn: "customer_id", timeColumn: "timestamp", scoreColumn: "score")
        let (table, tableDiagnostics) = CSVTable.read(bytes: Array(text.utf8), columns: columns)
        let scale = RecommendScale(lowest: lowest) ?? RecommendScale()!
        let (answers, diagnostics) = SurveyAnswers.read(table, scale: scale)
        return (answers, tableDiagnostics + diagnostics + answers.unknownCustomers(known: known))
    }

    @Test func theLatestAnswerByTheAsOfDateCounts() {
        let (answers, diagnostics) = read(
            """
            customer_id,timestamp,score
            ana,1997-01-10T09:00:00Z,10
            ana,1997-03-01T09:00:00Z,3
            ben,1997-02-01T09:00:00Z,8
            ben,1997-02-01T09:00:00Z,9
            ben,1997-01-01T09:00:00Z, 2
            ana,1997-03-02T09:00:00Z,
            """)
        #expect(diagnostics.isEmpty, "\(rendered(diagnostics))")
        #expect(answers.unanswered == 1)
        // 1997-02-15 is day 9,907: ana's March answer is later, so her January 10 counts; of ben's
        // two answers at the same instant, the later row; his January answer is older.
        #expect(answers.latest(through: 9907) == ["ana": 10, "ben": 9])
        #expect(answers.latest(through: 9999) == ["ana": 3, "ben": 9])
        #expect(answers.latest(through: 9000).isEmpty)
    }

    @Test func eachMistakeIsAtItsPlace() {
        expectDiagnostics(
            """
            customer_id,timestamp,score
            ana,1997-01-10T09:00:00Z,1️⃣11
            ana,1997-01-10T09:00:00Z,2️⃣0
            ben,3️⃣yesterday,9
            ben,1997-01-10T09:00:00Z,4️⃣9.5
            5️⃣,1997-01-10T09:00:00Z,9
            6️⃣amy,1997-01-10T09:00:00Z,9
            """,
            [
                .init(marker: 1, code: "score-off-scale", message: "11 is off the recommend scale 1..10"),
                .init(marker: 2, code: "score-off-scale", helpContains: "recommend 0..10"),
                .init(marker: 3, code: "invalid-timestamp"),
                .init(marker: 4, code: "invalid-score", message: "'9.5' is not a score"),
                .init(marker: 5, code: "empty-answer-id"),
                .init(
                    marker: 6, code: "unknown-respondent",
                    message: "'amy' is neither in the purchase log nor in the contacts",
                    helpContains: "add the customer to the contacts"),
            ]
        ) { read($0).diagnostics }
    }

    @Test func zeroIsAnAnswerOnTheZeroToTenScale() {
        let (answers, diagnostics) = read(
            "customer_id,timestamp,score\nana,1997-01-10T09:00:00Z,0\n", lowest: 0)
        #expect(diagnostics.isEmpty)
        #expect(answers.answers.map(\.score) == [0])
    }
}
