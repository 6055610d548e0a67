import JourneyLanguage

/// What a funnel computed from an event log gives: customers per level, reach per stage, and the time to convert between stages.
///
/// Levels and stages are counted from 1 in the text and from 0 in the arrays: a customer's
/// level k (0...stageCount) is the furthest stage they reached; `reach[k - 1]` is R_k, the
/// customers whose level is at least k; `conversionTimes[k - 1]` is the time from stage k to
/// stage k + 1. See docs/funnels.md.
public struct FunnelResult: Hashable, Sendable {
    /// The number of stages of the funnel.
    public var stageCount: Int
    /// How the stages had to follow each other.
    public var mode: FunnelMode
    /// The conversion window.
    public var window: ConversionWindow
    /// Every customer of the log (`EventLog.customers.count`), whether or not they have a funnel event.
    public var customers: Int
    /// The customers with at least one funnel event.
    public var customersWithEvents: Int
    /// The funnel events read (`EventLog.eventCount`).
    public var events: Int
    /// The number of customers at each level, from level 0 to level `stageCount`.
    ///
    /// `customersPerLevel[k]`: the customers whose level is exactly k, for k in 0...stageCount.
    /// Level 0 holds the customers who never reached stage 1 (only later stages, or no funnel
    /// event at all); the counts add up to `customers`.
    public var customersPerLevel: [Int]
    /// `reach[k - 1]` = R_k: the customers whose level is k or more, for k in 1...stageCount;
    /// never increasing from one stage to the next.
    public var reach: [Int]
    /// `conversionTimes[k - 1]`: from stage k to stage k + 1, for k in 1..<stageCount, measured on
    /// the path of each customer who reached stage k + 1 (so `count` is R_(k+1)).
    public var conversionTimes: [ConversionTimeStatistics]
    /// Each customer's level, indexed like `EventLog.customers`.
    public var customerLevels: [UInt8]
    /// The earliest funnel event, in milliseconds since 1970 (nil without funnel events).
    public var firstEventTime: Int64?
    /// The latest funnel event, in milliseconds since 1970 (nil without funnel events).
    public var lastEventTime: Int64?

    public init(
        stageCount: Int, mode: FunnelMode, window: ConversionWindow, customers: Int,
        customersWithEvents: Int, events: Int, customersPerLevel: [Int], reach: [Int],
        conversionTimes: [ConversionTimeStatistics], customerLevels: [UInt8],
        firstEventTime: Int64? = nil, lastEventTime: Int64? = nil
    ) {
        self.stageCount = stageCount
        self.mode = mode
        self.window = window
        self.customers = customers
        self.customersWithEvents = customersWithEvents
        self.events = events
        self.customersPerLevel = customersPerLevel
        self.reach = reach
        self.conversionTimes = conversionTimes
        self.customerLevels = customerLevels
        self.firstEventTime = firstEventTime
        self.lastEventTime = lastEventTime
    }

    /// `journey` with each stage's reach replaced by R_k, so that `FunnelMetrics(journey:)`
    /// computes conversion, drop-off and the weakest stage from the event log.
    ///
    /// The journey's first `stageCount` stages are the funnel's, in the order the funnel events
    /// number them; the stages after them (the ladder's rung stages) keep the reach they have.
    /// A measured reach no longer comes from the source, so its source range is cleared.
    public func applyingReach(to journey: Journey) -> Journey {
        precondition(
            journey.stages.count >= stageCount,
            "the journey has \(journey.stages.count) stages, the funnel \(stageCount)")
        var journey = journey
        for index in 0..<stageCount {
            journey.stages[index].reach = reach[index]
            journey.stages[index].reachRange = nil  // the count no longer comes from the source
        }
        return journey
    }
}
