import Foundation
import JourneyCustomers
import Testing

/// P(alive), the expected purchases and the chance of at least one, against their closed forms.
@Suite struct PurchaseModelForecastTests {
    static let parameters = ModelParameters(r: 0.5, alpha: 2, a: 1.5, b: 3)
    static let repeatBuyer = FrequencyRecency(frequency: 2, recency: 4, age: 6)!
    static let oneTimeBuyer = FrequencyRecency(frequency: 0, recency: 0, age: 6)!

    @Test func aliveByHand() {
        // BG/NBD: 1 / (1 + a / (b + x − 1) · ((α + T) / (α + t))^(r + x)) = 1 / (1 + 0.375 · (8/6)^2.5);
        // (4/3)^2.5 = 2.052800957, so 1 / 1.769800359 = 0.565035483.
        #expect(abs(PurchaseModel.bgnbd.aliveProbability(Self.repeatBuyer, Self.parameters) - 0.565035483) < 1e-9)
        // MBG/NBD: a / (b + x) = 0.3 instead: 1 / (1 + 0.3 · 2.052800957) = 1 / 1.615840287 = 0.618873046.
        #expect(abs(PurchaseModel.mbgnbd.aliveProbability(Self.repeatBuyer, Self.parameters) - 0.618873046) < 1e-9)
        // A one-time buyer: alive for sure under BG/NBD; under MBG/NBD 1 / (1 + a / b · ((α + T) / α)^r)
        // = 1 / (1 + 0.5 · √4) = 0.5.
        #expect(PurchaseModel.bgnbd.aliveProbability(Self.oneTimeBuyer, Self.parameters) == 1)
        #expect(abs(PurchaseModel.mbgnbd.aliveProbability(Self.oneTimeBuyer, Self.parameters) - 0.5) < 1e-15)
    }

    /// Gauss's hypergeometric function by its plain series, for z well below 1.
    static func hypergeometric(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        var term = 1.0
        var sum = 1.0
        for n in 0..<2000 {
            let n = Double(n)
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
        }
        return sum
    }

    /// The published formula, evaluated directly with the plain series (no Euler transformation).
    static func publishedExpectation(_ model: PurchaseModel, _ s: FrequencyRecency, _ p: ModelParameters, _ t: Double)
        -> Double
    {
        let x = Double(s.frequency)
        let m = model == .bgnbd ? x : x + 1
        let c = p.a + p.b + m - 1
        let z = t / (p.alpha + s.age + t)
        let bracket =
            1 - pow((p.alpha + s.age) / (p.alpha + s.age + t), p.r + x) * hypergeometric(p.r + x, p.b + m, c, z)
        return c / (p.a - 1) * bracket * model.aliveProbability(s, p)
    }

    @Test(arguments: PurchaseModel.allCases)
    func expectedPurchasesAsPublished(_ model: PurchaseModel) {
        for summary in [Self.repeatBuyer, Self.oneTimeBuyer, FrequencyRecency(frequency: 9, recency: 50, age: 52)!] {
            for horizon in [0.5, 3, 20] {
                let expected = Self.publishedExpectation(model, summary, Self.parameters, horizon)
                let computed = model.expectedPurchases(summary, Self.parameters, within: horizon)
                #expect(abs(computed - expected) < 1e-12 * max(1, expected), "\(summary) in \(horizon)")
            }
        }
    }

    @Test(arguments: PurchaseModel.allCases)
    func expectedPurchasesAreContinuousWhereTheFormulaDividesByZero(_ model: PurchaseModel) {
        // a = 1 divides by a − 1; a + b = 1 makes c = 0 for a BG/NBD one-time buyer.
        for (a, b) in [(1.0, 3.0), (0.5, 0.5)] {
            for summary in [Self.repeatBuyer, Self.oneTimeBuyer] {
                func expected(_ a: Double) -> Double {
                    model.expectedPurchases(summary, ModelParameters(r: 0.5, alpha: 2, a: a, b: b), within: 10)
                }
                let at = expected(a)
                let around = (expected(a - 1e-6) + expected(a + 1e-6)) / 2
                #expect(at.isFinite && at > 0)
                #expect(abs(at - around) < 1e-8, "a = \(a), b = \(b), \(summary)")
            }
        }
    }

    @Test(arguments: PurchaseModel.allCases)
    func theChanceOfAPurchase(_ model: PurchaseModel) {
        // P(alive) · (1 − ((α + T) / (α + T + t))^(r + x)): for the repeat buyer in t = 8,
        // (8 / 16)^2.5 = 0.176776695, so P(alive) · 0.823223305.
        let alive = model.aliveProbability(Self.repeatBuyer, Self.parameters)
        let chance = model.purchaseProbability(Self.repeatBuyer, Self.parameters, within: 8)
        #expect(abs(chance - alive * 0.823223305) < 1e-9)
        // Never above P(alive), nor above the expected number of purchases; nothing in no time.
        for horizon in [1.0, 30, 1000] {
            let chance = model.purchaseProbability(Self.repeatBuyer, Self.parameters, within: horizon)
            #expect(chance <= alive)
            #expect(chance <= model.expectedPurchases(Self.repeatBuyer, Self.parameters, within: horizon))
        }
        #expect(model.purchaseProbability(Self.repeatBuyer, Self.parameters, within: 0) == 0)
        #expect(model.expectedPurchases(Self.repeatBuyer, Self.parameters, within: 0) == 0)
    }
}
