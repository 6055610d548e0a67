import JourneyLanguage

/// Every customer's standing at one date, with the counts a marketer reads first.
///
/// The lost rule by the customer's rhythm (`LostRule.rhythm`, the default): a buyer is lost when
/// the days since their last purchase day are more than `lostAfter` times the larger of their own
/// median gap and the population's median gap (the median, over customers with two or more
/// purchase days, of their own gaps). A one-time buyer's own gap is the population's. The
/// population's gap is a floor, so a burst of orders a few days apart does not make a customer
/// lost after a week. With a model (`LostRule.model`), a buyer is lost when their probability of
/// being alive is below the threshold.
///
/// The counts are worked out once, when the base is made, from each customer's
/// `PurchaseSummary`; the standings, with their reasons in words, only when asked for, since a
/// purchase log of a million customers needs the counts alone.
public struct CustomerBase: Sendable {
    /// The day the standings hold at, in days since 1970-01-01; later purchases are ignored.
    public let asOf: Int
    public let rules: RelationshipRules
    /// How lost customers are told from the others.
    public let lostRule: LostRule
    /// The population's median gap between purchase days, in days; nil when no customer has
    /// two purchase days by the as-of date.
    public let populationGap: Double?
    /// How many customers are in each category, in the categories' order.
    public let categoryCounts: [(category: CustomerCategory, count: Int)]
    /// How many customers stand on each rung or higher, from the bottom (never rising), and how
    /// many of them are lost.
    public let customersAtOrAbove: [(rung: LadderRung, count: Int, lost: Int)]

    /// The customer ids, in the order given.
    let ids: [String]
    /// Each customer's purchases at the as-of date, indexed like `ids`.
    let summaries: [PurchaseSummary]
    /// What else is known of each customer, indexed like `ids`; empty when nothing is (a
    /// purchase log's customers).
    let people: [Person]
    /// Each customer's probability of being alive under the model of the lost rule, indexed like
    /// `ids`: nil without a purchase; empty under the rhythm rule.
    let aliveProbabilities: [Double?]

    /// What a customer's category and rung need besides their purchases.
    struct Person: Hashable, Sendable {
        var contacted = false
        var referred = false
        /// Their latest answer to the recommend question by the as-of date.
        var recommendAnswer: Int?
        var isPromoter: Bool { recommendAnswer.map(RecommendScore.isPromoter) ?? false }
        /// Someone names them in `referredBy`.
        var isSponsor = false
    }

    /// Classifies `histories` at `asOf`, telling lost customers by `lostRule`.
    ///
    /// A customer `referredBy` names counts toward that customer's `sponsor` rung.
    public init(
        histories: [CustomerHistory], asOf: Int, rules: RelationshipRules = RelationshipRules(),
        lostRule: LostRule = .rhythm
    ) {
        let sponsors = Set(histories.compactMap(\.referredBy))
        self.init(
            ids: histories.map(\.id), summaries: histories.map { PurchaseSummary($0, asOf: asOf) },
            people: histories.map { history in
                Person(
                    contacted: history.contacted, referred: history.referredBy != nil,
                    recommendAnswer: history.recommendAnswer, isSponsor: sponsors.contains(history.id))
            }, asOf: asOf, rules: rules, lostRule: lostRule)
    }

