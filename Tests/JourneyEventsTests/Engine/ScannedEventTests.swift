import JourneyTestSupport
import Testing

@testable import JourneyEvents

/// The two layouts of an event as the funnel scan reads it: the same order and values.
@Suite struct ScannedEventTests {
    /// Times around 0, the year 9999 and the packed layout's limits, with stages 0 and 254.
    static let samples: [(Int64, Int32)] = {
        let limit = PackedEvent.timeLimit
        let times: [Int64] = [
            -(limit - 1), -253_402_300_800_000, -1_000, -1, 0, 1, 999, 1_767_225_600_000,
            253_402_300_799_999, limit - 1,
        ]
        return times.flatMap { time in [0, 1, 254].map { (time, Int32($0)) } }
    }()

    @Test func aPackedEventKeepsItsTimeAndStage() {
        for (time, stage) in Self.samples {
            let event = PackedEvent(time: time, stage: stage)
            #expect(event.time == time && event.stage == stage, "\(time), \(stage)")
            #expect(PackedEvent.fits(time))
        }
        #expect(!PackedEvent.fits(PackedEvent.timeLimit) && !PackedEvent.fits(-PackedEvent.timeLimit))
        #expect(!PackedEvent.fits(.max) && !PackedEvent.fits(.min))
    }

    @Test func bothLayoutsOrderByTimeThenStage() {
        for (leftTime, leftStage) in Self.samples {
            for (rightTime, rightStage) in Self.samples {
                let expected = leftTime < rightTime || (leftTime == rightTime && leftStage < rightStage)
                let packed =
                    PackedEvent(time: leftTime, stage: leftStage) < PackedEvent(time: rightTime, stage: rightStage)
                let wide = WideEvent(time: leftTime, stage: leftStage) < WideEvent(time: rightTime, stage: rightStage)
                #expect(packed == expected && wide == expected, "\(leftTime)/\(leftStage) < \(rightTime)/\(rightStage)")
            }
        }
    }

    @Test func aTimeTooFarFromNineteenSeventyGroupsTheLogWideWithTheSameResult() throws {
        var generator = SplitMix64(seed: 3)
        let log = FunnelBenchmarkLog.make(events: 60_000, stageCount: 5, generator: &generator)
        // One more customer, with an event at a time only the wide layout holds.
        var wide = log
        wide.customers.append(contentsOf: ["far"])
        wide.events.append(FunnelEvent(customer: Int32(log.customers.count), stage: 0, time: .max))
        for mode in FunnelMode.allCases {
            let packed = try FunnelEngine.compute(log: log, stageCount: 5, mode: mode)
            let widened = try FunnelEngine.compute(log: wide, stageCount: 5, mode: mode)
            #expect(Array(widened.customerLevels.dropLast()) == packed.customerLevels, "\(mode)")
            #expect(widened.customerLevels.last == 1)
            #expect(widened.conversionTimes == packed.conversionTimes, "\(mode)")
        }
    }
}
