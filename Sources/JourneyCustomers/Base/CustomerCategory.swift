/// Where a person stands with the company today: one category each, the first that holds in
/// this order.
public enum CustomerCategory: String, CaseIterable, Hashable, Sendable {
    /// Never contacted, never bought.
    case potential
    /// Recommended by an existing customer, never bought.
    case referral
    /// Contacted (received marketing material), never bought.
    case prospect
    /// A buyer who stopped: idle for longer than the lost rule allows.
    case lost
    /// Exactly one purchase day: not a real client until the second purchase.
    case oneTimeBuyer = "one-time buyer"
    /// At least the fan threshold of purchase days, and not lost.
    case fan
    /// Everyone else who bought: two or more purchase days, not lost.
    case client
}
