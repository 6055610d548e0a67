import Foundation

/// A purchase model fitted by maximum likelihood to a customer base, with what it says of
/// each customer.
public struct ModelFit: Hashable, Sendable {
    public var model: PurchaseModel
    /// The parameters, in the time unit of the summaries fitted.
    public var parameters: ModelParameters
    /// The log-likelihood of all the customers at the parameters.
    public var logLikelihood: Double
    /// The customers fitted, and their distinct summaries (the terms of the likelihood).
    public var customers: Int
    public var distinctSummaries: Int
    /// The optimiser's iterations.
    public var iterations: Int
    /// The largest component of the gradient of the mean log-likelihood per customer with
    /// respect to the logarithms of the parameters, where the optimiser stopped: within
    /// `gradientTolerance`, or the fit would have failed.
    public var gradient: Double

    /// The stated tolerance of the fit: the largest component of the gradient of the mean
    /// log-likelihood per customer, with respect to the logarithms of r, alpha, a and b.
    ///
    /// At the optimum of the CDNOW fits this moves no parameter by more than about 10⁻⁸ of itself.
    public static let gradientTolerance = 1e-9

    /// How far a parameter's logarithm may move from its start.
    ///
    /// e¹⁵ is about 3.3 million times larger or smaller. A fit that goes further is running off toward a model of another shape
    /// (every customer buying at the same rate as r and alpha grow together; nobody ever leaving
    /// as a falls toward 0), which this data cannot tell from the model itself.
    static let largestMove = 15.0

    /// Fits `model` to `groups` by maximum likelihood.
    ///
    /// The optimiser is BFGS over the logarithms of the four parameters (so they stay positive)
    /// with the exact gradient, from r = a = b = 1 and alpha = the largest age (a purchase rate
    /// of once over the longest history). Throws for data that cannot identify the model, and
    /// when the optimiser stops short of the tolerance.
    public static func fit(_ model: PurchaseModel, to groups: SummaryGroups) throws(ModelFitError) -> ModelFit {
        guard groups.customers > 0 else { throw .noCustomers }
        guard groups.customers > 1 else { throw .singleCustomer }
        guard groups.highestFrequency > 0 else {
            throw groups.ages.count == 1 ? .allOnOneDay : .noRepeatBuyer(customers: groups.customers)
        }
        let customers = Double(groups.customers)
        let start = SIMD4<Double>(0, log(groups.ages.last!), 0, 0)
        let minimizer = BFGSMinimizer(gradientTolerance: gradientTolerance)
        let result = minimizer.minimize(from: start) { logarithms in
            // Past the bound by a margin, so that a fit running off is seen to reach it.
            guard BFGSMinimizer.largest(logarithms - start) <= largestMove + 1 else { return (.infinity, logarithms) }
            let (value, gradient) = model.logLikelihood(of: groups, ModelParameters(logarithms: logarithms))
            return (-value / customers, -gradient / customers)
        }
        let names = ["r", "alpha", "a", "b"]
        for index in 0..<4 where abs(result.point[index] - start[index]) > largestMove {
            throw .unbounded(model, parameter: names[index], towardZero: result.point[index] < start[index])
        }
        let gradient = BFGSMinimizer.largest(result.gradient)
        guard result.converged else {
            throw .notConverged(model, iterations: result.iterations, gradient: gradient)
        }
        return ModelFit(
            model: model, parameters: ModelParameters(logarithms: result.point),
            logLikelihood: -result.value * customers, customers: groups.customers,
            distinctSummaries: groups.count, iterations: result.iterations, gradient: gradient)
    }

    /// The probability, from 0 to 1, that a customer with `summary` is still alive.
    public func aliveProbability(_ summary: FrequencyRecency) -> Double {
        model.aliveProbability(summary, parameters)
    }

    /// The expected purchase days of a customer with `summary` in the `horizon` after the as-of date.
    public func expectedPurchases(_ summary: FrequencyRecency, within horizon: Double) -> Double {
        model.expectedPurchases(summary, parameters, within: horizon)
    }

    /// The probability, from 0 to 1, that a customer with `summary` buys in the `horizon` after
    /// the as-of date.
    public func purchaseProbability(_ summary: FrequencyRecency, within horizon: Double) -> Double {
        model.purchaseProbability(summary, parameters, within: horizon)
    }
}
