import JourneyTestSupport
import Testing

@testable import JourneyEvents
@testable import JourneyLanguage

/// A window too short for the funnel is caught, with a window the data suggests.
@Suite struct WindowAdviceTests {
    static let journey = check(
        header + """
            stage Visit
              event visit
              touchpoint "Lands" +1 via site
            stage Subscribe
              event subscribe
              touchpoint "Pays" +1 via site
            stage Renewal
              event renewal
              touchpoint "Renews" +1 via site
            """
    ).journey

    /// 10 customers visit and subscribe the same day; `renewing` of them renew `after` later.
    private func log(renewing: Int, after: String) -> EventLog {
        var lines: [(String, String, Int)] = []
        for index in 0..<10 {
            lines.append(("c\(index)", "2026-01-01T10:00:00Z", 0))
            lines.append(("c\(index)", "2026-01-01T11:00:00Z", 1))
            if index < renewing { lines.append(("c\(index)", after, 2)) }
        }
        var log = FunnelTestLog.make(lines)
        log.eventNames = EventNameCounts(rows: ["visit": 10, "subscribe": 10, "renewal": renewing])
        return log
    }

    private func advice(_ log: EventLog, window: ConversionWindow) throws -> WindowAdvice? {
        let result = try FunnelEngine.compute(log: log, stageCount: 3, window: window)
        return try WindowAdvice.check(result, log: log, journey: Self.journey)
    }

    @Test func aMonthlyRenewalMeasuredInFourteenDaysIsCaught() throws {
        // Renewals 31 days after the visit: none within 14 days.
        let renewals = log(renewing: 6, after: "2026-02-01T10:00:00Z")
        let advice = try #require(try self.advice(renewals, window: .default))
        #expect(advice.stageIndex == 2)
        #expect(advice.reachInWindow == 0 && advice.reachWithoutWindow == 6)
        // 1 hour to subscribe, then 30 days 23 hours to renew: 31 days, so 31d.
        #expect(advice.p90Sum == 31 * 86_400_000)
        #expect(advice.suggested.description == "31d")
        let diagnostic = EventMapping.windowWarning(advice, in: Self.journey)
        #expect(diagnostic.code == "window-cuts-funnel" && diagnostic.severity == .warning)
        #expect(diagnostic.location.line == Self.journey.stages[2].location.line)
        #expect(
            diagnostic.message
                == "the 14d window cuts the funnel short at stage 'Renewal': 0 reach it within 14d of 'Visit', 6 with no window"
        )
        #expect(
            diagnostic.help
                == "try --window 31d: without a window, the 90th percentiles of the steps from 'Visit' to 'Renewal' add up to 31d"
        )
        // With the window it suggests, nothing is cut any more.
        #expect(try self.advice(renewals, window: advice.suggested) == nil)
    }

    @Test func aWindowThatHoldsEveryoneGivesNoAdvice() throws {
        // Slow (12 of 14 days, past 80% of the window), but the window holds them all.
        #expect(try advice(log(renewing: 6, after: "2026-01-13T10:00:00Z"), window: .default) == nil)
        // Nobody renews at all: nothing for a longer window to find.
        #expect(try advice(log(renewing: 0, after: ""), window: .default) == nil)
    }

    @Test func aSuggestionIsRoundedUpAndLongerThanTheWindow() throws {
        let hour = 3_600_000.0
        #expect(WindowAdvice.suggestion(30.2 * 24 * hour, window: .default).description == "31d")
        #expect(WindowAdvice.suggestion(5.5 * hour, window: try ConversionWindow(parsing: "2h")).description == "6h")
        #expect(WindowAdvice.suggestion(10 * 24 * hour, window: .default).description == "28d")
    }
}
