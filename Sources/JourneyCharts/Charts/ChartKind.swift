/// The charts `journey render` draws.
public enum ChartKind: String, Hashable, Sendable, CaseIterable {
    /// The emotion curve: how the customer feels at each touchpoint, stage by stage.
    case journey
    /// One bar per stage, proportional to its reach, with conversion and targets.
    case funnel
    /// Both, under one title, in one SVG.
    case dashboard
}
