import JourneyLanguage

/// Where a funnel's reach comes from: the journey file's plan, or an event log; charts and the
/// report say which, so that a reader knows what the figures rest on.
public enum ReachSource: Hashable, Sendable {
    /// The reach written in the journey file: a plan or an estimate.
    case planned
    /// The reach measured from an event log with `journey funnel`'s options.
    case measured(Log)

    /// An event log the reach was measured from, as a reader needs to know it.
    public struct Log: Hashable, Sendable {
        /// The log's file name (its last path component), or `standard input`.
        public var name: String
        /// The conversion window, as written on the command line (`14d`).
        public var window: String
        /// The mode: `ordered`, `strict` or `any`.
        public var mode: String
        /// The days of the first and last funnel events, `YYYY-MM-DD` (UTC); nil without events.
        public var firstDay: String?
        public var lastDay: String?
        /// The customers of the log.
        public var customers: Int

        public init(name: String, window: String, mode: String, firstDay: String?, lastDay: String?, customers: Int) {
            self.name = name
            self.window = window
            self.mode = mode
            self.firstDay = firstDay
            self.lastDay = lastDay
            self.customers = customers
        }
    }

    /// One line for a chart or a report: `Reach measured from events.csv: 2,000 customers,
    /// events from 2026-01-01 to 2026-02-10, ordered mode, 14d window`, or `Reach as planned in
    /// the journey file`.
    public var description: String {
        switch self {
        case .planned:
            return "Reach as planned in the journey file"
        case .measured(let log):
            var parts = ["\(NumberFormatting.grouped(log.customers)) customer\(log.customers == 1 ? "" : "s")"]
            if let first = log.firstDay, let last = log.lastDay {
                parts.append(first == last ? "events on \(first)" : "events from \(first) to \(last)")
            } else {
                parts.append("no funnel event")
            }
            parts.append("\(log.mode) mode, \(log.window) window")
            return "Reach measured from \(log.name): " + parts.joined(separator: ", ")
        }
    }
}
