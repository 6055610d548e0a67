public import JourneyEvents
public import JourneyLanguage

/// The answers to the recommend question, from a survey file: `customer_id,timestamp,score`.
///
/// A row with an empty score is someone who did not answer: it is left out, and counted.
public struct SurveyAnswers: Sendable {
    /// One answer.
    public struct Answer: Sendable {
        /// Who answered, and where the file says so.
        public var customer: CSVTable.Field
        /// When, in milliseconds since 1970-01-01T00:00:00Z.
        public var time: Int64
        public var score: Int
    }

    /// The answers, in the file's order.
    public var answers: [Answer]
    /// Rows with an empty score.
    public var unanswered: Int

    /// The columns of a survey file, the first two renamed like the purchase log's.
    public static func columns(customerColumn: String, timeColumn: String, scoreColumn: String) -> [CSVTable.Column] {
        [
            CSVTable.Column(customerColumn, option: "--customer-column"),
            CSVTable.Column(timeColumn, option: "--time-column"),
            CSVTable.Column(scoreColumn, option: "--score-column"),
        ]
    }

    /// The answers of `table`, read with `columns(…)`, each score on `scale`, and a diagnostic for
    /// each row that cannot be one; such rows are left out.
    public static func read(
        _ table: CSVTable, scale: RecommendScale
    ) -> (answers: SurveyAnswers, diagnostics: [Diagnostic]) {
        var answers: [Answer] = []
        var unanswered = 0
        var diagnostics: [Diagnostic] = []
        for row in table.rows {
            guard let customer = row.fields[0], let time = row.fields[1], let score = row.fields[2] else { continue }
            guard !customer.text.isEmpty else {
                diagnostics.append(.emptyAnswerID(at: customer.range))
                continue
            }
            guard let milliseconds = Timestamp.parse(time.text) else {
                let reason = Timestamp.problem(Array(time.text.utf8)) ?? "it is not one of the accepted forms"
                diagnostics.append(.invalidTimestamp(time.text, reason: reason, at: time.range))
                continue
            }
            let written = score.text.trimmingSpaces
            if written.isEmpty {
                unanswered += 1
                continue
            }
            guard let value = Int(written), written.allSatisfy(\.isASCIIDigit) else {
                diagnostics.append(.invalidScore(score.text, scale: scale, at: score.range))
                continue
            }
            guard scale.contains(value) else {
                diagnostics.append(.scoreOffScale(value, scale: scale, at: score.range))
                continue
            }
            answers.append(Answer(customer: customer, time: milliseconds, score: value))
        }
        return (SurveyAnswers(answers: answers, unanswered: unanswered), diagnostics)
    }

    /// A diagnostic for each answer from someone who is in neither the purchase log nor the
    /// contacts: a mistyped id, or a survey of another customer base.
    public func unknownCustomers(known: Set<String>) -> [Diagnostic] {
        var sortedKnown: [String]?
        var diagnostics: [Diagnostic] = []
        for answer in answers where !known.contains(answer.customer.text) {
            var suggestion: String?
            if diagnostics.count < ContactList.suggestedMistakes {
                if sortedKnown == nil { sortedKnown = known.sorted() }
                suggestion = Suggestion.closest(to: answer.customer.text, among: sortedKnown ?? [])
            }
            diagnostics.append(
                .unknownRespondent(answer.customer.text, suggestion: suggestion, at: answer.customer.range))
        }
        return diagnostics
    }

    /// Each customer's latest answer up to the end of day `asOf` (days since 1970-01-01); of two
    /// answers at the same instant, the later row.
    public func latest(through asOf: Int) -> [String: Int] {
        var latest: [String: (time: Int64, score: Int)] = [:]
        for answer in answers where CustomerHistory.day(ofMilliseconds: answer.time) <= asOf {
            if let held = latest[answer.customer.text], held.time > answer.time { continue }
            latest[answer.customer.text] = (answer.time, answer.score)
        }
        return latest.mapValues(\.score)
    }
}

extension String {
    /// The text without spaces and tabs around it.
    fileprivate var trimmingSpaces: Substring {
        var text = self[...]
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
