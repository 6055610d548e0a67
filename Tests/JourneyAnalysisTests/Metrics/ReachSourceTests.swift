import Testing

@testable import JourneyAnalysis

/// What charts and the report say of where the reach comes from.
@Suite struct ReachSourceTests {
    @Test func plannedAndMeasuredReachSayWhereTheyComeFrom() {
        #expect(ReachSource.planned.description == "Reach as planned in the journey file")
        let log = ReachSource.Log(
            name: "events.csv", window: "14d", mode: "ordered", firstDay: "2026-01-01", lastDay: "2026-02-10",
            customers: 12_345)
        #expect(
            ReachSource.measured(log).description
                == "Reach measured from events.csv: 12,345 customers, events from 2026-01-01 to 2026-02-10, "
                + "ordered mode, 14d window")
        var oneDay = log
        oneDay.lastDay = "2026-01-01"
        oneDay.customers = 1
        #expect(
            ReachSource.measured(oneDay).description
                == "Reach measured from events.csv: 1 customer, events on 2026-01-01, ordered mode, 14d window")
        var none = log
        (none.firstDay, none.lastDay) = (nil, nil)
        #expect(ReachSource.measured(none).description.contains(": 12,345 customers, no funnel event, ordered mode"))
    }
}
