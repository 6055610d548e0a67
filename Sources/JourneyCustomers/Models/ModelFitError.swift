/// Why a purchase model could not be fitted, with a message for the user and a hint.
public enum ModelFitError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nobody had bought by the as-of date.
    case noCustomers
    /// One customer alone: four parameters of a population cannot come from one person.
    case singleCustomer
    /// Every purchase is on one day: nobody bought again, and no time passed for anyone to leave.
    case allOnOneDay
    /// Nobody bought on two different days, so nothing tells how often customers buy.
    case noRepeatBuyer(customers: Int)
    /// The likelihood keeps rising as a parameter runs off to 0 or to infinity: the data cannot
    /// pin the model down.
    case unbounded(PurchaseModel, parameter: String, towardZero: Bool)
    /// The optimiser stopped with the gradient still above `ModelFit.gradientTolerance`.
    case notConverged(PurchaseModel, iterations: Int, gradient: Double)

    /// The message to show: what is wrong with the data, for the model.
    public var description: String {
        switch self {
        case .noCustomers:
            "no customer had bought by the as-of date: there is nothing to fit a model to"
        case .singleCustomer:
            "a model of a customer base needs more than one customer, and only one had bought by the as-of date"
        case .allOnOneDay:
            "every purchase by the as-of date is on the same day: nobody has bought again yet, "
                + "so nothing tells how often customers buy or when they leave"
        case .noRepeatBuyer(let customers):
            "none of the \(customers) customers bought on two different days by the as-of date: "
                + "without repeat purchases, nothing tells how often customers buy or when they leave"
        case .unbounded(let model, let parameter, let towardZero):
            "the \(model.name) fit does not settle: its likelihood keeps rising as \(parameter) "
                + (towardZero ? "falls toward 0" : "grows without bound")
        case .notConverged(let model, let iterations, let gradient):
            "the \(model.name) fit did not converge: after \(iterations) iterations its gradient is "
                + "\(ScientificNotation.text(gradient, digits: 1)), above the tolerance "
                + ScientificNotation.text(ModelFit.gradientTolerance, digits: 0)
        }
    }

    /// What to do about it.
    public var help: String {
        switch self {
        case .noCustomers: "give an as-of date on or after the first purchase"
        case .singleCustomer, .allOnOneDay, .noRepeatBuyer:
            "fit the model once the log holds repeat purchases of many customers; the rhythm rule needs no fit"
        case .unbounded, .notConverged:
            "the log is too small or too regular for this model: try the other model, or the rhythm rule"
        }
    }
}