    /// Classifies the customers of a purchase log, summed up at `asOf` by `purchases`, joined with
    /// what the contacts and the survey say of each person; a contact who never bought is a
    /// customer of their own.
    ///
    /// A contact date after `asOf` does not count: at that date they had not been contacted yet.
    /// A customer `referredBy` names counts toward that customer's `sponsor` rung. Without
    /// contacts or answers, nobody was contacted or referred and nobody answered.
    ///
    /// - Parameter answers: each customer's latest answer by `asOf`, as
    ///   `SurveyAnswers.latest(through:)` gives; answers of unknown ids are ignored.
    public init(
        purchases: PurchaseSummaries, asOf: Int, rules: RelationshipRules = RelationshipRules(),
        contacts: ContactList? = nil, answers: [String: Int] = [:], lostRule: LostRule = .rhythm
    ) {
        guard contacts != nil || !answers.isEmpty else {
            self.init(
                ids: purchases.customers, summaries: purchases.summaries, people: [], asOf: asOf, rules: rules,
                lostRule: lostRule)
            return
        }
        var ids = purchases.customers
        var summaries = purchases.summaries
        var people = [Person](repeating: Person(), count: ids.count)
        var index = [String: Int](minimumCapacity: ids.count)
        for (position, id) in ids.enumerated() { index[id] = position }
        var sponsors = Set<String>()
        for contact in contacts?.contacts ?? [] {
            let position =
                index[contact.id]
                ?? {
                    ids.append(contact.id)
                    summaries.append(.noPurchase)
                    people.append(Person())
                    index[contact.id] = ids.count - 1
                    return ids.count - 1
                }()
            people[position].contacted = contact.contactedDay.map { $0 <= asOf } ?? false
            people[position].referred = contact.referredBy != nil
            if let sponsor = contact.referredBy?.text { sponsors.insert(sponsor) }
        }
        for sponsor in sponsors {
            if let position = index[sponsor] { people[position].isSponsor = true }
        }
        for (id, answer) in answers {
            if let position = index[id] { people[position].recommendAnswer = answer }
        }
        self.init(ids: ids, summaries: summaries, people: people, asOf: asOf, rules: rules, lostRule: lostRule)
    }

    private init(
        ids: [String], summaries: [PurchaseSummary], people: [Person], asOf: Int, rules: RelationshipRules,
        lostRule: LostRule
    ) {
        precondition(people.isEmpty || people.count == ids.count, "one person per customer, or none")
        precondition(summaries.count == ids.count, "one summary per customer")
        self.asOf = asOf
        self.rules = rules
        self.lostRule = lostRule
        self.ids = ids
        self.summaries = summaries
        self.people = people
        aliveProbabilities = lostRule.fit.map { Self.aliveProbabilities(of: summaries, asOf: asOf, fit: $0) } ?? []
        var ownGaps = summaries.compactMap(\.ownGap)
        let populationGap = median(&ownGaps)
        self.populationGap = populationGap
        var categories = [Int](repeating: 0, count: CustomerCategory.allCases.count)
        // Customers whose highest rung is each rung, and how many of them are lost.
        var onRung = [Int](repeating: 0, count: LadderRung.allCases.count)
        var lostOnRung = onRung
        for index in ids.indices {
            let standing = Self.classify(
                summaries[index], people.isEmpty ? Person() : people[index],
                alive: aliveProbabilities.isEmpty ? nil : aliveProbabilities[index], asOf: asOf,
                populationGap: populationGap, rules: rules, lostRule: lostRule)
            categories[Self.index(of: standing.category)] += 1
            if let rung = standing.rung {
                let rungIndex = Self.index(of: rung)
                onRung[rungIndex] += 1
                if standing.isLost { lostOnRung[rungIndex] += 1 }
            }
        }
        categoryCounts = zip(CustomerCategory.allCases, categories).map { ($0, $1) }
        var atOrAbove = 0
        var lostAtOrAbove = 0
        var ladder: [(rung: LadderRung, count: Int, lost: Int)] = []
        for (index, rung) in LadderRung.allCases.enumerated().reversed() {
            atOrAbove += onRung[index]
            lostAtOrAbove += lostOnRung[index]
            ladder.append((rung, atOrAbove, lostAtOrAbove))
        }
        customersAtOrAbove = ladder.reversed()
    }

    /// The same customers, with the lost ones told by `lostRule` instead: only the buyers' lost
    /// flags, reasons, probabilities of being alive and categories change.
    public func classified(by lostRule: LostRule) -> CustomerBase {
        CustomerBase(ids: ids, summaries: summaries, people: people, asOf: asOf, rules: rules, lostRule: lostRule)
    }

    /// The number of customers.
    public var customerCount: Int { ids.count }

    /// What the purchase models read of each customer who had bought by the as-of date (repeat
    /// purchase days, recency and age in days), in the order given: what a model is fitted to.
    public var frequencyRecencies: [FrequencyRecency] {
        summaries.compactMap { $0.frequencyRecency(asOf: asOf) }
    }

    /// One standing per customer, sorted by id, each with the lost rule in words; made anew at
    /// each call.
    public var standings: [CustomerStanding] {
        var reasons = Reasons()
        return ids.indices.map { standing(at: $0, reasons: &reasons) }.sorted { $0.id < $1.id }
    }

