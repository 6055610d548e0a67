@testable import JourneyEvents

/// Event logs for the funnel tests, built from readable lines.
enum FunnelTestLog {
    /// A log from `(customer, time, stage)` lines, stage counted from 0 and times written as
    /// `2026-01-01T00:00:00Z` or `2026-01-01T00:00:00.250Z`; customers are numbered in order of
    /// first appearance, and `extraCustomers` are appended without events.
    static func make(_ lines: [(String, String, Int)], extraCustomers: [String] = []) -> EventLog {
        make(milliseconds: lines.map { ($0.0, milliseconds($0.1), $0.2) }, extraCustomers: extraCustomers)
    }

    /// A log from `(customer, milliseconds since 1970, stage)` lines.
    static func make(milliseconds lines: [(String, Int64, Int)], extraCustomers: [String] = []) -> EventLog {
        var customers: [String] = []
        var index: [String: Int32] = [:]
        var events: [FunnelEvent] = []
        for (customer, time, stage) in lines {
            let number: Int32
            if let known = index[customer] {
                number = known
            } else {
                number = Int32(customers.count)
                index[customer] = number
                customers.append(customer)
            }
            events.append(FunnelEvent(customer: number, stage: Int32(stage), time: time))
        }
        for customer in extraCustomers where index[customer] == nil {
            index[customer] = Int32(customers.count)
            customers.append(customer)
        }
        return EventLog(customers: PackedStrings(customers), events: events, rows: events.count)
    }

    /// Milliseconds since 1970 of an ISO 8601 UTC time `YYYY-MM-DDTHH:MM:SS[.mmm]Z`.
    static func milliseconds(_ text: String) -> Int64 {
        let scalars = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int64 {
            var value: Int64 = 0
            for byte in scalars[from..<(from + count)] {
                precondition((48...57).contains(byte), "bad digit in \(text)")
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        precondition(scalars.count == 20 || scalars.count == 24, "not YYYY-MM-DDTHH:MM:SS[.mmm]Z: \(text)")
        let year = number(0, 4)
        let month = number(5, 2)
        let day = number(8, 2)
        let hour = number(11, 2)
        let minute = number(14, 2)
        let second = number(17, 2)
        let millisecond = scalars.count == 24 ? number(20, 3) : 0
        // Days from 1970-01-01 to the civil date (Howard Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millisecond
    }
}
