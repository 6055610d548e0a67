import Foundation
import JourneyCustomers

/// Customers who buy and leave as BG/NBD says, simulated from a fixed seed: the same histories
/// on every run and every machine.
///
/// Each customer first buys on a day in the first quarter, then at exponential intervals with a
/// purchase rate of their own (exponential across customers: gamma with r = 1, mean one purchase
/// in 40 days), and after each repeat purchase leaves for good with a chance of their own
/// (uniform from 0 to 0.5). Purchase times are rounded down to days.
enum SimulatedCustomers {
    /// `count` customers' histories through day `end`, ids `c00001`, `c00002`, ….
    static func histories(count: Int, end: Int = 365, seed: UInt64 = 7) -> [CustomerHistory] {
        var generator = SeededGenerator(seed: seed)
        return (1...count).map { number in
            let rate = -log(generator.uniform()) / 40
            let leaving = 0.5 * generator.uniform()
            var time = 90 * generator.uniform()
            var days = [Int(time)]
            while true {
                time += -log(generator.uniform()) / rate
                guard time < Double(end + 1) else { break }
                days.append(Int(time))
                if generator.uniform() < leaving { break }
            }
            let id = String(number)
            return CustomerHistory(id: "c" + String(repeating: "0", count: 5 - id.count) + id, purchaseDays: days)
        }
    }

    /// The summaries of `histories` at day `asOf`.
    static func summaries(_ histories: [CustomerHistory], asOf: Int = 365) -> [FrequencyRecency] {
        histories.compactMap { FrequencyRecency(purchaseDays: $0.purchaseDays, asOf: asOf) }
    }
}

extension SeededGenerator {
    /// A number in (0, 1), never 0, so that its logarithm is finite.
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }
}
