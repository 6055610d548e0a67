/// The relationship ladder, from first contact to advocate: a customer stands on the highest
/// rung whose condition holds.
///
/// Rungs are not taken away when a customer is lost: lost is a separate, current flag.
public enum LadderRung: String, CaseIterable, Comparable, Hashable, Sendable {
    /// Contacted, no purchase.
    case prospect
    /// One purchase day.
    case tester
    /// Two or more purchase days.
    case buyer
    /// At least the fan threshold of purchase days.
    case account
    /// An account whose latest answer to the recommend question is a promoter's.
    case patron
    /// Two or more purchase days, and at least one person referred by them.
    case sponsor

    public static func < (lhs: LadderRung, rhs: LadderRung) -> Bool {
        lhs.height < rhs.height
    }

    /// The rung's place on the ladder, from 0 for `prospect`.
    private var height: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
