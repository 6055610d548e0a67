import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyAnalysis
@testable import JourneyLanguage

/// Every definition of docs/metrics.md against hand-computed values.
@Suite struct FunnelMetricsTests {
    private func dressmate() throws -> (Journey, FunnelMetrics) {
        let url = Repository.root.appendingPathComponent("journeys/dressmate.journey")
        let journey = check(try String(contentsOf: url, encoding: .utf8)).journey
        return (journey, try #require(FunnelMetrics(journey: journey)))
    }

    private func metrics(_ source: String) throws -> FunnelMetrics {
        let result = check(source)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        return try #require(FunnelMetrics(journey: result.journey))
    }

    @Test func conversionOverallConversionAndDropOff() throws {
        let stages = try dressmate().1.stages
        // c_k = R_(k+1) / R_k: 30000/120000, 9000/30000, 3100/9000, 2600/3100, none.
        let conversions: [Double?] = [0.25, 0.3, 3100.0 / 9000, 2600.0 / 3100, nil]
        #expect(stages.map(\.conversion) == conversions)
        // O_k = R_k / R_1.
        let overall: [Double] = [1, 0.25, 0.075, 3100.0 / 120_000, 2600.0 / 120_000]
        #expect(stages.map(\.overallConversion) == overall)
        // D_k = R_k − R_(k+1).
        #expect(stages.map(\.dropOff) == [90_000, 21_000, 5_900, 500, nil])
    }

    @Test func gapAndRelativeShortfall() throws {
        let stages = try dressmate().1.stages
        #expect(stages[0].gapToTarget == 0)
        #expect(abs(stages[1].gapToTarget! - -0.1) < 1e-12)
        #expect(stages[0].relativeShortfall == 0)
        #expect(abs(stages[1].relativeShortfall - 0.25) < 1e-12)  // (0.4 − 0.3) / 0.4
        #expect(abs(stages[2].relativeShortfall - (0.5 - 3100.0 / 9000) / 0.5) < 1e-12)
        #expect(stages[3].relativeShortfall == (0.9 - 2600.0 / 3100) / 0.9)
        #expect(stages[4].gapToTarget == nil && stages[4].relativeShortfall == 0)
    }

    @Test func experienceAndPainPoints() throws {
        let stages = try dressmate().1.stages
        #expect(stages[0].experience == Experience(mean: 3, lowest: 2, highest: 4))
        #expect(stages[2].experience == Experience(mean: -1, lowest: -4, highest: 2))
        #expect(stages[3].experience == Experience(mean: 0, lowest: -5, highest: 5))
        #expect(stages.map(\.painPoints) == [0, 1, 1, 1, 0])
    }

    @Test func controlMatchesTheAcceptanceFigures() throws {
        let stages = try dressmate().1.stages
        #expect(stages.map(\.control.control) == [0.375, 0.75, 1.0, 0.375, 0.5])
        #expect(stages.map(\.control.influence) == [0.25, 1, 1, 0.75, 0.5])
        #expect(stages.map(\.control.measurement) == [0.5, 0.5, 1, 0, 0.5])
    }

    @Test func weakestIsPurchaseWithAbout1174PeopleRecoverable() throws {
        let weakest = try #require(try dressmate().1.weakest)
        #expect(weakest.name == "Purchase")
        #expect(weakest.basis == .target)
        #expect(abs(weakest.conversion - 0.3444) < 0.0001)
        #expect(weakest.target == 0.5)
        // R_n × (τ / c − 1) = 2600 × (0.5 / 0.34444 − 1) = 1174.19
        #expect(abs(try #require(weakest.recoverable) - 1174.19) < 0.01)
        #expect(weakest.isSignificant)
        #expect(!weakest.isSmallSample && !weakest.isAllLost)
        #expect(weakest.reason.contains("Purchase converts 34.4%"))
    }

    @Test func considerationIsNextWithAbout867() throws {
        let metrics = try dressmate().1
        let below = metrics.stagesBelowTarget.map(\.name)
        #expect(below == ["Consideration", "Purchase", "Delivery"])
        let consideration = metrics.stages[1]
        // 2600 × (0.4 / 0.3 − 1) = 866.67
        #expect(abs(try #require(consideration.recoverable(finalReach: 2600)) - 866.67) < 0.01)
        let ranked = metrics.stagesBelowTarget.sorted {
            $0.conversion! / $0.target! < $1.conversion! / $1.target!
        }
        #expect(ranked.map(\.name) == ["Purchase", "Consideration", "Delivery"])
    }

    @Test func wilsonIntervalByHand() throws {
        // 3100 of 9000, z = 1.959964: centre (p + z²/2n) / (1 + z²/n) = 0.3445108,
        // margin z·√(p(1−p)/n + z²/4n²) / (1 + z²/n) = 0.0098154.
        let wilson = try #require(try dressmate().1.stages[2].wilson)
        #expect(abs(wilson.low - 0.3346954) < 0.000001)
        #expect(abs(wilson.high - 0.3543262) < 0.000001)
        // The classic textbook example: 0 of 10 gives 0 to 0.2775.
        let none = try #require(WilsonInterval(successes: 0, trials: 10))
        #expect(none.low == 0 && abs(none.high - 0.27753) < 0.0001)
        #expect(WilsonInterval(successes: 0, trials: 0) == nil)
        // More successes than trials counts as all of them.
        #expect(abs(try #require(WilsonInterval(successes: 12, trials: 10)).high - 1) < 1e-12)
    }

    @Test func painPointsRankedWeakestStageFirstThenShortfallThenScore() throws {
        let ranked = try dressmate().1.rankedPainPoints
        #expect(
            ranked.map(\.touchpoint.name) == [
                "Checkout asks her to create an account",  // Purchase, the weakest stage
                "No size chart for petite sizes",  // Consideration, shortfall 25%
                "Parcel arrives two days late",  // Delivery, shortfall 6.8%
            ])
    }

