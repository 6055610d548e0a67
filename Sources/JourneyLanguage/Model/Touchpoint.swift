/// A moment where the customer meets the company, with how they feel there.
public struct Touchpoint: Hashable, Sendable {
    /// What happens, in the customer's words or the designer's.
    public var name: String
    /// How the customer feels, on the journey's scale: below zero a pain point, above it a high.
    public var score: Double
    /// The id of the channel it happens on, from `via`.
    public var channel: String?
    /// Whether the company measures it, from `measured`.
    public var isMeasured: Bool
    /// The name of the metric that measures it, from `measured TEXT`.
    public var metric: String?
    /// The ids of the personas it concerns, from `for`; empty means every persona.
    public var personas: [String]
    /// How deeply it engages the customer, from `engagement`.
    public var engagement: EngagementLevel?
    /// What hurts, from `pain` lines.
    public var pains: [String]
    /// What could be done about it, from `idea` lines.
    public var ideas: [String]
    /// What the customer thinks at that moment, from `thought` lines.
    public var thoughts: [String]
    /// Where the `touchpoint` statement is.
    public var location: SourceLocation

    public init(
        name: String,
        score: Double,
        channel: String? = nil,
        isMeasured: Bool = false,
        metric: String? = nil,
        personas: [String] = [],
        engagement: EngagementLevel? = nil,
        pains: [String] = [],
        ideas: [String] = [],
        thoughts: [String] = [],
        location: SourceLocation
    ) {
        self.name = name
        self.score = score
        self.channel = channel
        self.isMeasured = isMeasured
        self.metric = metric
        self.personas = personas
        self.engagement = engagement
        self.pains = pains
        self.ideas = ideas
        self.thoughts = thoughts
        self.location = location
    }

    /// Whether the customer feels bad here: a score below zero.
    public var isPainPoint: Bool { score < 0 }
}