    /// The detractors who are clients or fans, by id: the relationships worth a call before they
    /// are lost, since a lost client who speaks badly of the company costs more than the sale.
    public var customersAtRisk: [CustomerStanding] {
        people.indices
            .filter { people[$0].recommendAnswer.map(RecommendScore.isDetractor) ?? false }
            .map { index in
                var reasons = Reasons()
                return standing(at: index, reasons: &reasons)
            }
            .filter { $0.category == .client || $0.category == .fan }
            .sorted { $0.id < $1.id }
    }

    /// The answers to the recommend question, one per customer (their latest by the as-of date).
    public var recommendScore: RecommendScore {
        RecommendScore(answers: people.lazy.compactMap(\.recommendAnswer))
    }

    /// The reasons in words already written, by what they say: many customers share one (the
    /// same usual gap and idle days, or the same P(alive)), and writing one took about 6,000
    /// instructions, a quarter of `journey customers -o` on CDNOW (callgrind).
    private struct Reasons {
        struct Rhythm: Hashable {
            var idleDays: Int
            var usualGap: Double
            var isLost: Bool
        }
        var rhythm: [Rhythm: String] = [:]
        var model: [Double: String] = [:]
    }

    /// The standing of customer `index` (of the order given).
    private func standing(at index: Int, reasons: inout Reasons) -> CustomerStanding {
        let summary = summaries[index]
        let person = people.isEmpty ? Person() : people[index]
        let facts = facts(of: index)
        let alive = aliveProbabilities.isEmpty ? nil : aliveProbabilities[index]
        var reason = ""
        if let idleDays = facts.idleDays {
            switch lostRule {
            case .rhythm:
                let key = Reasons.Rhythm(idleDays: idleDays, usualGap: facts.usualGap, isLost: facts.isLost)
                reason =
                    reasons.rhythm[key]
                    ?? {
                        let reason = Self.reason(
                            idleDays: idleDays, usualGap: facts.usualGap, facts.isLost, lostAfter: rules.lostAfter)
                        reasons.rhythm[key] = reason
                        return reason
                    }()
            case .model(let fit, let threshold):
                let probability = alive ?? 1
                reason =
                    reasons.model[probability]
                    ?? {
                        let reason = Self.aliveReason(
                            probability, isLost: facts.isLost, threshold: threshold, model: fit.model)
                        reasons.model[probability] = reason
                        return reason
                    }()
            }
        }
        return CustomerStanding(
            id: ids[index], category: facts.category, rung: facts.rung, purchaseDays: summary.purchaseDays,
            idleDays: facts.idleDays, ownGap: summary.ownGap, recommendAnswer: person.recommendAnswer,
            isLost: facts.isLost, reason: reason, frequencyRecency: summary.frequencyRecency(asOf: asOf),
            aliveProbability: alive)
    }

    /// Whether customer `index` (of the order given) is lost, and their purchase days.
    func lostAndPurchaseDays(of index: Int) -> (isLost: Bool, purchaseDays: Int) {
        (facts(of: index).isLost, summaries[index].purchaseDays)
    }

    /// Each customer's probability of being alive under `fit`; customers with the same
    /// frequency, recency and age share one computation.
    private static func aliveProbabilities(of summaries: [PurchaseSummary], asOf: Int, fit: ModelFit) -> [Double?] {
        var known: [FrequencyRecency: Double] = [:]
        return summaries.map { summary in
            guard let frequencyRecency = summary.frequencyRecency(asOf: asOf) else { return nil }
            if let probability = known[frequencyRecency] { return probability }
            let probability = fit.aliveProbability(frequencyRecency)
            known[frequencyRecency] = probability
            return probability
        }
    }

    /// The index of `category` in `CustomerCategory.allCases`, without hashing or comparing its
    /// raw value, a string.
    private static func index(of category: CustomerCategory) -> Int {
        switch category {
        case .potential: 0
        case .referral: 1
        case .prospect: 2
        case .lost: 3
        case .oneTimeBuyer: 4
        case .fan: 5
        case .client: 6
        }
    }

    /// The index of `rung` in `LadderRung.allCases`.
    private static func index(of rung: LadderRung) -> Int {
        switch rung {
        case .prospect: 0
        case .tester: 1
        case .buyer: 2
        case .account: 3
        case .patron: 4
        case .sponsor: 5
        }
    }

