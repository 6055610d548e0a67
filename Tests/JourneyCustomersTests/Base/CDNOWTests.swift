import Foundation
import JourneyCustomers
import JourneyEvents
import JourneyTestSupport
import Testing

/// The CDNOW purchase log's bytes, or nil when it has not been fetched.
enum CDNOWLog {
    static let bytes: Data? = {
        let url = Repository.root.appendingPathComponent(".data/cdnow/CDNOW_master.txt")
        // Absent is the expected case on a machine without the data: the suite then skips.
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try Data(contentsOf: url)
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}

/// The lost rule on the CDNOW purchase log (23,570 customers, 69,659 purchases, 1997–1998),
/// against the figures the issue gives, which an independent script reproduces.
///
/// `scripts/fetch-cdnow.sh` puts the log in `.data/cdnow/`; without it these tests skip.
@Suite(.enabled(if: CDNOWLog.bytes != nil, "no CDNOW purchase log: run scripts/fetch-cdnow.sh"))
struct CDNOWTests {

    /// Every customer's purchase days, from `customer_id date number_of_cds dollar_value` lines.
    static let histories: [CustomerHistory] = {
        var days: [String: [Int]] = [:]
        let text = String(decoding: CDNOWLog.bytes ?? Data(), as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 4, let date = Int(fields[1]) else { continue }  // the header
            days[String(fields[0]), default: []].append(
                day(year: date / 10000, month: date / 100 % 100, day: date % 100))
        }
        return days.map { CustomerHistory(id: $0.key, purchaseDays: $0.value) }
    }()

    /// The log as a shop would export it: `customer_id,timestamp,amount`, each purchase's date
    /// alone (`1997-01-01`), in the log's order.
    static let csv: String = {
        let text = String(decoding: CDNOWLog.bytes ?? Data(), as: UTF8.self)
        var rows = ["customer_id,timestamp,amount"]
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 4, fields[1].count == 8, Int(fields[1]) != nil else { continue }  // the header
            let date = fields[1]
            let (year, month, day) = (date.prefix(4), date.dropFirst(4).prefix(2), date.suffix(2))
            rows.append("\(fields[0]),\(year)-\(month)-\(day),\(fields[3])")
        }
        return rows.joined(separator: "\n") + "\n"
    }()

    /// Days since 1970-01-01 of a date.
    static func day(year: Int, month: Int, day: Int) -> Int {
        UTCDay.day(year: year, month: month, day: day)
    }

    static func counts(_ base: CustomerBase) -> [CustomerCategory: Int] {
        Dictionary(uniqueKeysWithValues: base.categoryCounts.map { ($0.category, $0.count) })
    }

    @Test func theLogHasEveryCustomer() {
        #expect(Self.histories.count == 23_570)
        #expect(Self.day(year: 1970, month: 1, day: 1) == 0)
        #expect(Self.day(year: 1998, month: 6, day: 30) == 10_407)
    }

    @Test func readAsACSVOfDatesAloneItGivesTheSameCustomersAndFigures() throws {
        let reader = EventLogReader(stageOfEvent: [:], eventColumn: nil)
        let (log, diagnostics) = reader.read(bytes: Array(Self.csv.utf8), name: "cdnow.csv")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(log.rows == 69_659)
        let histories = try CustomerHistory.histories(from: log)
        #expect(Set(histories) == Set(Self.histories))
        let base = CustomerBase(histories: histories, asOf: Self.day(year: 1997, month: 9, day: 30))
        #expect(base.populationGap == 43)
        let counts = Self.counts(base)
        #expect([counts[.client], counts[.fan], counts[.lost], counts[.oneTimeBuyer]] == [3863, 1498, 18209, 0])
    }

    @Test func asOfTheEndOfTheLog() {
        let base = CustomerBase(histories: Self.histories, asOf: Self.day(year: 1998, month: 6, day: 30))
        #expect(base.populationGap == 65)
        let counts = Self.counts(base)
        #expect(counts[.client] == 3557)
        #expect(counts[.fan] == 2747)
        #expect(counts[.lost] == 17266)
        #expect(counts[.oneTimeBuyer] == 0)
    }

    @Test func asOfTheEndOfSeptember1997WithItsBacktest() throws {
        let base = CustomerBase(histories: Self.histories, asOf: Self.day(year: 1997, month: 9, day: 30))
        #expect(base.populationGap == 43)
        let counts = Self.counts(base)
        #expect([counts[.client], counts[.fan], counts[.lost], counts[.oneTimeBuyer]] == [3863, 1498, 18209, 0])
        let backtest = LostBacktest.run(base, histories: Self.histories, end: Self.day(year: 1998, month: 6, day: 30))
        #expect(backtest[0].flagged == 18209)
        #expect(backtest[0].truePositives == 14650)
        #expect(abs(try #require(backtest[0].precision) - 0.8045) < 0.00005)
        #expect(abs(try #require(backtest[0].recall) - 0.8872) < 0.00005)
    }
}
