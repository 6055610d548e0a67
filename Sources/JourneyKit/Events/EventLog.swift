/// The funnel events read from an event log, with what was left out.
public struct EventLog: Sendable {
    /// The customer ids, in order of first appearance; `FunnelEvent.customer` indexes them.
    public var customers: [String]
    /// The events that belong to a stage, in file order (not necessarily time order).
    public var events: [FunnelEvent]
    /// Rows whose event belongs to no stage.
    public var ignoredEvents: Int
    /// Malformed rows skipped with `--skip-bad-rows`.
    public var skippedRows: Int
    /// Every row read, the header excluded.
    public var rows: Int

    public init(customers: [String] = [], events: [FunnelEvent] = [], ignoredEvents: Int = 0,
                skippedRows: Int = 0, rows: Int = 0) {
        self.customers = customers
        self.events = events
        self.ignoredEvents = ignoredEvents
        self.skippedRows = skippedRows
        self.rows = rows
    }
}
