import JourneyCustomers
import JourneyLanguage
import JourneyTestSupport
import Testing

/// A journey's rung stages get the customers at their rung or higher; other stages get nothing.
@Suite struct LadderStagesTests {
    @Test func onlyRungStagesAreMeasuredAndTheirReachNeverRises() {
        let journey = check(
            header + """
                stage Visit
                  reach 50
                  touchpoint "Lands" +1 via site
                stage Trial
                  rung tester
                  touchpoint "Pays" +1 via site
                stage Again
                  rung buyer
                  reach 9
                  touchpoint "Pays again" +1 via site
                stage Advocates
                  rung sponsor
                  touchpoint "Tells a friend" +2 via site
                """
        ).journey
        // ana: 3 purchase days; ben: 1; cy: 2, and he referred dan, who never bought: a sponsor.
        let base = CustomerBase(
            histories: [
                CustomerHistory(id: "ana", purchaseDays: [1, 20, 40]), CustomerHistory(id: "ben", purchaseDays: [5]),
                CustomerHistory(id: "cy", purchaseDays: [3, 30]),
                CustomerHistory(id: "dan", purchaseDays: [], referredBy: "cy"),
            ], asOf: 41)
        let stages = LadderStages(journey: journey, file: "shop.journey", base: base)
        #expect(stages.reachOfEachStage == [nil, 3, 2, 1])
        #expect(stages.rows.map(\.stage) == ["Trial", "Again", "Advocates"])
        #expect(stages.rows.map(\.writtenReach) == [nil, 9, nil])
        let reaches = stages.rows.map(\.measuredReach)
        #expect(zip(reaches, reaches.dropFirst()).allSatisfy { $0 >= $1 })
    }
}
