import JourneyEvents
import Testing

@testable import JourneyCustomers

/// A purchase log summed up a batch at a time gives what the purchase days themselves give,
/// whether its events are in memory or spilled, and so the same customer base.
@Suite struct PurchaseSummariesTests {
    /// A random purchase log: `customers` customers, up to 30 orders each over `days` days, some
    /// on the same day, written in time order as a shop exports orders, with dates alone or with
    /// times; and every customer's purchase days.
    static func randomLog(customers: Int, days: Int, seed: UInt64) -> (csv: String, histories: [CustomerHistory]) {
        var generator = SeededGenerator(seed: seed)
        var orders: [(time: Int64, customer: Int)] = []
        for customer in 0..<customers {
            let count = Int.random(in: 1...(customer % 3 == 0 ? 30 : 3), using: &generator)
            for _ in 0..<count {
                orders.append((Int64.random(in: 0..<(Int64(days) * 86_400_000), using: &generator), customer))
            }
        }
        orders.sort { $0.time < $1.time }
        let start: Int64 = 1_704_067_200_000  // 2024-01-01T00:00:00Z
        var rows = ["customer_id,timestamp,amount"]
        var purchaseDays = [[Int]](repeating: [], count: customers)
        for (index, order) in orders.enumerated() {
            let milliseconds = start + order.time
            let day = CustomerHistory.day(ofMilliseconds: milliseconds)
            purchaseDays[order.customer].append(day)
            // Every third row a date alone, midnight of the same day; the others epoch milliseconds.
            let time = index % 3 == 0 ? UTCDay.text(ofDay: day) : String(milliseconds)
            rows.append("c\(order.customer),\(time),\(index % 100).50")
        }
        let histories = purchaseDays.enumerated().map { CustomerHistory(id: "c\($0.offset)", purchaseDays: $0.element) }
        return (rows.joined(separator: "\n") + "\n", histories)
    }

    /// `log` read in memory, or spilled after every few events.
    static func read(_ csv: String, spilled: Bool) -> EventLog {
        var reader = EventLogReader(stageOfEvent: [:], eventColumn: nil)
        if spilled {
            reader.eventMemoryLimit = 1 << 10
            reader.maximumThreads = 2
            reader.parallelThreshold = 0
        }
        let (log, diagnostics) = reader.read(bytes: Array(csv.utf8), name: "purchases.csv")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(log.spilledEvents != nil || !spilled)
        return log
    }

    @Test(arguments: [false, true])
    func summariesAreThoseOfThePurchaseDays(spilled: Bool) throws {
        let (csv, histories) = Self.randomLog(customers: 500, days: 400, seed: 7)
        let log = Self.read(csv, spilled: spilled)
        let byID = Dictionary(uniqueKeysWithValues: histories.map { ($0.id, $0) })
        let firstDay = histories.compactMap(\.purchaseDays.first).min()
        let lastDay = histories.compactMap(\.purchaseDays.last).max()
        // The default as-of date (the last purchase day), one in the middle with a backtest, one
        // before every purchase (2024-01-01 is day 19,723).
        let cases: [(asOf: Int?, end: Int?)] = [(nil, nil), (19_900, 19_990), (19_000, nil)]
        for (asOf, end) in cases {
            // Spilled partitions are shared out among workers; their number changes nothing.
            let results = try [1, 2, 3].map {
                try PurchaseSummaries(log: log, asOf: asOf, backtestEnd: end, workers: $0)
            }
            #expect(results.allSatisfy { $0.summaries == results[0].summaries && $0.customers == results[0].customers })
            #expect(results.allSatisfy { $0.firstDay == results[0].firstDay && $0.lastDay == results[0].lastDay })
            let purchases = results[1]
            #expect(purchases.firstDay == firstDay)
            #expect(purchases.lastDay == lastDay)
            #expect(purchases.customers.count == histories.count)
            for (id, summary) in zip(purchases.customers, purchases.summaries) {
                let expected = PurchaseSummary(try #require(byID[id]), asOf: asOf ?? lastDay!, backtestEnd: end)
                #expect(summary == expected, "\(id) as of \(asOf.map(String.init) ?? "the end")")
            }
        }
    }

    @Test(arguments: [false, true])
    func theBaseAndTheBacktestAreThoseOfTheHistories(spilled: Bool) throws {
        let (csv, histories) = Self.randomLog(customers: 800, days: 500, seed: 11)
        let log = Self.read(csv, spilled: spilled)
        let asOf = 19_800
        let end = 19_900
        let fromHistories = CustomerBase(histories: histories, asOf: asOf)
        let fromLog = CustomerBase(purchases: try PurchaseSummaries(log: log, asOf: asOf, backtestEnd: end), asOf: asOf)
        #expect(fromLog.populationGap == fromHistories.populationGap)
        #expect(fromLog.categoryCounts.map(\.count) == fromHistories.categoryCounts.map(\.count))
        #expect(
            fromLog.customersAtOrAbove.map { [$0.count, $0.lost] }
                == fromHistories.customersAtOrAbove.map { [$0.count, $0.lost] })
        #expect(fromLog.standings == fromHistories.standings)
        #expect(LostBacktest.run(fromLog) == LostBacktest.run(fromHistories, histories: histories, end: end))
        // The figures are not all zero: the test would see nothing otherwise.
        #expect(fromLog.categoryCounts.filter { $0.count > 0 }.count >= 4, "\(fromLog.categoryCounts)")
    }

