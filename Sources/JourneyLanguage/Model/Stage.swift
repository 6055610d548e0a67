/// A stage of the acquisition funnel, such as awareness or purchase, from a `stage` statement.
public struct Stage: Hashable, Sendable {
    /// The stage's name, unique in its journey.
    public var name: String
    /// The number of people who entered the stage, from `reach`.
    public var reach: Int?
    /// The expected conversion from this stage to the next, from 0 to 1, from `target`.
    public var target: Double?
    /// Who in the company is responsible for the stage, from `owner`.
    public var owner: String?
    /// The event-log names that mark a customer reaching the stage, from `event`.
    public var events: [String]
    /// The rung of the relationship ladder the stage stands for, from `rung`: its reach is then
    /// the number of customers at that rung or higher, as `journey customers` counts them.
    public var rung: LadderRung?
    /// The touchpoints of the stage, in file order.
    public var touchpoints: [Touchpoint]
    /// Where the `stage` statement is.
    public var location: SourceLocation
    /// Where the `reach` count is written, if there is one.
    public var reachRange: SourceRange?
    /// Where the `target` percentage is written, if there is one.
    public var targetRange: SourceRange?
    /// Where the `rung` level is written, if there is one.
    public var rungRange: SourceRange?
    /// Where each of `events` is written, in the same order; empty for a stage not read from a
    /// journey file.
    public var eventRanges: [SourceRange] = []

    public init(
        name: String,
        reach: Int? = nil,
        target: Double? = nil,
        owner: String? = nil,
        events: [String] = [],
        rung: LadderRung? = nil,
        touchpoints: [Touchpoint] = [],
        location: SourceLocation,
        reachRange: SourceRange? = nil,
        targetRange: SourceRange? = nil,
        rungRange: SourceRange? = nil
    ) {
        self.name = name
        self.reach = reach
        self.target = target
        self.owner = owner
        self.events = events
        self.rung = rung
        self.touchpoints = touchpoints
        self.location = location
        self.reachRange = reachRange
        self.targetRange = targetRange
        self.rungRange = rungRange
    }
}
