import JourneyCustomers
import JourneyLanguage
import Testing

/// Every category and rung on a hand-sized log, at day 400, with the default rules (lost after
/// 2 × the usual gap, fan from 5 purchase days).
///
/// Own gaps of the customers with two or more purchase days by day 400: dan 30, eve 30, fay 30,
/// gus 30, hal 2, so the population's median gap is 30 and the lost limit is 2 × 30 = 60 idle
/// days for everyone but hal (2 × max(2, 30) = 60 too: the floor).
@Suite struct CustomerBaseTests {
    static let asOf = 400
    static let histories = [
        // Contacted, never bought: a prospect, on the prospect rung.
        CustomerHistory(id: "ana", purchaseDays: [], contacted: true),
        // Recommended by fay, never bought, never contacted: a referral, on no rung.
        CustomerHistory(id: "ben", purchaseDays: [], referredBy: "fay"),
        // In the contacts list, never contacted, never bought: potential.
        CustomerHistory(id: "cal", purchaseDays: []),
        // Gaps 30, 30; idle 30 ≤ 60: a client, a buyer. Buys again after day 400 (the backtest).
        CustomerHistory(id: "dan", purchaseDays: [340, 370, 410]),
        // Ten purchase days 30 apart, idle 30: a fan; an account whose latest answer is a
        // promoter's, so a patron.
        CustomerHistory(id: "eve", purchaseDays: stride(from: 100, through: 370, by: 30), recommendAnswer: 9),
        // Idle 60, exactly the limit, which is not more than it: a client; ben names her, so a sponsor.
        CustomerHistory(id: "fay", purchaseDays: [280, 310, 340]),
        // Idle 61, one day past the limit: lost, still on the buyer rung.
        CustomerHistory(id: "gus", purchaseDays: [279, 309, 339]),
        // A burst two days apart, idle 8: by his own gap (2 × 2 = 4) he would be lost; the
        // population's 30 is the floor, so he is a client.
        CustomerHistory(id: "hal", purchaseDays: [390, 392, 392]),
        // One purchase day, idle 1 ≤ 2 × 30: a one-time buyer, a tester.
        CustomerHistory(id: "ivy", purchaseDays: [399]),
        // One purchase day, idle 200 > 60: lost, a tester. Buys again at day 430 (the backtest).
        CustomerHistory(id: "joe", purchaseDays: [200, 430]),
        // Buys only after day 400, which is ignored: potential.
        CustomerHistory(id: "kim", purchaseDays: [401]),
    ]

    let base = CustomerBase(histories: Self.histories, asOf: Self.asOf)

    @Test func thePopulationGapIsTheMedianOfTheOwnGaps() {
        #expect(base.populationGap == 30)
    }

    @Test func everyCustomerHasTheCategoryAndRungWorkedOutAbove() {
        let expected: [String: (CustomerCategory, LadderRung?)] = [
            "ana": (.prospect, .prospect), "ben": (.referral, nil), "cal": (.potential, nil),
            "dan": (.client, .buyer), "eve": (.fan, .patron), "fay": (.client, .sponsor), "gus": (.lost, .buyer),
            "hal": (.client, .buyer), "ivy": (.oneTimeBuyer, .tester), "joe": (.lost, .tester),
            "kim": (.potential, nil),
        ]
        #expect(base.standings.map(\.id) == expected.keys.sorted())
        for standing in base.standings {
            let (category, rung) = expected[standing.id]!
            #expect(standing.category == category, "\(standing.id)")
            #expect(standing.rung == rung, "\(standing.id)")
        }
    }

    @Test func theLostLimitIsStrict() {
        let fay = base.standings.first { $0.id == "fay" }
        let gus = base.standings.first { $0.id == "gus" }
        #expect(fay?.isLost == false)
        #expect(fay?.idleDays == 60)
        #expect(fay?.reason == "usually every 30 days; idle 60 days ≤ 2 × 30")
        #expect(gus?.isLost == true)
        #expect(gus?.reason == "usually every 30 days; idle 61 days > 2 × 30")
    }

    @Test func theBurstBuyerIsKeptByThePopulationFloor() {
        let hal = base.standings.first { $0.id == "hal" }
        #expect(hal?.ownGap == 2)
        #expect(hal?.purchaseDays == 2, "two orders on day 392 are one purchase day")
        #expect(hal?.isLost == false)
        #expect(hal?.reason == "usually every 30 days; idle 8 days ≤ 2 × 30")
    }

    @Test func countsPerCategoryAndRung() {
        #expect(
            base.categoryCounts.map { "\($0.category.rawValue) \($0.count)" } == [
                "potential 2", "referral 1", "prospect 1", "lost 2", "one-time buyer 1", "fan 1", "client 3",
            ])
        // At a rung or higher: never rising from one rung to the next.
        #expect(base.customersAtOrAbove.map(\.count) == [8, 7, 5, 2, 2, 1])
    }

    @Test func theFanThresholdAndKAreRules() {
        let strict = CustomerBase(
            histories: Self.histories, asOf: Self.asOf, rules: RelationshipRules(lostAfter: 1, fanPurchaseDays: 3))
        let category = Dictionary(uniqueKeysWithValues: strict.standings.map { ($0.id, $0.category) })
        // Idle 30 = 1 × 30: not lost; three purchase days are now a fan.
        #expect(category["dan"] == .client)
        #expect(category["fay"] == .lost)
        #expect(category["hal"] == .client)
        #expect(strict.standings.first { $0.id == "dan" }?.rung == .buyer)
        #expect(strict.standings.first { $0.id == "gus" }?.rung == .account)
    }

    @Test func theBacktestCountsWhoReallyStopped() {
        let results = LostBacktest.run(base, histories: Self.histories, end: 460)
        // All buyers by day 400: dan eve fay gus hal ivy joe; dan and joe buy again by day 460.
        // Flagged: gus (stopped) and joe (did not): precision 1/2; stopped: eve fay gus hal ivy.
        #expect(results[0].population == .allBuyers)
        #expect([results[0].flagged, results[0].truePositives, results[0].stopped] == [2, 1, 5])
        #expect(results[0].precision == 0.5)
        #expect(results[0].recall == 0.2)
        // Repeat buyers: dan eve fay gus hal; flagged gus, who stopped, as did eve fay hal.
        #expect([results[1].flagged, results[1].truePositives, results[1].stopped] == [1, 1, 4])
        #expect(results[1].precision == 1)
        #expect(results[1].recall == 0.25)
    }

    @Test func nobodyWithTwoPurchaseDaysLeavesNoPopulationGap() {
        let base = CustomerBase(histories: [CustomerHistory(id: "a", purchaseDays: [10])], asOf: 12)
        #expect(base.populationGap == nil)
        #expect(base.standings.first?.category == .oneTimeBuyer)
        #expect(base.standings.first?.reason == "usually every day; idle 2 days ≤ 2 × 1")
    }
}
