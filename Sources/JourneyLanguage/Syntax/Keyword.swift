/// The word that starts a statement.
public enum Keyword: String, Hashable, Sendable, CaseIterable {
    case journey, scale, state, persona, channel
    case stage, reach, target, owner, event
    case touchpoint, pain, idea, thought
}

/// An option that may follow a touchpoint's score, each at most once.
public enum TouchpointOption: String, Hashable, Sendable, CaseIterable {
    case via, measured
    case `for`
    case engagement
}
