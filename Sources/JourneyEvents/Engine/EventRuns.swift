/// A log's events in memory (`EventLog.eventRuns`) as one sequence, for workers to read shares
/// of it in parallel without the runs being copied together.
///
/// Valid only inside `EventLog.withEventRuns(_:)`, while the log's arrays are held.
struct EventRuns: @unchecked Sendable {
    /// The runs, in file order.
    let runs: [UnsafeBufferPointer<FunnelEvent>]
    /// The number of events in all runs.
    let count: Int

    init(_ runs: [UnsafeBufferPointer<FunnelEvent>]) {
        self.runs = runs
        self.count = runs.reduce(0) { $0 + $1.count }
    }

    /// Calls `body` with each event of `range` (positions in the whole sequence) in order.
    @inline(__always)
    func forEach(in range: Range<Int>, _ body: (FunnelEvent) -> Void) {
        var start = 0
        for run in runs {
            let end = start + run.count
            let lower = max(range.lowerBound, start)
            let upper = min(range.upperBound, end)
            if lower < upper, let base = run.baseAddress {
                for index in (lower - start)..<(upper - start) { body(base[index]) }
            }
            if end >= range.upperBound { break }
            start = end
        }
    }
}

extension EventLog {
    /// Calls `body` with the log's events in memory, as `EventRuns`.
    func withEventRuns<Result>(_ body: (EventRuns) throws -> Result) rethrows -> Result {
        try Self.withBuffers(eventRuns[...], [], body)
    }

    private static func withBuffers<Result>(
        _ runs: ArraySlice<ArraySlice<FunnelEvent>>, _ buffers: [UnsafeBufferPointer<FunnelEvent>],
        _ body: (EventRuns) throws -> Result
    ) rethrows -> Result {
        guard let first = runs.first else { return try body(EventRuns(buffers)) }
        return try first.withUnsafeBufferPointer { try withBuffers(runs.dropFirst(), buffers + [$0], body) }
    }
}
