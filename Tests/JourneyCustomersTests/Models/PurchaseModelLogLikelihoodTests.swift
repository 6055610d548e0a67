import Testing

@testable import JourneyCustomers

/// The log-likelihood of both models against the closed form worked out by hand, and its
/// gradient against finite differences.
///
/// The parameters r = 0.5, α = 2, a = 1.5, b = 3 make the gamma and beta ratios fractions:
/// Γ(r + 2) / Γ(r) = 0.5 × 1.5 = 0.75 and α^r = √2.
@Suite struct PurchaseModelLogLikelihoodTests {
    static let parameters = ModelParameters(r: 0.5, alpha: 2, a: 1.5, b: 3)

    static func logLikelihood(_ model: PurchaseModel, _ summaries: [FrequencyRecency]) -> Double {
        model.logLikelihood(of: SummaryGroups(summaries), parameters).value
    }

    @Test func bgnbdByHand() {
        // x = 2, t = 4, T = 6: 0.75 √2 · B(1.5, 5) / B(1.5, 3) · [8^−2.5 + 1.5 / (3 + 1) · 6^−2.5]
        // B(a, b + 2) / B(a, b) = b (b + 1) / ((a + b)(a + b + 1)) = 12 / 24.75;
        // 8^−2.5 = 0.005524271728, 6^−2.5 = 0.011340230291: L = 0.005027841929, ln L = −5.292764426945.
        let repeatBuyer = FrequencyRecency(frequency: 2, recency: 4, age: 6)!
        #expect(abs(Self.logLikelihood(.bgnbd, [repeatBuyer]) - -5.292764426945) < 1e-11)
        // x = 0, T = 6: α^r (α + T)^−r = √(2 / 8) = 0.5; the beta ratio is 1 and there is no second term.
        let oneTimeBuyer = FrequencyRecency(frequency: 0, recency: 0, age: 6)!
        #expect(abs(Self.logLikelihood(.bgnbd, [oneTimeBuyer]) - -0.693147180560) < 1e-11)
        // Customers add up: two of the first and one of the second.
        let three = Self.logLikelihood(.bgnbd, [repeatBuyer, oneTimeBuyer, repeatBuyer])
        #expect(abs(three - (2 * -5.292764426945 + -0.693147180560)) < 1e-10)
    }

    @Test func mbgnbdByHand() {
        // x = 2, t = 4, T = 6: 0.75 √2 · B(1.5, 6) / B(1.5, 3) · [8^−2.5 + 1.5 / (3 + 2) · 6^−2.5]
        // B(a, b + 3) / B(a, b) = 3 · 4 · 5 / (4.5 · 5.5 · 6.5) = 60 / 160.875: L = 0.003531119509.
        let repeatBuyer = FrequencyRecency(frequency: 2, recency: 4, age: 6)!
        #expect(abs(Self.logLikelihood(.mbgnbd, [repeatBuyer]) - -5.646140317069) < 1e-11)
        // x = 0, T = 6: B(a, b + 1) / B(a, b) = b / (a + b) = 2/3, times α^r [(α + T)^−r + a / b · α^−r]
        // = 0.5 + 0.5 = 1: a one-time buyer may have left right after buying. ln(2/3) = −0.405465108108.
        let oneTimeBuyer = FrequencyRecency(frequency: 0, recency: 0, age: 6)!
        #expect(abs(Self.logLikelihood(.mbgnbd, [oneTimeBuyer]) - -0.405465108108) < 1e-11)
    }

    /// Every component of the gradient in the log-parameters against central differences.
    @Test(arguments: PurchaseModel.allCases)
    func theGradientIsTheDerivative(_ model: PurchaseModel) {
        let groups = SummaryGroups([
            FrequencyRecency(frequency: 0, recency: 0, age: 30)!, FrequencyRecency(frequency: 0, recency: 0, age: 3)!,
            FrequencyRecency(frequency: 1, recency: 2, age: 30)!, FrequencyRecency(frequency: 4, recency: 25, age: 28)!,
            FrequencyRecency(frequency: 12, recency: 29, age: 30)!,
            FrequencyRecency(frequency: 3, recency: 0.5, age: 40)!,
        ])
        let point = SIMD4<Double>(-1.2, 1.5, -0.3, 0.8)
        let gradient = model.logLikelihood(of: groups, ModelParameters(logarithms: point)).gradient
        let step = 1e-5
        for index in 0..<4 {
            var up = point
            var down = point
            up[index] += step
            down[index] -= step
            let difference =
                (model.logLikelihood(of: groups, ModelParameters(logarithms: up)).value
                    - model.logLikelihood(of: groups, ModelParameters(logarithms: down)).value) / (2 * step)
            #expect(abs(gradient[index] - difference) < 1e-7 * max(1, abs(difference)), "component \(index)")
        }
    }
}
