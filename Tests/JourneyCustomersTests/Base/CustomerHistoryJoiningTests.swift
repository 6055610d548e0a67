import JourneyCustomers
import JourneyEvents
import JourneyLanguage
import Testing

/// Purchases joined with the contacts and the survey, as `journey customers` joins them.
@Suite struct CustomerHistoryJoiningTests {
    /// ana bought on days 100, 130 and 160; ben on day 150; nobody else bought.
    static let purchases = [
        CustomerHistory(id: "ana", purchaseDays: [100, 130, 160]), CustomerHistory(id: "ben", purchaseDays: [150]),
    ]

    private func contacts(_ text: String) throws -> ContactList {
        let (table, _) = CSVTable.read(bytes: Array(text.utf8), columns: ContactList.columns(customerColumn: "id"))
        let (list, diagnostics) = ContactList.read(table)
        try #require(diagnostics.isEmpty)
        return list
    }

    @Test func contactsWhoNeverBoughtJoinAndLateContactsDoNotCount() throws {
        // 1970-05-01 is day 120, 1970-07-20 day 200: at day 170, cy was contacted, dan not yet.
        let list = try contacts(
            """
            id,contacted,referred_by
            ben,1970-05-01,ana
            cy,1970-05-01,
            dan,1970-07-20,ana
            eve,,cy
            """)
        let joined = CustomerHistory.joining(Self.purchases, contacts: list, answers: ["ana": 3, "zed": 10], asOf: 170)
        #expect(joined.map(\.id) == ["ana", "ben", "cy", "dan", "eve"])
        #expect(joined.map(\.contacted) == [false, true, true, false, false])
        #expect(joined.map(\.referredBy) == [nil, "ana", nil, "ana", "cy"])
        #expect(joined.map(\.recommendAnswer) == [3, nil, nil, nil, nil])
        #expect(joined[0].purchaseDays == [100, 130, 160])

        let base = CustomerBase(histories: joined, asOf: 170)
        let categories = Dictionary(uniqueKeysWithValues: base.standings.map { ($0.id, $0.category) })
        // ana: 3 purchase days, idle 10: a client; ben: one purchase; cy: contacted, no purchase, a
        // prospect; dan and eve: referred, never bought, referrals (dan's contact is after day 170).
        #expect(
            categories == [
                "ana": .client, "ben": .oneTimeBuyer, "cy": .prospect, "dan": .referral, "eve": .referral,
            ])
        // ana referred ben and dan and bought on two or more days: a sponsor.
        #expect(base.standings.first?.rung == .sponsor)
        // ana, a client, answered 3: a detractor, at risk.
        #expect(base.customersAtRisk.map(\.id) == ["ana"])
        #expect(base.recommendScore.detractors == 1)
    }

    @Test func aPromoterAccountIsAPatronAndAPromoterIsNotAtRisk() {
        let fan = CustomerHistory(id: "fay", purchaseDays: [10, 20, 30, 40, 50])
        let promoter = CustomerHistory.joining([fan], contacts: nil, answers: ["fay": 9], asOf: 55)
        let passive = CustomerHistory.joining([fan], contacts: nil, answers: ["fay": 8], asOf: 55)
        let detractor = CustomerHistory.joining([fan], contacts: nil, answers: ["fay": 6], asOf: 55)
        #expect(CustomerBase(histories: promoter, asOf: 55).standings.first?.rung == .patron)
        #expect(CustomerBase(histories: passive, asOf: 55).standings.first?.rung == .account)
        #expect(CustomerBase(histories: promoter, asOf: 55).customersAtRisk.isEmpty)
        #expect(CustomerBase(histories: passive, asOf: 55).customersAtRisk.isEmpty)
        #expect(CustomerBase(histories: detractor, asOf: 55).customersAtRisk.map(\.id) == ["fay"])
        // Lost, fay is no longer a fan: a lost detractor is not listed at risk, but lost.
        #expect(CustomerBase(histories: detractor, asOf: 500).customersAtRisk.isEmpty)
    }
}
