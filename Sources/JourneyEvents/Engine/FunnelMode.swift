/// How the events of a customer must follow each other to reach a funnel stage.
///
/// See docs/funnels.md for the exact rules and what ClickHouse's `windowFunnel` does.
public enum FunnelMode: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Stages 1..k in order, each at or after the previous one, all within the window counted
    /// from the stage-1 event that starts the chain: ClickHouse's `windowFunnel(window)`.
    case ordered
    /// As `ordered`, but an event that jumps ahead of the stages reached so far ends the
    /// customer's funnel: ClickHouse's `windowFunnel(window, 'strict_order')`.
    case strict
    /// Stages 1..k in any order, all within one window (the latest no more than the window
    /// after the earliest). ClickHouse has no such mode.
    case any

    /// The name written on the command line: `ordered`, `strict` or `any`.
    public var description: String { rawValue }
}