    /// Customer `index`'s category, rung and the lost rule's figures.
    private func facts(
        of index: Int
    ) -> (category: CustomerCategory, rung: LadderRung?, isLost: Bool, idleDays: Int?, usualGap: Double) {
        Self.classify(
            summaries[index], people.isEmpty ? Person() : people[index],
            alive: aliveProbabilities.isEmpty ? nil : aliveProbabilities[index], asOf: asOf,
            populationGap: populationGap, rules: rules, lostRule: lostRule)
    }

    /// A customer's category, rung and the lost rule's figures; `alive` is their probability of
    /// being alive under the model of `lostRule`.
    private static func classify(
        _ summary: PurchaseSummary, _ person: Person, alive: Double?, asOf: Int, populationGap: Double?,
        rules: RelationshipRules, lostRule: LostRule
    ) -> (category: CustomerCategory, rung: LadderRung?, isLost: Bool, idleDays: Int?, usualGap: Double) {
        let idleDays = summary.lastDay.map { asOf - $0 }
        // A one-time buyer has no gap of their own; with nobody else's either, a day stands in.
        let usualGap = max(summary.ownGap ?? populationGap ?? 1, populationGap ?? 0)
        let isLost: Bool
        switch lostRule {
        case .rhythm: isLost = idleDays.map { Double($0) > rules.lostAfter * usualGap } ?? false
        case .model(_, let threshold): isLost = alive.map { $0 < threshold } ?? false
        }
        let days = summary.purchaseDays
        let category: CustomerCategory =
            switch (days, isLost) {
            case (0, _): person.referred ? .referral : person.contacted ? .prospect : .potential
            case (_, true): .lost
            case (1, false): .oneTimeBuyer
            case (let count, false): count >= rules.fanPurchaseDays ? .fan : .client
            }
        return (category, rung(purchaseDays: days, person, rules: rules), isLost, idleDays, usualGap)
    }

    /// The lost rule in words, such as "usually every 30 days; idle 61 days > 2 × 30".
    private static func reason(idleDays: Int, usualGap: Double, _ isLost: Bool, lostAfter: Double) -> String {
        let k = NumberFormatting.plain(lostAfter)
        let gap = NumberFormatting.plain(usualGap, maximumFractionDigits: 1)
        let every = gap == "1" ? "every day" : "every \(gap) days"
        let idle = idleDays == 1 ? "1 day" : "\(idleDays) days"
        return "usually \(every); idle \(idle) \(isLost ? ">" : "≤") \(k) × \(gap)"
    }

    /// The model rule in words, such as "P(alive) 0.31 < 0.5 (BG/NBD)".
    ///
    /// The probability has two decimals, or as many more (up to six) as it takes not to read
    /// like the threshold when it is just below or above it: "P(alive) 0.497 < 0.5". Closer
    /// still, a probability below the threshold is rounded down, so that it never reads as
    /// equal: "P(alive) 0.499999 < 0.5".
    static func aliveReason(_ probability: Double, isLost: Bool, threshold: Double, model: PurchaseModel) -> String {
        let limit = NumberFormatting.plain(threshold)
        var digits = 2
        var shown = NumberFormatting.plain(probability, maximumFractionDigits: digits)
        while shown == limit, probability != threshold, digits < 6 {
            digits += 1
            shown = NumberFormatting.plain(probability, maximumFractionDigits: digits)
        }
        if shown == limit, probability < threshold {
            shown = NumberFormatting.plain((probability * 1e6).rounded(.down) / 1e6, maximumFractionDigits: 6)
        }
        return "P(alive) \(shown) \(isLost ? "<" : "≥") \(limit) (\(model.name))"
    }

    /// The highest rung whose condition holds.
    private static func rung(purchaseDays: Int, _ person: Person, rules: RelationshipRules) -> LadderRung? {
        if purchaseDays >= 2, person.isSponsor { return .sponsor }
        if purchaseDays >= rules.fanPurchaseDays { return person.isPromoter ? .patron : .account }
        if purchaseDays >= 2 { return .buyer }
        if purchaseDays == 1 { return .tester }
        return person.contacted ? .prospect : nil
    }
}
