/// How `CustomerBase` decides that a buyer has stopped buying.
public enum LostRule: Hashable, Sendable {
    /// Idle for more than `RelationshipRules.lostAfter` times the larger of the customer's own
    /// median gap between purchase days and the population's: the customer's own rhythm.
    case rhythm
    /// The probability that the customer is still alive, under a purchase model fitted in days,
    /// below `aliveBelow` (from 0 to 1).
    case model(ModelFit, aliveBelow: Double)

    /// The fitted model, or nil for the rhythm rule.
    public var fit: ModelFit? {
        guard case .model(let fit, _) = self else { return nil }
        return fit
    }
}
