import Foundation

extension PurchaseModel {
    /// The log-likelihood of the customers in `groups` under `parameters`, summed over the
    /// customers, with its gradient in the logarithms of r, alpha, a and b (in that order).
    ///
    /// With x repeat purchases, recency t, age T and m the purchases after which the customer
    /// could have left (`dropoutChances`), one customer's likelihood is, for both models
    /// (BG/NBD: Fader, Hardie and Lee 2005, eq. 6; MBG/NBD: Batislam, Denizel and Filiztekin
    /// 2007, eq. 4):
    ///
    ///     Γ(r + x) α^r / Γ(r) · B(a, b + m) / B(a, b) · [ (α + T)^−(r+x) + δ(m > 0) a / (b + m − 1) · (α + t)^−(r+x) ]
    ///
    /// The first bracketed term is the customer still alive at T, the second the customer who
    /// left right after their last purchase. The gamma and beta ratios are rising factorials
    /// (`RisingFactorialLogs`), and the bracket is added in logarithms, so that neither term
    /// underflows for a frequent buyer.
    func logLikelihood(of groups: SummaryGroups, _ parameters: ModelParameters) -> (
        value: Double, gradient: SIMD4<Double>
    ) {
        let (r, alpha, a, b) = (parameters.r, parameters.alpha, parameters.a, parameters.b)
        let highestChance = dropoutChances(frequency: max(groups.highestFrequency, 0))
        let rates = RisingFactorialLogs(r, through: max(groups.highestFrequency, 0))
        let stays = RisingFactorialLogs(b, through: highestChance)
        let chances = RisingFactorialLogs(a + b, through: highestChance)
        let logAlpha = log(alpha)
        let logA = log(a)

        // The terms of one frequency alone, once per frequency: Γ(r + x) α^r / Γ(r) and the beta ratio.
        var value = 0.0
        var gradient = SIMD4<Double>(0, 0, 0, 0)
        for (frequency, customers) in groups.customersByFrequency.enumerated() where customers > 0 {
            let weight = Double(customers)
            let m = dropoutChances(frequency: frequency)
            let rateTerm: Double = rates.logarithms[frequency] + r * logAlpha
            let stayTerm: Double = stays.logarithms[m] - chances.logarithms[m]
            value += weight * (rateTerm + stayTerm)
            let byRate: Double = rates.derivatives[frequency] + logAlpha
            let byB: Double = stays.derivatives[m] - chances.derivatives[m]
            gradient += weight * SIMD4(byRate, r / alpha, -chances.derivatives[m], byB)
        }

        // The bracket, once per distinct summary; ln(α + T) and ln(α + t) once per distinct value.
        let logAges = groups.ages.map { log(alpha + $0) }
        let logRecencies = groups.recencies.map { log(alpha + $0) }
        let inverseAges = groups.ages.map { 1 / (alpha + $0) }
        let inverseRecencies = groups.recencies.map { 1 / (alpha + $0) }
        let logLeaveOdds = (0...highestChance).map { m in m == 0 ? 0 : logA - log(b + Double(m - 1)) }
        for index in groups.summaries.indices {
            let frequency = groups.summaries[index].frequency
            let weight = Double(groups.counts[index])
            let shape = r + Double(frequency)
            let logAge = logAges[groups.ageIndex[index]]
            let inverseAge = inverseAges[groups.ageIndex[index]]
            let m = dropoutChances(frequency: frequency)
            guard m > 0 else {
                value -= weight * shape * logAge
                gradient -= weight * SIMD4(logAge, shape * inverseAge, 0, 0)
                continue
            }
            let logRecency = logRecencies[groups.recencyIndex[index]]
            let inverseRecency = inverseRecencies[groups.recencyIndex[index]]
            let alive = -shape * logAge
            let left = logLeaveOdds[m] - shape * logRecency
            // ln(e^alive + e^left) and the share w of the second term, without overflow.
            let difference = left - alive
            let smaller = exp(-abs(difference))
            let logSum = max(alive, left) + log1p(smaller)
            let leftShare = difference > 0 ? 1 / (1 + smaller) : smaller / (1 + smaller)
            let aliveShare = 1 - leftShare
            let byRate: Double = -(aliveShare * logAge + leftShare * logRecency)
            let byAlpha: Double = -shape * (aliveShare * inverseAge + leftShare * inverseRecency)
            let byB: Double = -leftShare / (b + Double(m - 1))
            value += weight * logSum
            gradient += weight * SIMD4(byRate, byAlpha, leftShare / a, byB)
        }
        // From the derivatives in r, α, a, b to those in their logarithms.
        return (value, gradient * parameters.vector)
    }
}
