import JourneyLanguage

/// Every customer's standing at one date, with the counts a marketer reads first.
///
/// The lost rule: a buyer is lost when the days since their last purchase day are more than
/// `lostAfter` times the larger of their own median gap and the population's median gap (the
/// median, over customers with two or more purchase days, of their own gaps). A one-time buyer's
/// own gap is the population's. The population's gap is a floor, so a burst of orders a few days
/// apart does not make a customer lost after a week.
public struct CustomerBase: Sendable {
    /// The day the standings hold at, in days since 1970-01-01; later purchases are ignored.
    public var asOf: Int
    public var rules: RelationshipRules
    /// The population's median gap between purchase days, in days; nil when no customer has
    /// two purchase days by the as-of date.
    public var populationGap: Double?
    /// One standing per customer, sorted by id.
    public var standings: [CustomerStanding]

    /// Classifies `histories` at `asOf`.
    ///
    /// A customer `referredBy` names counts toward that customer's `sponsor` rung.
    public init(histories: [CustomerHistory], asOf: Int, rules: RelationshipRules = RelationshipRules()) {
        self.asOf = asOf
        self.rules = rules
        let days = histories.map { $0.purchaseDays(through: asOf) }
        let populationGap = median(days.compactMap(medianGap))
        self.populationGap = populationGap
        let sponsors = Set(histories.compactMap(\.referredBy))
        standings = zip(histories, days)
            .map { history, days in
                Self.standing(
                    of: history, days: days, isSponsor: sponsors.contains(history.id), asOf: asOf,
                    populationGap: populationGap, rules: rules)
            }
            .sorted { $0.id < $1.id }
    }

    /// How many customers are in each category, in the categories' order.
    public var categoryCounts: [(category: CustomerCategory, count: Int)] {
        CustomerCategory.allCases.map { category in (category, standings.count { $0.category == category }) }
    }

    /// How many customers stand on each rung or higher, from the bottom (never rising), and how
    /// many of them are lost.
    public var customersAtOrAbove: [(rung: LadderRung, count: Int, lost: Int)] {
        LadderRung.allCases.map { rung in
            let standing = standings.filter { $0.rung.map { $0 >= rung } ?? false }
            return (rung, standing.count, standing.count(where: \.isLost))
        }
    }

    /// The detractors who are clients or fans, by id: the relationships worth a call before they
    /// are lost, since a lost client who speaks badly of the company costs more than the sale.
    public var customersAtRisk: [CustomerStanding] {
        standings.filter { standing in
            (standing.category == .client || standing.category == .fan)
                && standing.recommendAnswer.map(RecommendScore.isDetractor) ?? false
        }
    }

    /// The answers to the recommend question, one per customer (their latest by the as-of date).
    public var recommendScore: RecommendScore {
        RecommendScore(answers: standings.lazy.compactMap(\.recommendAnswer))
    }

    private static func standing(
        of history: CustomerHistory, days: ArraySlice<Int>, isSponsor: Bool, asOf: Int, populationGap: Double?,
        rules: RelationshipRules
    ) -> CustomerStanding {
        let ownGap = medianGap(days)
        let idleDays = days.last.map { asOf - $0 }
        var isLost = false
        var reason = ""
        if let idleDays {
            // A one-time buyer has no gap of their own; with nobody else's either, a day stands in.
            let usualGap = max(ownGap ?? populationGap ?? 1, populationGap ?? 0)
            let limit = rules.lostAfter * usualGap
            isLost = Double(idleDays) > limit
            let k = NumberFormatting.plain(rules.lostAfter)
            let gap = NumberFormatting.plain(usualGap, maximumFractionDigits: 1)
            let every = gap == "1" ? "every day" : "every \(gap) days"
            let idle = idleDays == 1 ? "1 day" : "\(idleDays) days"
            reason = "usually \(every); idle \(idle) \(isLost ? ">" : "≤") \(k) × \(gap)"
        }
        let category: CustomerCategory =
            switch (days.count, isLost) {
            case (0, _):
                history.referredBy != nil ? .referral : history.contacted ? .prospect : .potential
            case (_, true): .lost
            case (1, false): .oneTimeBuyer
            case (let count, false): count >= rules.fanPurchaseDays ? .fan : .client
            }
        return CustomerStanding(
            id: history.id, category: category,
            rung: rung(
                of: history, purchaseDays: days.count, isSponsor: isSponsor,
                rules: rules),
            purchaseDays: days.count, idleDays: idleDays, ownGap: ownGap, recommendAnswer: history.recommendAnswer,
            isLost: isLost, reason: reason)
    }

    /// The highest rung whose condition holds.
    private static func rung(
        of history: CustomerHistory, purchaseDays: Int, isSponsor: Bool, rules: RelationshipRules
    ) -> LadderRung? {
        if purchaseDays >= 2, isSponsor { return .sponsor }
        if purchaseDays >= rules.fanPurchaseDays { return history.isPromoter ? .patron : .account }
        if purchaseDays >= 2 { return .buyer }
        if purchaseDays == 1 { return .tester }
        return history.contacted ? .prospect : nil
    }
}
