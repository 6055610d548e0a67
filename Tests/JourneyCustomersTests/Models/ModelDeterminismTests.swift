import JourneyCustomers
import JourneyEvents
import Testing

/// The same purchase log gives the same bytes of JSON, whether it is read on one thread or two:
/// the customers may come in another order, but the fit sums over the grouped summaries in their
/// own order and the standings are sorted by id.
@Suite struct ModelDeterminismTests {
    /// The simulated customers' purchases as a CSV log, one row a purchase day, at noon.
    static let log: [UInt8] = {
        let histories = SimulatedCustomers.histories(count: 3000, end: 400)
        var text = "customer_id,timestamp\n"
        for history in histories {
            for day in history.purchaseDays { text += "\(history.id),\(day * 86_400 + 43_200)\n" }
        }
        return Array(text.utf8)
    }()

    static func report(_ model: PurchaseModel, threads: Int, spilled: Bool = false) throws -> String {
        var reader = EventLogReader(stageOfEvent: [:], eventColumn: nil)
        reader.maximumThreads = threads
        reader.parallelThreshold = 0
        if spilled { reader.eventMemoryLimit = 1 << 12 }
        let (log, diagnostics) = reader.read(bytes: Self.log, name: "purchases.csv")
        #expect(diagnostics.isEmpty)
        #expect((log.spilledEvents != nil) == spilled)
        let asOf = 365
        let purchases = try PurchaseSummaries(log: log, asOf: asOf, backtestEnd: 400)
        let rhythm = CustomerBase(purchases: purchases, asOf: asOf)
        let fit = try ModelFit.fit(model, to: SummaryGroups(rhythm.frequencyRecencies))
        let base = rhythm.classified(by: .model(fit, aliveBelow: 0.5))
        let report = CustomerReport(
            base: base, source: "purchases.csv", backtest: (400, LostBacktest.run(base)),
            modelBacktest: (LostBacktest.run(rhythm), ForecastBacktest.run(fit, base: base, end: 400)))
        return report.json() + CustomerListCSV.render(base)
    }

    @Test(arguments: PurchaseModel.allCases)
    func oneThreadOrTwoGiveTheSameBytes(_ model: PurchaseModel) throws {
        let one = try Self.report(model, threads: 1)
        let two = try Self.report(model, threads: 2)
        let spilled = try Self.report(model, threads: 2, spilled: true)
        #expect(one == two)
        #expect(one == spilled)
        #expect(one.contains("\"name\": \"\(model.name)\""))
        #expect(one.contains("\"actualPurchases\""))
    }
}
