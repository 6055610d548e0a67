/// A model of a customer base in which each customer buys at a steady rate of their own until,
/// unseen, they leave for good: the question it answers is who is still alive.
///
/// Both models draw each customer's purchase rate λ from a gamma distribution (shape r, rate α)
/// and their chance p of leaving after a purchase from a beta distribution (a, b). They differ
/// only in when a customer may leave:
///
/// - BG/NBD (Fader, Hardie and Lee 2005, "Counting your customers the easy way") lets a
///   customer leave right after each *repeat* purchase, so a customer who bought once has never
///   had the chance: their P(alive) is 1 however long they have been gone.
/// - MBG/NBD (Batislam, Denizel and Filiztekin 2007, "Empirical validation and comparison of
///   models for customer base analysis") lets them leave after *every* purchase, the first one
///   included, so a one-time buyer who stays away long enough is probably lost.
public enum PurchaseModel: String, CaseIterable, Hashable, Sendable {
    case bgnbd
    case mbgnbd

    /// The model's name as the literature writes it: `BG/NBD`, `MBG/NBD`.
    public var name: String {
        switch self {
        case .bgnbd: "BG/NBD"
        case .mbgnbd: "MBG/NBD"
        }
    }

    /// The purchases after which a customer with `frequency` repeat purchases had a chance to
    /// leave: the repeat ones (BG/NBD), or all of them (MBG/NBD).
    func dropoutChances(frequency: Int) -> Int {
        switch self {
        case .bgnbd: frequency
        case .mbgnbd: frequency + 1
        }
    }
}
