import Foundation

extension PurchaseModel {
    /// The probability, from 0 to 1, that a customer with `summary` is still alive at its as-of
    /// date: that they have not left for good.
    ///
    /// 1 / (1 + δ(m > 0) · a / (b + m − 1) · ((α + T) / (α + t))^(r + x)), with m the purchases
    /// after which they could have left: under BG/NBD a one-time buyer (m = 0) is alive for sure
    /// (Fader, Hardie and Lee 2008, "Computing P(alive) using the BG/NBD model"; Batislam,
    /// Denizel and Filiztekin 2007, eq. 5, for MBG/NBD).
    public func aliveProbability(_ summary: FrequencyRecency, _ parameters: ModelParameters) -> Double {
        let m = dropoutChances(frequency: summary.frequency)
        guard m > 0 else { return 1 }
        let logOdds =
            log(parameters.a) - log(parameters.b + Double(m - 1))
            + (parameters.r + Double(summary.frequency))
            * (log(parameters.alpha + summary.age) - log(parameters.alpha + summary.recency))
        return 1 / (1 + exp(logOdds))
    }

    /// The expected number of purchases (purchase days) of a customer with `summary` in the
    /// `horizon` after the as-of date, in the data's time unit.
    ///
    /// Fader, Hardie and Lee 2005, eq. 10, and its MBG/NBD form (Batislam, Denizel and
    /// Filiztekin 2007), with c = a + b + m − 1 and z = t / (α + T + t):
    ///
    ///     c / (a − 1) · [1 − ((α + T) / (α + T + t))^(r + x) ₂F₁(r + x, b + m; c; z)] · P(alive)
    ///
    /// Euler's transformation turns ((α + T)/(α + T + t))^(r + x) ₂F₁(r + x, b + m; c; z) into
    /// (1 − z)^(a − 1) ₂F₁(c − r − x, a − 1; c; z), whose terms stay small for a frequent buyer
    /// (the first series' terms grow like a power of x before they shrink), and the bracket is
    /// split so that a = 1 and c near 0 need no special case (`HypergeometricSeries`).
    public func expectedPurchases(
        _ summary: FrequencyRecency, _ parameters: ModelParameters, within horizon: Double
    ) -> Double {
        guard horizon > 0 else { return 0 }
        let (r, alpha, a, b) = (parameters.r, parameters.alpha, parameters.a, parameters.b)
        let x = Double(summary.frequency)
        let c = a + b + Double(dropoutChances(frequency: summary.frequency)) - 1
        let z = horizon / (alpha + summary.age + horizon)
        // ln(1 − z), accurately for a short horizon.
        let logRemaining = -log1p(horizon / (alpha + summary.age))
        let q = a - 1
        // (1 − (1 − z)^q) / q, which tends to −ln(1 − z) as q tends to 0.
        let firstPart = q == 0 ? -logRemaining : -expm1(q * logRemaining) / q
        let tail = HypergeometricSeries.scaledTail(p: c - r - x, q: q, c: c, z: z)
        let conditional = c * firstPart - exp(q * logRemaining) * tail
        return conditional * aliveProbability(summary, parameters)
    }

    /// The probability, from 0 to 1, that a customer with `summary` buys at least once in the
    /// `horizon` after the as-of date, in the data's time unit.
    ///
    /// A customer alive at T stays alive until their next purchase (they can leave only right
    /// after one), and their purchase rate given their history and alive is gamma with shape
    /// r + x and rate α + T, so: P(alive) · (1 − ((α + T) / (α + T + t))^(r + x)).
    public func purchaseProbability(
        _ summary: FrequencyRecency, _ parameters: ModelParameters, within horizon: Double
    ) -> Double {
        guard horizon > 0 else { return 0 }
        let logRemaining = -log1p(horizon / (parameters.alpha + summary.age))
        let none = (parameters.r + Double(summary.frequency)) * logRemaining
        return -expm1(none) * aliveProbability(summary, parameters)
    }
}
