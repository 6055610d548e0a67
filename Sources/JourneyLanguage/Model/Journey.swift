/// A customer journey: the funnel stages a customer goes through, and how they feel at
/// each touchpoint along the way.
public struct Journey: Hashable, Sendable {
    /// The journey's title, from the `journey` statement.
    public var name: String
    /// The range touchpoint scores must lie in.
    public var scale: ScoreScale
    /// Whether the journey describes how things are or how they should be.
    public var state: JourneyState
    /// The personas, in file order.
    public var personas: [Persona]
    /// The channels, in file order.
    public var channels: [Channel]
    /// The rules of `journey customers` from the `customers` block; nil when the file has none.
    public var customers: RelationshipRules?
    /// The funnel stages, in file order, which is funnel order.
    public var stages: [Stage]

    public init(
        name: String,
        scale: ScoreScale = .standard,
        state: JourneyState = .current,
        personas: [Persona] = [],
        channels: [Channel] = [],
        customers: RelationshipRules? = nil,
        stages: [Stage] = []
    ) {
        self.name = name
        self.scale = scale
        self.state = state
        self.personas = personas
        self.channels = channels
        self.customers = customers
        self.stages = stages
    }

    /// The most stages an event log can measure, from the first: a customer's furthest stage
    /// is kept in one byte per customer, and 255 stages are far more than a funnel has.
    public static let maximumEventStages = 255

    /// How many stages, from the first, an event log measures: those before the first stage
    /// written `rung LEVEL` (the ladder, measured from purchases), or all of them.
    public var eventStageCount: Int {
        stages.firstIndex { $0.rung != nil } ?? stages.count
    }

    /// The channel declared with `id`, if any.
    public func channel(withID id: String) -> Channel? {
        channels.first { $0.id == id }
    }

    /// The persona declared with `id`, if any.
    public func persona(withID id: String) -> Persona? {
        personas.first { $0.id == id }
    }

    /// Every touchpoint of every stage, in file order.
    public var touchpoints: [Touchpoint] {
        stages.flatMap(\.touchpoints)
    }
}
