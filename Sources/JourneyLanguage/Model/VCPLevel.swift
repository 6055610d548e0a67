/// How far a relationship with a partner has grown, in the visibility–credibility–profitability
/// (VCP) model: each level needs the one below it.
///
/// The cases are ordered from the weakest relationship to the strongest.
public enum VCPLevel: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Each side knows who the other is and what they do.
    case visibility
    /// Each side trusts the other: they have seen each other deliver.
    case credibility
    /// The relationship brings business both ways: they refer customers to each other.
    case profitability

    public static func < (lhs: VCPLevel, rhs: VCPLevel) -> Bool {
        lhs.rank < rhs.rank
    }

    /// The level's place in the model, from 0 for `visibility`.
    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
