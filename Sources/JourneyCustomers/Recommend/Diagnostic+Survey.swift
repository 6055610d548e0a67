import JourneyLanguage

// Messages about a survey file (`--survey`), at their line and column in it.

extension Diagnostic {
    /// An answer whose customer id is empty.
    static func emptyAnswerID(at range: SourceRange) -> Diagnostic {
        .error(
            "empty-answer-id", "the customer id is empty", at: range,
            help: "every answer needs the id of the customer who gave it")
    }

    /// A score that is not a whole number.
    static func invalidScore(_ text: String, scale: RecommendScale, at range: SourceRange) -> Diagnostic {
        .error(
            "invalid-score", "'\(text)' is not a score", at: range,
            help: "write a whole number from \(scale.lowest) to \(scale.highest), or leave it empty for no answer")
    }

    /// A score outside the recommend question's scale.
    static func scoreOffScale(_ score: Int, scale: RecommendScale, at range: SourceRange) -> Diagnostic {
        let other =
            scale.lowest == 1 && score == 0
            ? "; if the survey asked from 0 to 10, say so with --recommend 0..10 or `recommend 0..10` in the journey"
            : ""
        return .error(
            "score-off-scale", "\(score) is off the recommend scale \(scale.lowest)..\(scale.highest)", at: range,
            help: "the answers run from \(scale.lowest) to \(scale.highest)\(other)")
    }

    /// An answer from someone in neither the purchase log nor the contacts.
    static func unknownRespondent(_ id: String, suggestion: String?, at range: SourceRange) -> Diagnostic {
        .error(
            "unknown-respondent", "'\(id)' is neither in the purchase log nor in the contacts", at: range,
            help: suggestion.map { "did you mean '\($0)'?" }
                ?? "correct the id, or add the customer to the contacts if they never bought")
    }
}
