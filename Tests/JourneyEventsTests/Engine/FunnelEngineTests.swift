import JourneyTestSupport
import Testing

@testable import JourneyAnalysis
@testable import JourneyEvents
@testable import JourneyLanguage

/// The funnel engine on hand-built logs: every case of the event-log issue and the worked example of docs/funnels.md.
@Suite struct FunnelEngineTests {
    static let minute: Int64 = 60_000
    static let hour: Int64 = 60 * minute
    static let day: Int64 = 24 * hour

    /// The funnel of a log built from `lines`, computed from memory; computed again from a
    /// temporary file (`EventLog.spillingEvents`), which must give the same result.
    private func funnel(
        _ lines: [(String, String, Int)], stages: Int = 3, window: ConversionWindow = .default,
        mode: FunnelMode = .ordered, extraCustomers: [String] = [],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> FunnelResult {
        let log = FunnelTestLog.make(lines, extraCustomers: extraCustomers)
        let result = try FunnelEngine.compute(log: log, stageCount: stages, window: window, mode: mode)
        let spilled = try FunnelEngine.compute(
            log: log.spillingEvents(), stageCount: stages, window: window, mode: mode)
        #expect(spilled == result, "computed from a temporary file", sourceLocation: sourceLocation)
        return result
    }

    private func level(_ result: FunnelResult, _ customer: Int = 0) -> Int {
        Int(result.customerLevels[customer])
    }

    private func window(_ text: String) -> ConversionWindow {
        try! ConversionWindow(parsing: text)
    }

    // MARK: The worked example of docs/funnels.md

    /// Visit (0), Cart (1), Order (2), a one-hour window.
    static let example: [(String, String, Int)] = [
        ("ana", "2026-03-02T10:00:00Z", 0), ("ana", "2026-03-02T10:05:00Z", 1), ("ana", "2026-03-02T10:20:00Z", 2),
        ("ben", "2026-03-02T10:00:00Z", 0), ("ben", "2026-03-02T10:30:00Z", 1), ("ben", "2026-03-02T11:00:00Z", 2),
        ("cara", "2026-03-02T10:00:00Z", 0), ("cara", "2026-03-02T10:10:00Z", 1), ("cara", "2026-03-02T11:00:01Z", 2),
        ("dan", "2026-03-02T09:50:00Z", 1), ("dan", "2026-03-02T10:00:00Z", 0),
        ("eve", "2026-03-02T09:00:00Z", 0), ("eve", "2026-03-02T10:30:00Z", 0),
        ("eve", "2026-03-02T10:45:00Z", 1), ("eve", "2026-03-02T11:15:00Z", 2),
        ("fay", "2026-03-02T10:00:00Z", 1), ("fay", "2026-03-02T10:00:00Z", 0),
        ("gus", "2026-03-02T10:00:00Z", 2),
        ("hal", "2026-03-02T10:00:00Z", 0), ("hal", "2026-03-02T10:10:00Z", 2), ("hal", "2026-03-02T10:20:00Z", 1),
    ]

    @Test func workedExampleOrdered() throws {
        let result = try funnel(Self.example, window: window("1h"))
        #expect(result.customerLevels == [3, 3, 2, 1, 3, 2, 0, 2])
        #expect(result.customersPerLevel == [1, 1, 3, 3])
        #expect(result.reach == [7, 6, 3])
        #expect(result.customers == 8 && result.customersWithEvents == 8 && result.events == 21)
        // Visit → Cart: 0, 5, 10, 15, 20, 30 minutes.
        #expect(
            result.conversionTimes[0]
                == ConversionTimeStatistics(
                    count: 6, median: 12.5 * Double(Self.minute), p90: 25 * Double(Self.minute),
                    mean: 80.0 / 6 * Double(Self.minute)))
        // Cart → Order: 15, 30, 30 minutes.
        #expect(
            result.conversionTimes[1]
                == ConversionTimeStatistics(
                    count: 3, median: 30 * Double(Self.minute), p90: 30 * Double(Self.minute),
                    mean: 25 * Double(Self.minute)))
    }

    @Test func theFirstAndLastFunnelEventsBoundTheLog() throws {
        // Whatever the number of workers, and in the order the log gives them.
        for workers in 1...3 {
            let result = try FunnelEngine.compute(
                log: FunnelTestLog.make(Self.example), stageCount: 3, window: window("1h"), workers: workers)
            #expect(result.firstEventTime == FunnelTestLog.milliseconds("2026-03-02T09:00:00Z"))
            #expect(result.lastEventTime == FunnelTestLog.milliseconds("2026-03-02T11:15:00Z"))
        }
        let empty = try FunnelEngine.compute(log: FunnelTestLog.make([]), stageCount: 3, window: window("1h"))
        #expect(empty.firstEventTime == nil && empty.lastEventTime == nil)
    }

    @Test func workedExampleStrict() throws {
        let result = try funnel(Self.example, window: window("1h"), mode: .strict)
        // hal's Order before Cart jumps ahead: strict stops there.
        #expect(result.customerLevels == [3, 3, 2, 1, 3, 2, 0, 1])
        #expect(result.customersPerLevel == [1, 2, 2, 3])
        #expect(result.reach == [7, 5, 3])
        #expect(
            result.conversionTimes[0]
                == ConversionTimeStatistics(
                    count: 5, median: 10 * Double(Self.minute), p90: 24 * Double(Self.minute),
                    mean: 12 * Double(Self.minute)))
    }

    @Test func workedExampleAnyOrder() throws {
        let result = try funnel(Self.example, window: window("1h"), mode: .any)
        #expect(result.customerLevels == [3, 3, 2, 2, 3, 2, 0, 3])
        #expect(result.customersPerLevel == [1, 0, 3, 4])
        #expect(result.reach == [7, 7, 4])
        // Visit → Cart completed: 5, 30, 10, 0 (dan's Cart came first), 15, 0, 20 minutes.
        #expect(
            result.conversionTimes[0]
                == ConversionTimeStatistics(
                    count: 7, median: 10 * Double(Self.minute), p90: 24 * Double(Self.minute),
                    mean: 80.0 / 7 * Double(Self.minute)))
        // Cart → Order completed: 15, 30, 30, 0 (hal's Order came before his Cart).
        #expect(
            result.conversionTimes[1]
                == ConversionTimeStatistics(
                    count: 4, median: 22.5 * Double(Self.minute), p90: 30 * Double(Self.minute),
                    mean: 18.75 * Double(Self.minute)))
    }

    // MARK: Ordering

    @Test func stagesMustHappenInOrderWhateverTheFileOrder() throws {
        // File order is not time order: the engine sorts each customer's events by time.
        let reversed = try funnel([
            ("c", "2026-01-01T00:03:00Z", 2), ("c", "2026-01-01T00:02:00Z", 1),
            ("c", "2026-01-01T00:01:00Z", 0),
        ])
        #expect(level(reversed) == 3)
        // Cart before Visit does not count in ordered mode.
        let outOfOrder = try funnel([("c", "2026-01-01T00:01:00Z", 1), ("c", "2026-01-01T00:02:00Z", 0)], stages: 2)
        #expect(level(outOfOrder) == 1)
        // A skipped stage stops the funnel there, even when a later stage happens.
        let skipped = try funnel([("c", "2026-01-01T00:01:00Z", 0), ("c", "2026-01-01T00:02:00Z", 2)])
        #expect(level(skipped) == 1)
    }

    @Test func customersAreInterleavedInTheLog() throws {
        let result = try funnel([
            ("a", "2026-01-01T00:00:00Z", 0), ("b", "2026-01-01T00:00:00Z", 0), ("a", "2026-01-01T00:01:00Z", 1),
            ("c", "2026-01-01T00:00:00Z", 1), ("b", "2026-01-02T00:00:00Z", 1), ("a", "2026-01-01T00:02:00Z", 2),
        ])
        #expect(result.customerLevels == [3, 2, 0])
        #expect(result.reach == [2, 2, 1])
    }

    // MARK: Ties at the same second

    @Test func stagesAtTheSameSecondFollowStageOrder() throws {
        // Order, Cart and Visit in the same second, listed backwards: sorted by stage, a full funnel.
        let result = try funnel([
            ("c", "2026-01-01T00:00:00Z", 2), ("c", "2026-01-01T00:00:00Z", 1),
            ("c", "2026-01-01T00:00:00Z", 0),
        ])
        #expect(level(result) == 3)
        #expect(result.conversionTimes.map(\.median) == [0, 0])
        #expect(result.conversionTimes.map(\.count) == [1, 1])
        // Strict mode too: at the same time, Visit comes before Cart comes before Order.
        #expect(
            level(
                try funnel(
                    [
                        ("c", "2026-01-01T00:00:00Z", 2), ("c", "2026-01-01T00:00:00Z", 0),
                        ("c", "2026-01-01T00:00:00Z", 1),
                    ], mode: .strict)) == 3)
    }

    @Test func aTieDoesNotLetALaterStageComeBeforeAnEarlierOne() throws {
        // Cart at the same second as a Visit, Order one second before both: Order cannot count.
        let result = try funnel([
            ("c", "2026-01-01T00:00:01Z", 1), ("c", "2026-01-01T00:00:00Z", 2),
            ("c", "2026-01-01T00:00:01Z", 0),
        ])
        #expect(level(result) == 2)
        // Milliseconds count: a Cart one millisecond before the Visit is before it.
        let early = try funnel([("c", "2026-01-01T00:00:00.999Z", 1), ("c", "2026-01-01T00:00:01.000Z", 0)], stages: 2)
        #expect(level(early) == 1)
    }

    // MARK: Window edges

    @Test func theWindowIsInclusive() throws {
        let exactly = try funnel([("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-15T00:00:00Z", 1)], stages: 2)
        #expect(level(exactly) == 2)
        #expect(exactly.conversionTimes[0].median == Double(14 * Self.day))
        let onePast = try funnel([("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-15T00:00:01Z", 1)], stages: 2)
        #expect(level(onePast) == 1)
        #expect(onePast.conversionTimes[0].count == 0 && onePast.conversionTimes[0].median == nil)
        let oneMillisecondPast = try funnel(
            [("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-15T00:00:00.001Z", 1)], stages: 2)
        #expect(level(oneMillisecondPast) == 1)
    }

    @Test func theWindowCountsFromStageOneNotFromThePreviousStep() throws {
        // Cart 10 days after the Visit, Order 5 days after the Cart: 15 days after the Visit.
        let lines = [
            ("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-11T00:00:00Z", 1), ("c", "2026-01-16T00:00:00Z", 2),
        ]
        #expect(level(try funnel(lines)) == 2)
        #expect(level(try funnel(lines, window: window("15d"))) == 3)
        #expect(level(try funnel(lines, window: window("360h"))) == 3)
        #expect(level(try funnel(lines, window: window("21599m"))) == 2)
    }

    @Test func theWindowEdgesInStrictAndAnyModes() throws {
        let exactly = [("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-01T00:30:00Z", 1)]
        let onePast = [("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-01T00:30:01Z", 1)]
        for mode in FunnelMode.allCases {
            #expect(level(try funnel(exactly, stages: 2, window: window("30m"), mode: mode)) == 2, "\(mode)")
            #expect(level(try funnel(onePast, stages: 2, window: window("30m"), mode: mode)) == 1, "\(mode)")
        }
        // In any order, the window spans the earliest to the latest step, whichever stage it is.
        let cartFirst = [("c", "2026-01-01T00:00:00Z", 1), ("c", "2026-01-01T00:30:00Z", 0)]
        #expect(level(try funnel(cartFirst, stages: 2, window: window("30m"), mode: .any)) == 2)
        #expect(level(try funnel(cartFirst, stages: 2, window: window("1799s"), mode: .any)) == 1)
    }

    // MARK: Repeated stage-1 events

    @Test func aLaterStageOneEventStartsANewAttempt() throws {
        // The first Visit's window has passed by the Cart; the second Visit's has not.
        let result = try funnel(
            [
                ("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-10T00:00:00Z", 0),
                ("c", "2026-01-20T00:00:00Z", 1),
            ], stages: 2)
        #expect(level(result) == 2)
        #expect(result.conversionTimes[0].median == Double(10 * Self.day))
    }

    @Test func theLevelIsTheFurthestAnyAttemptReaches() throws {
        // The first attempt reaches Cart, the second (weeks later) goes on to Order.
        let result = try funnel([
            ("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-02T00:00:00Z", 1),
            ("c", "2026-02-01T00:00:00Z", 0), ("c", "2026-02-01T01:00:00Z", 1), ("c", "2026-02-01T03:00:00Z", 2),
        ])
        #expect(level(result) == 3)
        // The times are those of the attempt that reached Order, not the first attempt's day.
        #expect(result.conversionTimes.map(\.median) == [Double(Self.hour), Double(2 * Self.hour)])
        // A new attempt that goes less far does not lower the level.
        let lower = try funnel([
            ("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-01T01:00:00Z", 1),
            ("c", "2026-01-01T02:00:00Z", 2), ("c", "2026-03-01T00:00:00Z", 0),
        ])
        #expect(level(lower) == 3)
    }

    @Test func theEarliestAttemptReachingTheLevelGivesTheTimes() throws {
        // Both Visits reach Cart within the window: the times are measured from the first.
        let result = try funnel(
            [
                ("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-01T01:00:00Z", 0),
                ("c", "2026-01-01T02:00:00Z", 1),
            ], stages: 2)
        #expect(result.conversionTimes[0].median == Double(2 * Self.hour))
        // Each step is the first event of its stage after the previous step.
        let steps = try funnel([
            ("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-01T01:00:00Z", 1),
            ("c", "2026-01-01T02:00:00Z", 1), ("c", "2026-01-01T03:00:00Z", 2),
        ])
        #expect(steps.conversionTimes.map(\.median) == [Double(Self.hour), Double(2 * Self.hour)])
    }

    // MARK: Strict mode

    @Test func strictStopsAtAnEventThatJumpsAhead() throws {
        // ClickHouse's own example: A→B→D→C stops at D with level 2.
        let lines = [
            ("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-01T00:01:00Z", 1),
            ("c", "2026-01-01T00:02:00Z", 3), ("c", "2026-01-01T00:03:00Z", 2),
        ]
        #expect(level(try funnel(lines, stages: 4, mode: .strict)) == 2)
        #expect(level(try funnel(lines, stages: 4, mode: .ordered)) == 3)
    }

    @Test func strictAllowsRepeatsOfStagesAlreadyReached() throws {
        // Visit, Cart, Cart again, Order: the repeat does not break the chain.
        let repeated = [
            ("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-01T00:01:00Z", 1),
            ("c", "2026-01-01T00:02:00Z", 1), ("c", "2026-01-01T00:03:00Z", 2),
        ]
        #expect(level(try funnel(repeated, mode: .strict)) == 3)
        // Visit, Cart, a new Visit, Order: nor does a new stage-1 event.
        let newVisit = [
            ("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-01T00:01:00Z", 1),
            ("c", "2026-01-01T00:02:00Z", 0), ("c", "2026-01-01T00:03:00Z", 2),
        ]
        #expect(level(try funnel(newVisit, mode: .strict)) == 3)
    }

    @Test func strictIgnoresEventsBeforeTheFirstStageOneAndOutOfWindowSteps() throws {
        // An Order before any Visit is ignored, not a break.
        let before = [
            ("c", "2026-01-01T00:00:00Z", 2), ("c", "2026-01-01T00:01:00Z", 0),
            ("c", "2026-01-01T00:02:00Z", 1), ("c", "2026-01-01T00:03:00Z", 2),
        ]
        #expect(level(try funnel(before, mode: .strict)) == 3)
        // A Cart past the window is ignored; the Order after it then jumps ahead and stops the scan.
        let late = [
            ("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-01T00:20:00Z", 1), ("c", "2026-01-01T00:21:00Z", 2),
        ]
        #expect(level(try funnel(late, window: window("10m"), mode: .strict)) == 1)
    }

    @Test func strictStopsTheCustomerNotJustTheAttempt() throws {
        // Visit, Order (a break), then a complete later attempt: strict keeps level 1, as ClickHouse.
        let lines = [
            ("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-01T00:01:00Z", 2),
            ("c", "2026-01-01T01:00:00Z", 0), ("c", "2026-01-01T01:01:00Z", 1), ("c", "2026-01-01T01:02:00Z", 2),
        ]
        #expect(level(try funnel(lines, mode: .strict)) == 1)
        #expect(level(try funnel(lines, mode: .ordered)) == 3)
    }

    @Test func strictJudgesAJumpByWhatAnyAttemptReached() throws {
        // windowFunnel's 'strict_order' asks whether any chain so far reached the stage before,
        // so an Order between a second Visit and its Cart does not break (the first attempt had
        // reached Cart). Ten-minute window.
        let lines = [
            ("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-01T00:01:00Z", 1),
            ("c", "2026-01-01T01:00:00Z", 0), ("c", "2026-01-01T01:01:00Z", 2),
            ("c", "2026-01-01T01:02:00Z", 1), ("c", "2026-01-01T01:03:00Z", 2),
        ]
        let result = try funnel(lines, window: window("10m"), mode: .strict)
        #expect(level(result) == 3)
        #expect(result.conversionTimes.map(\.median) == [Double(2 * Self.minute), Double(Self.minute)])
    }

    // MARK: Any order

    @Test func anyOrderCountsStagesInAnyOrderWithinOneWindow() throws {
        let lines = [
            ("c", "2026-01-01T00:00:00Z", 2), ("c", "2026-01-01T00:10:00Z", 0), ("c", "2026-01-01T00:20:00Z", 1),
        ]
        #expect(level(try funnel(lines, window: window("20m"), mode: .any)) == 3)
        #expect(level(try funnel(lines, window: window("19m"), mode: .any)) == 2)
        #expect(level(try funnel(lines, window: window("20m"), mode: .ordered)) == 2)
        // Stage 1 is still needed: Cart and Order alone are level 0.
        let noVisit = [("c", "2026-01-01T00:00:00Z", 1), ("c", "2026-01-01T00:00:00Z", 2)]
        #expect(level(try funnel(noVisit, mode: .any)) == 0)
        // Stages 1 and 3 without 2 are level 1.
        let gap = [("c", "2026-01-01T00:00:00Z", 0), ("c", "2026-01-01T00:00:00Z", 2)]
        #expect(level(try funnel(gap, mode: .any)) == 1)
    }

    @Test func anyOrderTimesRunFromCompletingOneStageToCompletingTheNext() throws {
        // Order at 0, Visit at 10, Cart at 20 minutes: stage 1 completes at 10, stages 1–2 at 20,
        // stages 1–3 at 20 too (the Order was already there).
        let result = try funnel(
            [
                ("c", "2026-01-01T00:00:00Z", 2), ("c", "2026-01-01T00:10:00Z", 0),
                ("c", "2026-01-01T00:20:00Z", 1),
            ], mode: .any)
        #expect(result.conversionTimes.map(\.median) == [Double(10 * Self.minute), 0])
    }

    // MARK: Single events, empty logs, customers without funnel events

    @Test func customersWithASingleEvent() throws {
        let result = try funnel([
            ("a", "2026-01-01T00:00:00Z", 0), ("b", "2026-01-01T00:00:00Z", 1),
            ("c", "2026-01-01T00:00:00Z", 2),
        ])
        for mode in FunnelMode.allCases {
            let result = try funnel(
                [
                    ("a", "2026-01-01T00:00:00Z", 0), ("b", "2026-01-01T00:00:00Z", 1),
                    ("c", "2026-01-01T00:00:00Z", 2),
                ], mode: mode)
            #expect(result.customerLevels == [1, 0, 0], "\(mode)")
            #expect(result.customersPerLevel == [2, 1, 0, 0], "\(mode)")
            #expect(result.reach == [1, 0, 0], "\(mode)")
            #expect(result.conversionTimes.allSatisfy { $0.count == 0 && $0.median == nil && $0.mean == nil })
        }
        #expect(result.customersWithEvents == 3)
    }

    @Test func anEmptyLog() throws {
        for mode in FunnelMode.allCases {
            let result = try FunnelEngine.compute(log: EventLog(), stageCount: 3, mode: mode)
            #expect(result.customers == 0 && result.customersWithEvents == 0 && result.events == 0)
            #expect(result.customersPerLevel == [0, 0, 0, 0])
            #expect(result.reach == [0, 0, 0])
            #expect(
                result.conversionTimes
                    == Array(repeating: ConversionTimeStatistics(count: 0, median: nil, p90: nil, mean: nil), count: 2))
            #expect(result.customerLevels.isEmpty)
        }
    }

    @Test func customersWithoutFunnelEventsAreLevelZero() throws {
        // The reader keeps customers whose rows were all ignored: they count at level 0.
        let result = try funnel([("a", "2026-01-01T00:00:00Z", 0)], extraCustomers: ["b", "c"])
        #expect(result.customers == 3 && result.customersWithEvents == 1)
        #expect(result.customersPerLevel == [2, 1, 0, 0])
        #expect(result.customerLevels == [1, 0, 0])
        let onlyIgnored = try FunnelEngine.compute(
            log: EventLog(customers: ["a"], ignoredEvents: 4, rows: 4), stageCount: 2)
        #expect(onlyIgnored.customersPerLevel == [1, 0, 0] && onlyIgnored.reach == [0, 0])
    }

    @Test func aOneStageFunnel() throws {
        let result = try funnel(
            [("a", "2026-01-01T00:00:00Z", 0), ("a", "2026-01-01T00:00:00Z", 0), ("b", "2026-01-02T00:00:00Z", 0)],
            stages: 1, mode: .strict)
        #expect(result.customersPerLevel == [0, 2] && result.reach == [2] && result.conversionTimes.isEmpty)
    }

    @Test func timesFarApartDoNotOverflow() throws {
        let result = try FunnelEngine.compute(
            log: FunnelTestLog.make(milliseconds: [("a", Int64.min, 0), ("a", Int64.max, 1), ("b", -5, 0), ("b", 0, 1)]
            ),
            stageCount: 2)
        #expect(result.customerLevels == [1, 2])
        #expect(result.conversionTimes[0].median == 5)
    }

    // MARK: Workers and the metrics

    @Test func theResultDoesNotDependOnTheNumberOfWorkers() throws {
        var generator = SplitMix64(seed: 7)
        // Just above `FunnelEngine.parallelThreshold`, so that the workers really split it.
        let log = FunnelBenchmarkLog.make(events: 60_000, stageCount: 5, generator: &generator)
        for mode in FunnelMode.allCases {
            let one = try FunnelEngine.compute(log: log, stageCount: 5, mode: mode, workers: 1)
            #expect(one.reach[0] > 0 && one.reach[4] > 0)
            for workers in [2, 3, 8] {
                #expect(
                    try FunnelEngine.compute(log: log, stageCount: 5, mode: mode, workers: workers) == one,
                    "\(mode), \(workers) workers")
            }
        }
    }

    @Test func aLogTooLargeToGroupInMemoryIsGroupedAPartitionAtATime() throws {
        var generator = SplitMix64(seed: 11)
        let log = FunnelBenchmarkLog.make(events: 60_000, stageCount: 5, generator: &generator)
        for mode in FunnelMode.allCases {
            let inMemory = try FunnelEngine.compute(log: log, stageCount: 5, mode: mode)
            let partitioned = try FunnelEngine.compute(
                log: log, stageCount: 5, window: .default, mode: mode, workers: nil,
                groupedInMemoryUpTo: log.events.count - 1)
            #expect(inMemory.reach[1] > 0)
            #expect(partitioned == inMemory, "\(mode)")
        }
    }

    @Test func reachFeedsTheFunnelMetrics() throws {
        let source = """
            journey "Shop"
            stage Visit
              event product_view
            stage Cart
              event add_to_cart
            stage Order
              event order_placed
            """
        let journey = check(source).journey
        let result = try funnel(Self.example, window: window("1h"))
        let metrics = try #require(FunnelMetrics(journey: result.applyingReach(to: journey)))
        #expect(metrics.stages.map(\.reach) == [7, 6, 3])
        #expect(metrics.stages[0].conversion == 6.0 / 7)
        #expect(metrics.stages[0].dropOff == 1)
    }
}
