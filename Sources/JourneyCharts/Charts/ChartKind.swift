/// The charts `journey render` draws.
public enum ChartKind: String, Hashable, Sendable, CaseIterable {
    /// The emotion curve: how the customer feels at each touchpoint, stage by stage.
    case journey
    /// One bar per stage, proportional to its reach, with conversion and targets.
    case funnel
    /// Both, under one title, in one SVG; and the ladder below them when its figures are given.
    case dashboard
    /// One bar per rung of the relationship ladder, from the customers of a purchase log, with
    /// the conversion between rungs and the lost share of each; it needs `LadderFigures`, not a journey.
    case ladder

    /// The charts drawn from a journey alone, without a purchase log.
    public static let journeyCharts: [ChartKind] = [.journey, .funnel, .dashboard]

    /// The chart's name in titles, such as `Emotion curve`.
    var title: String {
        switch self {
        case .journey: "Emotion curve"
        case .funnel: "Funnel"
        case .dashboard: "Dashboard"
        case .ladder: "Relationship ladder"
        }
    }
}
