/// The word that starts a statement.
public enum Keyword: String, Hashable, Sendable, CaseIterable {
    case journey, scale, state, persona, channel
    case customers, recommend, fan, lost
    case stage, reach, target, owner, event, rung
    case touchpoint, pain, idea, thought
}

extension Keyword {
    /// The statements of a `customers` block, which belong to the `customers` line above them.
    static let customersItems: Set<Keyword> = [.recommend, .fan, .lost]
}

/// An option that may follow a touchpoint's score, each at most once.
public enum TouchpointOption: String, Hashable, Sendable, CaseIterable {
    case via, measured
    case `for`
    case engagement
}

/// An option that may follow a channel's media and description.
public enum ChannelOption: String, Hashable, Sendable, CaseIterable {
    /// `vcp LEVEL`: where the relationship with the partner stands, in our view.
    case vcp
    /// `theirs LEVEL`, after `vcp LEVEL`: where it stands in the partner's view.
    case theirs
}
