import Foundation

/// The four parameters of a purchase model, in the time unit of the data it was fitted to.
public struct ModelParameters: Hashable, Sendable {
    /// The shape of the gamma distribution of purchase rates across customers.
    public var r: Double
    /// The rate (inverse scale) of the gamma distribution of purchase rates, in the data's time
    /// unit: the customers' mean purchase rate while alive is r / alpha purchases a unit.
    public var alpha: Double
    /// The first shape of the beta distribution of the chance of leaving after a purchase.
    public var a: Double
    /// The second shape of that beta distribution: the mean chance of leaving is a / (a + b).
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// The parameters whose logarithms are `logarithms`, in the order r, alpha, a, b.
    init(logarithms: SIMD4<Double>) {
        self.init(r: exp(logarithms[0]), alpha: exp(logarithms[1]), a: exp(logarithms[2]), b: exp(logarithms[3]))
    }

    /// The parameters in the order r, alpha, a, b.
    var vector: SIMD4<Double> { SIMD4(r, alpha, a, b) }
}
