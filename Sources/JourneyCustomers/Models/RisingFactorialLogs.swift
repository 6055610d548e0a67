import Foundation

/// ln Γ(s + n) − ln Γ(s) for n = 0, 1, 2, … up to a largest n, and its derivative in s.
///
/// The models' likelihoods take these differences only at whole n (a number of purchases), where
/// Γ(s + n) / Γ(s) is the rising factorial s (s + 1) ⋯ (s + n − 1): its logarithm is a running
/// sum of logarithms, exact to rounding, and the running sum of 1 / (s + k) is the derivative,
/// ψ(s + n) − ψ(s), that the gradient needs. So no log-gamma function is needed: Foundation's
/// `lgamma` would do for values (though glibc's writes the sign to the global `signgam`, a race
/// when two fits run at once), and swift-numerics' `Double.logGamma` avoids that race, but
/// neither has the digamma function, and every frequency at once costs one pass either way.
struct RisingFactorialLogs {
    /// `logarithms[n]` is Σ_{k<n} ln(s + k) = ln Γ(s + n) − ln Γ(s).
    var logarithms: [Double]
    /// `derivatives[n]` is Σ_{k<n} 1 / (s + k) = ψ(s + n) − ψ(s).
    var derivatives: [Double]

    /// The sums for `s` > 0 and every n from 0 through `largest`.
    init(_ s: Double, through largest: Int) {
        let count = max(largest, 0) + 1
        logarithms = [Double](repeating: 0, count: count)
        derivatives = [Double](repeating: 0, count: count)
        var logarithm = 0.0
        var derivative = 0.0
        for n in 1..<count {
            let term = s + Double(n - 1)
            logarithm += log(term)
            derivative += 1 / term
            logarithms[n] = logarithm
            derivatives[n] = derivative
        }
    }
}
