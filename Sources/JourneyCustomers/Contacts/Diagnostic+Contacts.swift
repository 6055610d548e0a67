import JourneyLanguage

// Messages about a contacts file (`--contacts`), at their line and column in it.

extension Diagnostic {
    /// A contacts file whose header has neither `contacted` nor `referred_by`.
    static func contactsWithoutFacts() -> Diagnostic {
        .error(
            "contacts-without-facts", "the contacts file has neither a 'contacted' nor a 'referred_by' column",
            at: SourceRange(line: 1, column: 1),
            help: "write a header such as: customer_id,contacted,referred_by")
    }

    /// A contact row whose customer id is empty.
    static func emptyContactID(at range: SourceRange) -> Diagnostic {
        .error(
            "empty-contact-id", "the customer id is empty", at: range,
            help: "every contact needs an id, the one the purchase log uses for them once they buy")
    }

    /// A customer listed twice; the range is the second id.
    static func repeatedContact(_ id: String, firstLine: Int, at range: SourceRange) -> Diagnostic {
        .error(
            "repeated-contact", "'\(id)' is listed twice, first on line \(firstLine)", at: range,
            help: "keep one row per person, with the first contact date")
    }

    /// A `contacted` value that is neither empty nor a date.
    static func invalidContactDate(_ text: String, at range: SourceRange) -> Diagnostic {
        .error(
            "invalid-contact-date", "'\(text)' is not a date", at: range,
            help: "write the day they were first contacted, such as 1997-01-15, or leave it empty if they never were")
    }

    /// A customer written as referred by themselves.
    static func selfReferral(_ id: String, at range: SourceRange) -> Diagnostic {
        .error(
            "self-referral", "'\(id)' is written as referred by themselves", at: range,
            help: "referred_by names the customer who recommended them; leave it empty if nobody did")
    }

    /// A `referred_by` naming nobody in the purchase log or the contacts.
    static func unknownReferrer(_ id: String, suggestion: String?, at range: SourceRange) -> Diagnostic {
        let known = "is neither in the purchase log nor in the contacts"
        return .error(
            "unknown-referrer", "referred by '\(id)', who \(known)", at: range,
            help: suggestion.map { "did you mean '\($0)'?" }
                ?? "correct the id, or add the customer who recommended them to the contacts")
    }
}
