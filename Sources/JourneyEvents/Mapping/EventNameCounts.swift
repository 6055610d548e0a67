/// How many rows of an event log carry each event name: every name the journey's stages
/// listen for (0 when it never occurs), and the log's other names, up to `otherNameLimit`.
///
/// Counted as the rows are read, in the same look-up that finds a row's stage, so that a
/// journey event with a typo (`subscription_start` against a log of `subscription_started`)
/// is caught instead of giving silent zeros.
public struct EventNameCounts: Hashable, Sendable {
    /// The most distinct names, besides the journey's, that are counted one by one a reading
    /// thread: past them, rows of a new name are counted in `uncountedRows` only, so that a
    /// log whose event column holds free text (URLs, ids) costs no more than 1,000 names.
    public static let otherNameLimit = 1_000

    /// Rows of each name: the journey's names, and the other names the log holds, up to the limit.
    public var rows: [String: Int]
    /// Rows whose name is neither the journey's nor among those counted (past the limit).
    public var uncountedRows: Int

    public init(rows: [String: Int] = [:], uncountedRows: Int = 0) {
        self.rows = rows
        self.uncountedRows = uncountedRows
    }

    /// Adds the counts of another part of the same log.
    public mutating func add(_ other: EventNameCounts) {
        rows.merge(other.rows, uniquingKeysWith: +)
        uncountedRows += other.uncountedRows
    }

    /// The names of `journeyNames` that no row carries, in the order given.
    public func missing(from journeyNames: [String]) -> [String] {
        journeyNames.filter { (rows[$0] ?? 0) == 0 }
    }

    /// The names the log holds that are not in `journeyNames`, most rows first, then by name.
    public func unused(by journeyNames: Set<String>) -> [(name: String, rows: Int)] {
        rows.filter { $0.value > 0 && !journeyNames.contains($0.key) }
            .map { (name: $0.key, rows: $0.value) }
            .sorted { $0.rows != $1.rows ? $0.rows > $1.rows : $0.name < $1.name }
    }
}
