public import JourneyEvents
public import JourneyLanguage

/// The people marketing reached, from a contacts file: `customer_id,contacted,referred_by`.
///
/// `contacted` is the day the company first sent them marketing material (a date, or any
/// timestamp the purchase log accepts), empty when it never did; `referred_by` is the id of the
/// customer who recommended them, empty when none did. Either column may be left out of the
/// header, not both.
public struct ContactList: Sendable {
    /// One person of the list.
    public struct Contact: Sendable {
        public var id: String
        /// The day they were first contacted, in days since 1970-01-01; nil when never.
        public var contactedDay: Int?
        /// Who recommended them, and where the file says so.
        public var referredBy: CSVTable.Field?
    }

    /// How many unknown ids get a "did you mean" suggestion; the rest are named without one.
    static let suggestedMistakes = 20

    /// The contacts, in the file's order, each id once.
    public var contacts: [Contact]

    /// The columns of a contacts file, the customer's renamed by `--customer-column`.
    public static func columns(customerColumn: String) -> [CSVTable.Column] {
        [
            CSVTable.Column(customerColumn, option: "--customer-column"),
            CSVTable.Column("contacted", option: "--contacts", isRequired: false),
            CSVTable.Column("referred_by", option: "--contacts", isRequired: false),
        ]
    }

    /// The contacts of `table`, read with `columns(customerColumn:)`, and a diagnostic for each
    /// row that cannot be one; such rows are left out.
    public static func read(_ table: CSVTable) -> (contacts: ContactList, diagnostics: [Diagnostic]) {
        var contacts: [Contact] = []
        var diagnostics: [Diagnostic] = []
        var firstLineOfID: [String: Int] = [:]
        if table.hasColumn.count == 3, !table.hasColumn[1], !table.hasColumn[2] {
            return (ContactList(contacts: []), [.contactsWithoutFacts()])
        }
        for row in table.rows {
            guard let idField = row.fields[0], !idField.text.isEmpty else {
                diagnostics.append(
                    .emptyContactID(at: row.fields[0]?.range ?? SourceRange(line: row.line, column: 1)))
                continue
            }
            if let line = firstLineOfID[idField.text] {
                diagnostics.append(.repeatedContact(idField.text, firstLine: line, at: idField.range))
                continue
            }
            firstLineOfID[idField.text] = row.line
            var contactedDay: Int?
            if let field = row.fields[1], !field.text.isEmpty {
                if let day = UTCDay.day(parsing: field.text) {
                    contactedDay = day
                } else if let milliseconds = Timestamp.parse(field.text) {
                    contactedDay = CustomerHistory.day(ofMilliseconds: milliseconds)
                } else {
                    diagnostics.append(.invalidContactDate(field.text, at: field.range))
                    continue
                }
            }
            var referredBy = row.fields[2].flatMap { $0.text.isEmpty ? nil : $0 }
            if let referrer = referredBy, referrer.text == idField.text {
                diagnostics.append(.selfReferral(referrer.text, at: referrer.range))
                referredBy = nil
            }
            contacts.append(Contact(id: idField.text, contactedDay: contactedDay, referredBy: referredBy))
        }
        return (ContactList(contacts: contacts), diagnostics)
    }

    /// A diagnostic for each `referred_by` naming someone who is neither in `purchasers` nor in
    /// the list.
    public func unknownReferrers(purchasers: Set<String>) -> [Diagnostic] {
        let listed = Set(contacts.map(\.id))
        let known = purchasers.union(listed)
        var sortedKnown: [String]?
        var diagnostics: [Diagnostic] = []
        for contact in contacts {
            guard let referrer = contact.referredBy, !known.contains(referrer.text) else { continue }
            // A suggestion walks every id: the first few mistakes get one, as a reader fixes those first.
            var suggestion: String?
            if diagnostics.count < Self.suggestedMistakes {
                if sortedKnown == nil { sortedKnown = known.sorted() }
                suggestion = Suggestion.closest(to: referrer.text, among: sortedKnown ?? [])
            }
            diagnostics.append(.unknownReferrer(referrer.text, suggestion: suggestion, at: referrer.range))
        }
        return diagnostics
    }
}
