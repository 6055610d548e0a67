/// One row of an event log that marks a customer reaching a funnel stage, packed small.
///
/// Rows whose event belongs to no stage are counted and dropped while reading, so an
/// event log in memory holds only what the funnel needs: 16 bytes a row.
public struct FunnelEvent: Hashable, Sendable {
    /// The customer, as an index into `EventLog.customers`.
    public var customer: Int32
    /// The funnel stage the event marks, from 0 in file order.
    public var stage: Int32
    /// When it happened, in milliseconds since 1970-01-01T00:00:00Z.
    public var time: Int64

    public init(customer: Int32, stage: Int32, time: Int64) {
        self.customer = customer
        self.stage = stage
        self.time = time
    }
}