    /// Contacts and answers joined to the summaries give the base the joined histories give:
    /// contacts who never bought, late contacts, sponsors, promoters and detractors.
    @Test(arguments: [false, true])
    func contactsAndAnswersJoinTheSummariesAsTheyJoinTheHistories(spilled: Bool) throws {
        let (csv, histories) = Self.randomLog(customers: 300, days: 500, seed: 5)
        let log = Self.read(csv, spilled: spilled)
        let asOf = 19_950
        // Every fifth buyer contacted (some after the as-of date), every seventh referred by the
        // buyer before them, and 40 people who never bought, contacted or referred.
        var rows = ["customer_id,contacted,referred_by"]
        for index in stride(from: 0, to: 300, by: 5) {
            rows.append("c\(index),\(index % 10 == 0 ? "2024-03-01" : "2024-12-30"),")
        }
        for index in stride(from: 7, to: 300, by: 7) where index % 5 != 0 { rows.append("c\(index),,c\(index - 1)") }
        for index in 0..<40 {
            rows.append("p\(index),\(index % 2 == 0 ? "2024-02-01" : ""),\(index % 3 == 0 ? "c3" : "")")
        }
        let (table, _) = CSVTable.read(
            bytes: Array((rows.joined(separator: "\n") + "\n").utf8),
            columns: ContactList.columns(customerColumn: "customer_id"))
        let (contacts, diagnostics) = ContactList.read(table)
        try #require(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        var answers: [String: Int] = [:]
        for index in stride(from: 0, to: 300, by: 3) { answers["c\(index)"] = 1 + index % 10 }
        answers["p1"] = 9

        let joined = CustomerHistory.joining(histories, contacts: contacts, answers: answers, asOf: asOf)
        let fromHistories = CustomerBase(histories: joined, asOf: asOf)
        let fromLog = CustomerBase(
            purchases: try PurchaseSummaries(log: log, asOf: asOf, backtestEnd: nil), asOf: asOf, contacts: contacts,
            answers: answers)
        #expect(fromLog.standings == fromHistories.standings)
        #expect(fromLog.categoryCounts.map(\.count) == fromHistories.categoryCounts.map(\.count))
        #expect(
            fromLog.customersAtOrAbove.map { [$0.count, $0.lost] }
                == fromHistories.customersAtOrAbove.map { [$0.count, $0.lost] })
        #expect(fromLog.customersAtRisk == fromHistories.customersAtRisk)
        #expect(fromLog.recommendScore == fromHistories.recommendScore)
        // Every kind of person is there, or the test would compare little.
        let counts = Dictionary(uniqueKeysWithValues: fromLog.categoryCounts.map { ($0.category, $0.count) })
        for category in [CustomerCategory.potential, .referral, .prospect, .lost, .client, .fan] {
            #expect(counts[category, default: 0] > 0, "no \(category)")
        }
        #expect(fromLog.customersAtOrAbove.allSatisfy { $0.count > 0 }, "\(fromLog.customersAtOrAbove)")
        #expect(!fromLog.customersAtRisk.isEmpty)
    }

    @Test func anEmptyLogHasNoPurchaseDays() throws {
        let purchases = try PurchaseSummaries(log: EventLog(), asOf: nil, backtestEnd: nil)
        #expect(purchases.firstDay == nil)
        #expect(purchases.lastDay == nil)
        #expect(purchases.summaries.isEmpty)
    }

    @Test func theMedianBySelectionIsTheMedianBySorting() {
        var generator = SeededGenerator(seed: 3)
        for count in [1, 2, 3, 4, 17, 18, 100, 1001, 5000] {
            for range in [0.0...3.0, 0.0...1000.0] {
                // Few distinct values (many repeats), or many.
                var values = (0..<count).map { _ in (Double.random(in: range, using: &generator) * 2).rounded() / 2 }
                let sorted = values.sorted()
                let expected =
                    count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
                #expect(median(&values) == expected, "\(count) values in \(range)")
            }
        }
        var none: [Double] = []
        #expect(median(&none) == nil)
    }
}

/// A deterministic random number generator (SplitMix64), so that a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
