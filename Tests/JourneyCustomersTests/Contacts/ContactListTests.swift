import JourneyCustomers
import JourneyEvents
import JourneyLanguage
import JourneyTestSupport
import Testing

/// The contacts file: who was contacted when, who referred whom, and each mistake at its place.
@Suite struct ContactListTests {
    private func read(_ text: String, purchasers: Set<String> = ["ana", "ben"]) -> (
        contacts: ContactList, diagnostics: [Diagnostic]
    ) {
        let (table, tableDiagnostics) = CSVTable.read(
            bytes: Array(text.utf8), columns: ContactList.columns(customerColumn: "customer_id"))
        let (contacts, diagnostics) = ContactList.read(table)
        return (contacts, tableDiagnostics + diagnostics + contacts.unknownReferrers(purchasers: purchasers))
    }

    @Test func datesAndReferrersAreRead() {
        let (contacts, diagnostics) = read(
            """
            customer_id,contacted,referred_by
            ana,1997-01-15,
            cy,,ana
            dan,1997-02-01T10:00:00Z,cy
            """)
        #expect(diagnostics.isEmpty, "\(rendered(diagnostics))")
        #expect(contacts.contacts.map(\.id) == ["ana", "cy", "dan"])
        // 1997-01-15 is day 9,876; dan's timestamp falls on 1997-02-01, day 9,893.
        #expect(contacts.contacts.map(\.contactedDay) == [9876, nil, 9893])
        #expect(contacts.contacts.map { $0.referredBy?.text } == [nil, "ana", "cy"])
    }

    @Test func eitherFactColumnMayBeLeftOutButNotBoth() {
        #expect(read("customer_id,referred_by\ncy,ana\n").diagnostics.isEmpty)
        #expect(read("customer_id,contacted\ncy,1997-01-01\n").contacts.contacts.first?.contactedDay == 9862)
        expectDiagnostics(
            "1️⃣customer_id,when\ncy,1997-01-01\n",
            [.init(marker: 1, code: "contacts-without-facts", helpContains: "customer_id,contacted,referred_by")]
        ) { read($0).diagnostics }
    }

    @Test func eachMistakeIsAtItsPlace() {
        expectDiagnostics(
            """
            customer_id,contacted,referred_by
            1️⃣,1997-01-15,
            cy,2️⃣1997-13-01,
            dan,,3️⃣dan
            ana,,
            4️⃣ana,1997-01-01,
            eve,,5️⃣bem
            fay,,6️⃣zoltan
            """,
            [
                .init(marker: 1, code: "empty-contact-id"),
                .init(marker: 2, code: "invalid-contact-date", message: "'1997-13-01' is not a date"),
                .init(marker: 3, code: "self-referral"),
                .init(marker: 4, code: "repeated-contact", message: "'ana' is listed twice, first on line 5"),
                .init(
                    marker: 5, code: "unknown-referrer",
                    message: "referred by 'bem', who is neither in the purchase log nor in the contacts",
                    helpContains: "did you mean 'ben'?"),
                .init(marker: 6, code: "unknown-referrer", helpContains: "add the customer who recommended them"),
            ]
        ) { read($0).diagnostics.sortedByLocation() }
    }

    @Test func aReferrerMayBeAContactWhoNeverBought() {
        #expect(read("customer_id,contacted,referred_by\ncy,,\ndan,,cy\n", purchasers: []).diagnostics.isEmpty)
    }
}
