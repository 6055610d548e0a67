/// How deeply a touchpoint engages the customer, from one-way promotion to co-creation.
///
/// The cases are ordered from the shallowest to the deepest relationship.
public enum EngagementLevel: String, Hashable, Sendable, CaseIterable, Comparable {
    case promotion
    case relationship
    case collaboration
    case community
    case coCreation = "co-creation"

    public static func < (lhs: EngagementLevel, rhs: EngagementLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