    // MARK: - Edge cases

    @Test func zeroReachConvertsAtZeroAndIsAllLost() throws {
        let metrics = try self.metrics(
            header + """
                stage A
                  reach 100
                  target 50%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 0
                  target 50%
                  touchpoint "Pays" -1 via site
                stage C
                  reach 0
                  touchpoint "Returns" +1 via site
                """)
        #expect(metrics.stages.map(\.conversion) == [0, 0, nil])
        #expect(metrics.stages[1].wilson == nil)
        let weakest = try #require(metrics.weakest)
        // Both convert 0 of their target, but nobody reached B: A lost all 100 people.
        #expect(weakest.name == "A")
        #expect(weakest.isAllLost && weakest.recoverable == nil)
        // The verdict says plainly that nobody reached the next stage.
        #expect(
            weakest.reason
                == "Nobody of the 100 people who entered A reached B: it converts 0% against a target of 50%, "
                + "and the funnel breaks there.")
    }

    @Test func aStageThatLosesEveryoneIsTheWeakestWithOrWithoutATarget() throws {
        // B has no target, C is far below its own: B lost all 400 people, the break to fix first.
        let metrics = try self.metrics(
            header + """
                stage A
                  reach 1000
                  target 50%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 400
                  touchpoint "Tries" +1 via site
                stage C
                  reach 0
                  target 50%
                  touchpoint "Pays" -1 via site
                stage D
                  reach 0
                  touchpoint "Stays" +1 via site
                """)
        let weakest = try #require(metrics.weakest)
        #expect(weakest.name == "B" && weakest.isAllLost && weakest.target == nil)
        #expect(weakest.basis == .target)
        #expect(
            weakest.reason
                == "Nobody of the 400 people who entered B reached C: it converts 0%, and the funnel breaks there.")
        // A target of 0% expects it: then the targets decide (A, at 40% of 50%).
        let expected = try self.metrics(
            header + """
                stage A
                  reach 1000
                  target 50%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 400
                  target 0%
                  touchpoint "Tries" +1 via site
                stage C
                  reach 0
                  touchpoint "Pays" -1 via site
                """)
        #expect(expected.weakest?.name == "A")
    }

    @Test func aStageNobodyReachedIsNeverTheWeakest() throws {
        // Without targets too; and when every stage with a next one is empty, there is none.
        let lowest = try self.metrics(
            header + """
                stage A
                  reach 864
                  touchpoint "Sees" +1 via site
                stage B
                  reach 0
                  touchpoint "Pays" -5 via site
                stage C
                  reach 0
                  touchpoint "Returns" -5 via site
                """)
        #expect(lowest.weakest?.name == "A")
        #expect(lowest.weakest?.basis == .lowestConversion)
        #expect(lowest.weakest?.isAllLost == true)
        let empty = try self.metrics(
            header + """
                stage A
                  reach 0
                  target 50%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 0
                  touchpoint "Pays" -1 via site
                """)
        #expect(empty.weakest == nil)
    }

    @Test func aConversionJustBelowTargetIsNotShownAsTheTarget() throws {
        let metrics = try self.metrics(justBelowTargetJourney)
        // 10,991 / 20,000 = 54.955%.
        #expect(metrics.stages[0].shownConversion == "54.96%")
        #expect(metrics.stages[1].shownConversion == nil)
        let weakest = try #require(metrics.weakest)
        #expect(weakest.reason.hasPrefix("A converts 54.96% of its people to the next stage against a target of 55%"))
    }

    @Test func theShortfallIsInPointsFirstThenAsAShareOfTheTarget() throws {
        // 379 of 1,000 against 45%: 7.1 points short, which is 15.8% of the target.
        let metrics = try self.metrics(
            header + """
                stage A
                  reach 1000
                  target 45%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 379
                  touchpoint "Pays" +1 via site
                """)
        let stage = metrics.stages[0]
        #expect(abs(stage.shortfallPoints - 0.071) < 1e-12)
        #expect(stage.shownShortfall == "7.1 points short (15.8% below target)")
        #expect(metrics.stages[1].shownShortfall == nil)
        let weakest = try #require(metrics.weakest)
        #expect(abs(weakest.shortfallPoints - 0.071) < 1e-12)
        #expect(
            weakest.reason
                == "A converts 37.9% of its people to the next stage against a target of 45%: "
                + "7.1 points short (15.8% below target), the only stage with a target.")
    }

    /// Two stages below target, B a little less short than A: 40% and 42.5% against 50%.
    private func twoStagesBelowTarget(reach: Int) -> String {
        header + """
            stage A
              reach \(reach)
              target 50%
              touchpoint "Sees" +1 via site
            stage B
              reach \(reach * 40 / 100)
              target 50%
              touchpoint "Compares" +1 via site
            stage C
              reach \(reach * 17 / 100)
              touchpoint "Pays" +1 via site
            """
    }

    @Test func stagesTheDataCannotTellApartAreANearTie() throws {
        // 80 of 200 (40%, Wilson 33.5% to 46.9%) against 34 of 80 (42.5%): A's interval, as a
        // share of its target, 0.67 to 0.94, holds B's 0.85.
        let close = try #require(try self.metrics(twoStagesBelowTarget(reach: 200)).weakest)
        #expect(close.name == "A")
        #expect(close.nearTies.map(\.name) == ["B"])
        let tie = try #require(close.nearTies.first)
        #expect(tie.stage.shownConversion == "42.5%" && tie.stage.target == 0.5)
        #expect(tie.stage.shownShortfall == "7.5 points short (15% below target)")
        // The same rates on 100,000 people: the intervals are narrow and A is plainly weaker.
        let decisive = try #require(try self.metrics(twoStagesBelowTarget(reach: 100_000)).weakest)
        #expect(decisive.name == "A")
        #expect(decisive.nearTies.isEmpty)
    }

    @Test func nearTiesWithoutTargetsCompareTheConversions() throws {
        let metrics = try self.metrics(
            header + """
                stage A
                  reach 50
                  touchpoint "Sees" +1 via site
                stage B
                  reach 20
                  touchpoint "Compares" +1 via site
                stage C
                  reach 9
                  touchpoint "Pays" +1 via site
                stage D
                  reach 8
                  touchpoint "Stays" +1 via site
                """)
        let weakest = try #require(metrics.weakest)
        // 40% (Wilson 27.6% to 53.8%) and 45% of 20 (25.8% to 65.8%) overlap; 88.9% of 9 does
        // not reach 53.8%, nor does its interval (56.5% to 98%) reach 40%.
        #expect(weakest.name == "A" && weakest.basis == .lowestConversion)
        #expect(weakest.nearTies.map(\.name) == ["B"])
        #expect(weakest.nearTies.first?.stage.target == nil)
    }

    @Test func aSingleStageHasNoWeakest() throws {
        let metrics = try self.metrics(header + "stage Only\n  reach 10\n  touchpoint \"P\" +1 via site\n")
        #expect(metrics.stages[0].conversion == nil)
        #expect(metrics.stages[0].overallConversion == 1)
        #expect(metrics.weakest == nil)
    }

    @Test func withoutTargetsTheLowestConversionIsWeakest() throws {
        let metrics = try self.metrics(
            header + """
                stage A
                  reach 1000
                  touchpoint "Sees" +1 via site
                stage B
                  reach 300
                  touchpoint "Compares" +1 via site
                stage C
                  reach 150
                  touchpoint "Pays" +1 via site
                """)
        let weakest = try #require(metrics.weakest)
        #expect(weakest.name == "A")  // 0.3 < 0.5
        #expect(weakest.basis == .lowestConversion)
        #expect(weakest.target == nil && weakest.recoverable == nil && !weakest.isSignificant)
        #expect(weakest.reason.hasPrefix("No stage has a target"))
    }

    @Test func tiesGoToLowerControlThenLowerExperience() throws {
        // A and B both convert at half their target; B's control is lower.
        let byControl = try metrics(
            header + """
                channel word earned
                stage A
                  reach 1000
                  target 40%
                  touchpoint "Sees" +1 via site measured
                stage B
                  reach 200
                  target 40%
                  touchpoint "Hears" +1 via word
                stage C
                  reach 40
                  touchpoint "Pays" +1 via site
                """)
        #expect(byControl.weakest?.name == "B")
        // Same control, B feels worse.
        let byExperience = try metrics(
            header + """
                stage A
                  reach 1000
                  target 40%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 200
                  target 40%
                  touchpoint "Waits" -2 via site
                stage C
                  reach 40
                  touchpoint "Pays" +1 via site
                """)
        #expect(byExperience.weakest?.name == "B")
        // Same control and experience: the earlier stage.
        let byOrder = try metrics(
            header + """
                stage A
                  reach 1000
                  target 40%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 200
                  target 40%
                  touchpoint "Compares" +1 via site
                stage C
                  reach 40
                  touchpoint "Pays" +1 via site
                """)
        #expect(byOrder.weakest?.name == "A")
    }

    @Test func aStageWithoutTouchpointsHasNoExperienceAndNoControl() throws {
        let metrics = try self.metrics(
            header + "stage A\n  reach 10\nstage B\n  reach 5\n  touchpoint \"P\" +1 via site\n")
        #expect(metrics.stages[0].experience == nil)
        #expect(metrics.stages[0].control == Control(influence: 0, measurement: 0))
        #expect(metrics.stages[0].control.control == 0)
    }

    @Test func aTouchpointWithoutChannelHasNoInfluence() throws {
        let metrics = try self.metrics(
            header + "stage A\n  reach 10\n  touchpoint \"P\" +1\n  touchpoint \"Q\" +1 via site measured\n")
        #expect(metrics.stages[0].control == Control(influence: 0.5, measurement: 0.5))
    }

    @Test func smallSamplesAreFlagged() throws {
        let metrics = try self.metrics(
            header + """
                stage A
                  reach 20
                  target 50%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 5
                  touchpoint "Pays" +1 via site
                """)
        let weakest = try #require(metrics.weakest)
        #expect(weakest.isSmallSample)
        // 5 of 20 against 50%: the interval 11% to 47% lies below the target.
        #expect(weakest.isSignificant)
        #expect(abs(try #require(weakest.recoverable) - 5) < 1e-9)  // 5 × (0.5 / 0.25 − 1)
    }

    @Test func onTargetEverywhereStillNamesTheClosestStage() throws {
        let metrics = try self.metrics(
            header + """
                stage A
                  reach 1000
                  target 10%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 500
                  target 40%
                  touchpoint "Compares" +1 via site
                stage C
                  reach 250
                  touchpoint "Pays" +1 via site
                """)
        let weakest = try #require(metrics.weakest)
        #expect(weakest.name == "B")  // 0.5 / 0.4 = 1.25 < 0.5 / 0.1 = 5
        #expect(weakest.shortfall == 0 && weakest.recoverable == 0 && !weakest.isSignificant)
        #expect(weakest.reason.hasPrefix("Every stage with a target meets it"))
        #expect(metrics.stagesBelowTarget.isEmpty)
    }

    @Test func reachIsRequiredOnEveryStage() {
        let journey = check(
            header + """
                stage A
                  reach 10
                  touchpoint "Sees" +1 via site
                stage B
                  touchpoint "Pays" +1 via site
                stage C
                  touchpoint "Returns" +1 via site
                """
        ).journey
        #expect(FunnelMetrics(journey: journey) == nil)
        let requirements = FunnelMetrics.requirements(for: journey)
        #expect(requirements.map(\.code) == ["reach-required", "reach-required"])
        #expect(
            requirements.map(\.message) == [
                "stage 'B' has no reach, and metrics need it on every stage",
                "stage 'C' has no reach, and metrics need it on every stage",
            ])
        #expect(requirements[0].location == SourceLocation(line: 7, column: 1))
    }

    @Test func aJourneyWithoutStagesHasNoMetrics() {
        let journey = check("journey Empty\n").journey
        #expect(FunnelMetrics(journey: journey) == nil)
        #expect(FunnelMetrics.requirements(for: journey).map(\.code) == ["no-stages"])
    }
}
