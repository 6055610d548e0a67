import Foundation
import Testing

@testable import JourneyCustomers

/// ln Γ(s + n) − ln Γ(s) as a running sum, against Foundation's `lgamma`.
@Suite struct RisingFactorialLogsTests {
    @Test(arguments: [0.0123, 0.2426, 1, 4.4135, 250.5])
    func matchesTheLogGammaFunction(_ s: Double) {
        let sums = RisingFactorialLogs(s, through: 400)
        #expect(sums.logarithms[0] == 0)
        #expect(sums.derivatives[0] == 0)
        for n in [1, 2, 7, 50, 400] {
            let expected = lgamma(s + Double(n)) - lgamma(s)
            #expect(abs(sums.logarithms[n] - expected) <= 1e-12 * max(1, abs(expected)), "s = \(s), n = \(n)")
        }
        // ψ(s + 1) − ψ(s) = 1 / s; ψ(s + 2) − ψ(s) = 1 / s + 1 / (s + 1).
        #expect(abs(sums.derivatives[1] - 1 / s) <= 1e-15 / s)
        #expect(abs(sums.derivatives[2] - (1 / s + 1 / (s + 1))) <= 1e-15 / s)
    }

    @Test func byHand() {
        // ln((0.5)(1.5)(2.5)) = ln 1.875; derivative 1/0.5 + 1/1.5 + 1/2.5 = 2 + 0.6667 + 0.4.
        let sums = RisingFactorialLogs(0.5, through: 3)
        #expect(abs(sums.logarithms[3] - log(1.875)) < 1e-15)
        #expect(abs(sums.derivatives[3] - (2 + 2.0 / 3 + 0.4)) < 1e-15)
    }
}
