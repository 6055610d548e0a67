/// The tail of Gauss's hypergeometric series that the expected purchases need.
enum HypergeometricSeries {
    /// The most terms summed; the series shrinks by about a factor z a term, so this is reached
    /// only for z within about 10⁻³ of 1 (a horizon hundreds of times the customer's age).
    static let maximumTerms = 100_000

    /// c (₂F₁(p, q; c; z) − 1) / q, for 0 ≤ z < 1 and c > −1, summed term by term.
    ///
    /// Written this way, without dividing by c or q, the sum stays finite where c or q is near 0,
    /// both of which happen with fitted parameters (q = a − 1 with a near 1; c = a + b − 1 for a
    /// one-time buyer under BG/NBD). Its first term is p z; each next one is the previous times
    /// (p + n)(q + n) z / ((c + n)(n + 1)), as in the series of ₂F₁ itself.
    static func scaledTail(p: Double, q: Double, c: Double, z: Double) -> Double {
        var term = p * z
        var sum = term
        var n = 1.0
        for _ in 1..<maximumTerms {
            let ratio = (p + n) * (q + n) * z / ((c + n) * (n + 1))
            term *= ratio
            sum += term
            // Past the largest terms, the rest is below the last term's share of rounding.
            if abs(ratio) < 1, abs(term) <= 1e-17 * abs(sum) { break }
            n += 1
        }
        return sum
    }
}
