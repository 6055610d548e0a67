/// The funnel events read from an event log, with what was left out.
public struct EventLog: Sendable {
    /// The customer ids, in order of first appearance; `FunnelEvent.customer` indexes them.
    public var customers: PackedStrings
    /// The events that belong to a stage, in file order (not necessarily time order); empty
    /// when they were spilled to temporary files (`spilledEvents`).
    ///
    /// Reading this joins `eventRuns` into one array when there are several (a file read on two
    /// threads), a copy of every event (one run that is a whole array is that array, no copy);
    /// setting it makes it the only run.
    public var events: [FunnelEvent] {
        get { eventRuns.count == 1 ? Array(eventRuns[0]) : Array(eventRuns.joined()) }
        set { eventRuns = [newValue[...]] }
    }
    /// The events, as one or more consecutive runs.
    ///
    /// Each reading thread's events stay where that thread wrote them instead of being copied
    /// together (on the shared benchmark's 10 M events, 80 MB and 0.1 s on one core); a
    /// thread that read several pieces of the file has a run for each, slices of the same
    /// array. The engine reads them as they are (`EventRuns`).
    public var eventRuns: [ArraySlice<FunnelEvent>]
    /// The events, when they are kept in temporary files instead of `events`.
    ///
    /// See `SpilledEvents`. `eventCount` counts them either way.
    public var spilledEvents: SpilledEvents?
    /// Rows whose event belongs to no stage.
    public var ignoredEvents: Int
    /// The rows of each event name: the journey's (0 for those that never occur) and the others.
    public var eventNames = EventNameCounts()
    /// Malformed rows skipped with `--skip-bad-rows`.
    public var skippedRows: Int
    /// Every row read, the header excluded.
    public var rows: Int

    public init(
        customers: PackedStrings = [], events: [FunnelEvent] = [], spilledEvents: SpilledEvents? = nil,
        ignoredEvents: Int = 0, skippedRows: Int = 0, rows: Int = 0
    ) {
        self.customers = customers
        self.eventRuns = [events[...]]
        self.spilledEvents = spilledEvents
        self.ignoredEvents = ignoredEvents
        self.skippedRows = skippedRows
        self.rows = rows
    }
}
