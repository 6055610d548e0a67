import Testing

@testable import JourneyCustomers

/// The lost decision by a model's P(alive), on the hand-sized log of `CustomerBaseTests` at day
/// 400, with r = 0.5, α = 20 days, a = 1.5, b = 3 and the threshold 0.5.
///
/// P(alive) = 1 / (1 + a / (b + m − 1) · ((α + T) / (α + t))^(r + x)), m = x under BG/NBD and
/// x + 1 under MBG/NBD. For gus (days 279, 309, 339: x = 2, t = 60, T = 121), BG/NBD:
/// (141 / 80)^2.5 = 4.1241, times 1.5 / 4: 1.5466, so P(alive) = 0.3927; MBG/NBD: times 1.5 / 5,
/// 1.2372, so 0.4470. For joe (one purchase day, 200: x = 0, T = 200), BG/NBD: 1, as for every
/// one-time buyer; MBG/NBD: 1 / (1 + 1.5 / 3 · (220 / 20)^0.5) = 1 / 2.6583 = 0.3762.
@Suite struct LostRuleTests {
    static func fit(_ model: PurchaseModel) -> ModelFit {
        ModelFit(
            model: model, parameters: ModelParameters(r: 0.5, alpha: 20, a: 1.5, b: 3), logLikelihood: 0,
            customers: 7, distinctSummaries: 7, iterations: 0, gradient: 0)
    }

    static func base(_ model: PurchaseModel) -> CustomerBase {
        CustomerBase(
            histories: CustomerBaseTests.histories, asOf: CustomerBaseTests.asOf,
            lostRule: .model(fit(model), aliveBelow: 0.5))
    }

    static func standing(_ id: String, in base: CustomerBase) -> CustomerStanding? {
        base.standings.first { $0.id == id }
    }

    @Test func bgnbdNeverCallsAOneTimeBuyerLost() {
        let base = Self.base(.bgnbd)
        let expected: [String: (CustomerCategory, String)] = [
            // P(alive) 0.497035: two decimals would read 0.5, like the threshold, so three.
            "dan": (.lost, "P(alive) 0.497 < 0.5 (BG/NBD)"),
            "eve": (.fan, "P(alive) 0.74 ≥ 0.5 (BG/NBD)"),
            "fay": (.lost, "P(alive) 0.4 < 0.5 (BG/NBD)"),
            "gus": (.lost, "P(alive) 0.39 < 0.5 (BG/NBD)"),
            "hal": (.client, "P(alive) 0.56 ≥ 0.5 (BG/NBD)"),
            "ivy": (.oneTimeBuyer, "P(alive) 1 ≥ 0.5 (BG/NBD)"),
            // Idle 200 days, yet alive for sure: BG/NBD's customers leave only after a repeat purchase.
            "joe": (.oneTimeBuyer, "P(alive) 1 ≥ 0.5 (BG/NBD)"),
        ]
        for (id, (category, reason)) in expected {
            #expect(Self.standing(id, in: base)?.category == category, "\(id)")
            #expect(Self.standing(id, in: base)?.reason == reason, "\(id)")
        }
        #expect(abs((Self.standing("gus", in: base)?.aliveProbability ?? 0) - 0.392694) < 1e-6)
    }

    @Test func mbgnbdLetsAOneTimeBuyerGo() {
        let base = Self.base(.mbgnbd)
        #expect(Self.standing("joe", in: base)?.category == .lost)
        #expect(Self.standing("joe", in: base)?.reason == "P(alive) 0.38 < 0.5 (MBG/NBD)")
        #expect(Self.standing("ivy", in: base)?.category == .oneTimeBuyer)
        #expect(Self.standing("dan", in: base)?.reason == "P(alive) 0.57 ≥ 0.5 (MBG/NBD)")
        #expect(abs((Self.standing("gus", in: base)?.aliveProbability ?? 0) - 0.446985) < 1e-6)
    }

    @Test func everythingButTheLostFlagStaysAsWithTheRhythmRule() {
        let rhythm = CustomerBase(histories: CustomerBaseTests.histories, asOf: CustomerBaseTests.asOf)
        let model = Self.base(.bgnbd)
        #expect(model.populationGap == rhythm.populationGap)
        for (byRhythm, byModel) in zip(rhythm.standings, model.standings) {
            #expect(byModel.id == byRhythm.id)
            #expect(byModel.rung == byRhythm.rung)
            #expect(byModel.idleDays == byRhythm.idleDays)
            #expect(byModel.ownGap == byRhythm.ownGap)
            #expect(byModel.frequencyRecency == byRhythm.frequencyRecency)
            #expect(byRhythm.aliveProbability == nil)
        }
        // Nobody without a purchase has a probability or a reason.
        #expect(Self.standing("ana", in: model)?.aliveProbability == nil)
        #expect(Self.standing("ana", in: model)?.reason == "")
        #expect(Self.standing("kim", in: model)?.frequencyRecency == nil)
    }

    @Test func theProbabilityGetsTheDecimalsItNeedsBesideTheThreshold() {
        func reason(_ probability: Double, _ threshold: Double = 0.5) -> String {
            CustomerBase.aliveReason(
                probability, isLost: probability < threshold, threshold: threshold, model: .bgnbd)
        }
        #expect(reason(0.31) == "P(alive) 0.31 < 0.5 (BG/NBD)")
        #expect(reason(0.4999) == "P(alive) 0.4999 < 0.5 (BG/NBD)")
        #expect(reason(0.5) == "P(alive) 0.5 ≥ 0.5 (BG/NBD)")
        #expect(reason(0.499_999_9) == "P(alive) 0.499999 < 0.5 (BG/NBD)")
        #expect(reason(0.500_000_1) == "P(alive) 0.5 ≥ 0.5 (BG/NBD)")
        #expect(reason(0.2, 0.25) == "P(alive) 0.2 < 0.25 (BG/NBD)")
    }
}

/// A base classified by the rhythm rule, then again by a model: the same as classifying by the
/// model from the start, and back.
@Suite struct ReclassifyingTests {
    @Test(arguments: PurchaseModel.allCases)
    func classifyingAgainIsClassifyingAfresh(_ model: PurchaseModel) {
        let rule = LostRule.model(LostRuleTests.fit(model), aliveBelow: 0.5)
        let rhythm = CustomerBase(histories: CustomerBaseTests.histories, asOf: CustomerBaseTests.asOf)
        let byModel = CustomerBase(
            histories: CustomerBaseTests.histories, asOf: CustomerBaseTests.asOf, lostRule: rule)
        #expect(rhythm.classified(by: rule).standings == byModel.standings)
        #expect(byModel.classified(by: .rhythm).standings == rhythm.standings)
    }
}
