import JourneyLanguage

/// A conversion window too short for the funnel it measures, and a window the data suggests.
///
/// A stage-1 event starts the window, and a later stage counts only inside it: a monthly
/// renewal measured with the default 14 days is reached by nobody, silently. `check` looks for
/// the signs, and when it sees one, measures the funnel again without a window (a million
/// days) to compare:
/// - the steps' 90th percentiles, added up from stage 1, reach 80% of the window or more; or
/// - a stage's events occur in the log, but nobody reaches it within the window while people
///   reach the stage before it.
///
/// It advises only when the run without a window reaches more than 5% more people at some stage
/// (or any, where the window reached nobody): a slow step that the window still holds is no
/// news. The advice names the first such stage, and suggests the steps' 90th percentiles up to
/// it added up, measured without a window and rounded up to a whole unit, or twice the window
/// when that is no longer.
public struct WindowAdvice: Hashable, Sendable {
    /// The stage whose reach the window cuts, from 0.
    public var stageIndex: Int
    /// Its reach within the window.
    public var reachInWindow: Int
    /// Its reach without a window.
    public var reachWithoutWindow: Int
    /// The steps' 90th percentiles from stage 1 to this stage added up, without a window, in
    /// milliseconds: nearly every customer who reaches it takes each step within its part.
    public var p90Sum: Double
    /// The window that was used.
    public var window: ConversionWindow
    /// The window to try.
    public var suggested: ConversionWindow

    /// The share of the window that the added-up 90th percentiles must reach to be a sign.
    static let nearShare = 0.8
    /// How many more people (as a share) the run without a window must reach to matter.
    static let gainShare = 0.05

    /// The advice for `result`, measured from `log` for the first `result.stageCount` stages of
    /// `journey`, or nil when the window does not cut the funnel short.
    public static func check(
        _ result: FunnelResult, log: EventLog, journey: Journey
    ) throws(FunnelError) -> WindowAdvice? {
        let window = result.window
        let stages = result.stageCount
        guard stages > 1 else { return nil }
        let nearLimit = Double(window.milliseconds) * nearShare
        let sums = p90Sums(result)
        let nearStage = sums.firstIndex { $0 >= nearLimit }
        let emptyStage = (1..<stages).first { index in
            result.reach[index] == 0 && result.reach[index - 1] > 0
                && journey.stages[index].events.contains { (log.eventNames.rows[$0] ?? 0) > 0 }
        }
        guard nearStage != nil || emptyStage != nil,
            let unbounded = ConversionWindow.days(ConversionWindow.maximumDays)
        else { return nil }
        let without = try FunnelEngine.compute(
            log: log, stageCount: stages, window: unbounded, mode: result.mode)
        let gained = (1..<stages).first { index in
            let (inside, outside) = (result.reach[index], without.reach[index])
            return outside > inside && Double(outside - inside) > gainShare * Double(inside)
        }
        guard let index = gained else { return nil }
        let sum = p90Sums(without)[index]
        return WindowAdvice(
            stageIndex: index, reachInWindow: result.reach[index], reachWithoutWindow: without.reach[index],
            p90Sum: sum, window: window, suggested: suggestion(sum, window: window))
    }

    /// `sums[k]`: the 90th percentiles of the steps from stage 1 to stage k + 1 added up, in
    /// milliseconds (0 for stage 1; a step nobody took adds nothing).
    private static func p90Sums(_ result: FunnelResult) -> [Double] {
        var sums = [0.0]
        for times in result.conversionTimes { sums.append((sums.last ?? 0) + (times.p90 ?? 0)) }
        return sums
    }

    /// `milliseconds` rounded up to whole days (from a day), hours (from an hour) or minutes,
    /// or twice `window` when that is not longer than it.
    static func suggestion(_ milliseconds: Double, window: ConversionWindow) -> ConversionWindow {
        let units: [(Int64, (Int64) -> ConversionWindow?)] = [
            (ConversionWindow.millisecondsPerDay, ConversionWindow.days),
            (ConversionWindow.millisecondsPerHour, ConversionWindow.hours),
            (ConversionWindow.millisecondsPerMinute, ConversionWindow.minutes),
        ]
        let unit = units.first { milliseconds >= Double($0.0) } ?? units[2]
        let count = max(1, Int64((milliseconds / Double(unit.0)).rounded(.up)))
        if let rounded = unit.1(count), rounded > window { return rounded }
        return ConversionWindow(milliseconds: window.milliseconds.multipliedReportingOverflow(by: 2).partialValue)
            ?? window
    }
}
