import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyAnalysis
@testable import JourneyLanguage

@Suite struct MetricsReportTests {
    private func dressmate() throws -> (Journey, FunnelMetrics) {
        let url = Repository.root.appendingPathComponent("journeys/dressmate.journey")
        let journey = check(try String(contentsOf: url, encoding: .utf8)).journey
        return (journey, try #require(FunnelMetrics(journey: journey)))
    }

    @Test func jsonHasTheDocumentedShapeAndPlainNumbers() throws {
        let text = MetricsJSONReport.render(try dressmate().1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["journey"] as? String == "Dressmate — first order")
        let stages = try #require(object["stages"] as? [[String: Any]])
        #expect(stages.count == 5)
        let purchase = stages[2]
        #expect(purchase["name"] as? String == "Purchase")
        #expect(purchase["reach"] as? Int == 9000)
        #expect(purchase["conversion"] as? Double == 0.344444)  // rounded to 6 decimals
        #expect(purchase["target"] as? Double == 0.5)
        #expect(purchase["overallConversion"] as? Double == 0.075)
        #expect(purchase["dropOff"] as? Int == 5900)
        #expect((purchase["experience"] as? [String: Any])?["lowest"] as? Int == -4)
        #expect(purchase["painPoints"] as? Int == 1)
        #expect(purchase["control"] as? Int == 1)
        #expect((purchase["wilson"] as? [String: Any])?["low"] as? Double == 0.334695)
        #expect(stages[4]["conversion"] is NSNull)
        #expect(stages[4]["target"] is NSNull)
        let weakest = try #require(object["weakest"] as? [String: Any])
        #expect(weakest["stage"] as? String == "Purchase")
        #expect(weakest["recoverable"] as? Int == 1174)
        #expect(weakest["shortfall"] as? Double == 0.311111)
        #expect(weakest["significant"] as? Bool == true)
        #expect(weakest["reason"] is String)
    }

    @Test func jsonIsByteIdenticalFromRunToRun() throws {
        let (_, metrics) = try dressmate()
        #expect(MetricsJSONReport.render(metrics) == MetricsJSONReport.render(metrics))
    }

    @Test func tableShowsEveryStageAndTheVerdict() throws {
        let text = MetricsTableReport.render(try dressmate().1)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Dressmate — first order")
        #expect(lines[1].hasPrefix("Stage"))
        #expect(
            lines.contains {
                $0.hasPrefix("Purchase") && $0.contains("9,000") && $0.contains("34.4%") && $0.contains("50%")
            })
        #expect(lines.contains { $0.hasPrefix("Loyalty") && $0.contains("–") })
        #expect(text.contains("Weakest stage: Purchase."))
        #expect(text.contains("about 1,174 more people"))
        // Columns line up: every row of the table is as wide as the rule or narrower.
        let rule = try #require(lines.first { $0.hasPrefix("─") })
        for row in lines[1...7] {
            #expect(TextTable.displayWidth(of: row) <= TextTable.displayWidth(of: rule))
        }
    }

    @Test func percentagesRoundHalfAwayFromZero() {
        #expect(NumberFormatting.percent(0.34444) == "34.4%")
        #expect(NumberFormatting.percent(0.00049) == "0%")
        #expect(NumberFormatting.percent(0.1255, maximumFractionDigits: 2) == "12.55%")
        #expect(NumberFormatting.percent(1.0) == "100%")
        #expect(NumberFormatting.grouped(120000) == "120,000")
        #expect(NumberFormatting.grouped(999) == "999")
        #expect(NumberFormatting.grouped(-1_234_567) == "-1,234,567")
    }

    @Test func csvHasAHeaderAndOneRowPerStage() throws {
        let text = MetricsCSVReport.render(try dressmate().1)
        let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 6)
        #expect(rows[0] == MetricsCSVReport.columns.joined(separator: ","))
        #expect(rows[3].hasPrefix("Purchase,9000,0.344444,0.5,0.075,5900,-1,-4,2,1,1,1,1,"))
        #expect(rows[3].hasSuffix(",true"))
        #expect(rows[5].hasPrefix("Loyalty,2600,,,"))
    }

    @Test func csvQuotesFieldsThatNeedIt() {
        #expect(MetricsCSVReport.quoted("plain") == "plain")
        #expect(MetricsCSVReport.quoted("a, b") == "\"a, b\"")
        #expect(MetricsCSVReport.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }

    @Test func weakestVerdictNamesStageWorthControlAndPainPoints() throws {
        let (journey, metrics) = try dressmate()
        let text = WeakestStageReport(journey: journey, metrics: metrics).text()
        #expect(text.contains("Weakest stage: Purchase"))
        #expect(text.contains("against a target of 50%: 15.6 points short (31.1% below target), the furthest"))
        #expect(text.contains("about 1,174 more people to the end of the funnel (Loyalty)"))
        #expect(text.contains("The shortfall is significant"))
        #expect(text.contains("Control: 100%"))
        #expect(text.contains("1. Purchase: \"Checkout asks her to create an account\" (-4)"))
        #expect(text.contains("idea: Offer guest checkout"))
        #expect(
            text.contains(
                "Consideration: 30% against a target of 40%, 10 points short (25% below target); about 867 more people")
        )
    }

    @Test func aNearTieOnTargetAsksWhichIsCloserToMissingIt() throws {
        // 2 of 4 and 1 of 2 against 50%: both on target, and too few people to tell them apart.
        let journey = check(
            header + """
                stage A
                  reach 4
                  target 50%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 2
                  target 50%
                  touchpoint "Compares" +1 via site
                stage C
                  reach 1
                  touchpoint "Pays" +1 via site
                """
        ).journey
        let metrics = try #require(FunnelMetrics(journey: journey))
        let sentence = try #require(metrics.weakest.flatMap(WeakestStageReport.nearTie))
        #expect(sentence.hasPrefix("Near tie: B converts 50% against a target of 50%; "))
        #expect(sentence.hasSuffix("which of A and B is closer to missing its target: look at both."))
    }

    @Test func aFractionOfAPersonIsNeverAboutZeroPeople() {
        #expect(WeakestStageReport.morePeople(1_174.4) == "about 1,174 more people")
        #expect(WeakestStageReport.morePeople(1.2) == "about 1 more person")
        #expect(WeakestStageReport.morePeople(0.4) == "less than 1 more person")
    }

    @Test func aNearTieIsNamedInTheVerdictAndItsJSON() throws {
        let journey = check(
            header + """
                stage A
                  reach 200
                  target 50%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 80
                  target 50%
                  touchpoint "Compares" +1 via site
                stage C
                  reach 34
                  touchpoint "Pays" +1 via site
                """
        ).journey
        let metrics = try #require(FunnelMetrics(journey: journey))
        let report = WeakestStageReport(journey: journey, metrics: metrics)
        #expect(
            report.text().contains(
                "  Near tie: B converts 42.5% against a target of 50%, 7.5 points short (15% below target); "
                    + "within the uncertainty of the two conversions (their 95% intervals), the data cannot tell "
                    + "which of A and B is weaker: look at both.\n"))
        #expect(MetricsTableReport.verdict(metrics).contains("Near tie: B converts 42.5%"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let weakest = try #require(object["weakest"] as? [String: Any])
        let ties = try #require(weakest["nearTies"] as? [[String: Any]])
        #expect(ties.count == 1)
        #expect(ties.first?["stage"] as? String == "B")
        #expect(ties.first?["shortfallPoints"] as? Double == 0.075)
        #expect(weakest["shortfallPoints"] as? Double == 0.1)
    }

    @Test func howToRaiseControlListsUnmeasuredAndNotOwnedTouchpoints() throws {
        let journey = check(
            header + """
                channel ads paid
                channel word earned
                stage A
                  reach 1000
                  target 50%
                  touchpoint "Sees an ad" +1 via ads measured
                  touchpoint "Hears from a friend" +2 via word
                  touchpoint "Reads the site" +1 via site
                  touchpoint "Checks out" +1 via site measured
                stage B
                  reach 100
                  touchpoint "Pays" -1 via site
                """
        ).journey
        let metrics = try #require(FunnelMetrics(journey: journey))
        let report = WeakestStageReport(journey: journey, metrics: metrics)
        #expect(report.controlGaps.map(\.touchpoint) == ["Sees an ad", "Hears from a friend", "Reads the site"])
        #expect(report.controlGaps.map(\.media) == [.paid, .earned, .owned])
        #expect(report.controlGaps.map(\.isUnmeasured) == [false, true, true])
        let text = report.text()
        #expect(text.contains("To raise it:"))
        #expect(
            text.contains(
                "\"Hears from a friend\": Measure it: nobody would notice a change here. word is earned media"))
    }

    @Test func weakestJSONCarriesTheVerdict() throws {
        let (journey, metrics) = try dressmate()
        let text = WeakestStageReport(journey: journey, metrics: metrics).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let weakest = try #require(object["weakest"] as? [String: Any])
        #expect(weakest["stage"] as? String == "Purchase")
        #expect(weakest["control"] as? Int == 1)
        #expect((weakest["raiseControl"] as? [Any])?.isEmpty == true)
        let painPoints = try #require(object["painPoints"] as? [[String: Any]])
        #expect(painPoints.first?["stage"] as? String == "Purchase")
        #expect(painPoints.first?["ideas"] as? [String] == ["Offer guest checkout"])
        let below = try #require(object["belowTarget"] as? [[String: Any]])
        #expect(below.map { $0["stage"] as? String } == ["Consideration", "Purchase", "Delivery"])
        #expect(below[0]["recoverable"] as? Int == 867)
    }
}

// MARK: - Partners

extension MetricsReportTests {
    private static let partnersJourney = """
        journey "Partners"
        channel shop     owned
        channel courier  partner "Courier" vcp profitability theirs credibility
        channel reseller partner vcp profitability
        channel reviews  earned vcp visibility
        stage Visit
          reach 100
          target 50%
          touchpoint "Browses" +1 via shop
        stage Buy
          reach 40
          touchpoint "Pays" +1 via shop

        """

    private func partners() throws -> (Journey, FunnelMetrics) {
        let journey = check(Self.partnersJourney).journey
        return (journey, try #require(FunnelMetrics(journey: journey)))
    }

    @Test func theTableListsThePartnersAfterTheVerdict() throws {
        let text = MetricsTableReport.render(try partners().1)
        #expect(
            text.hasSuffix(
                """

                Partner   Media    Ours           Theirs       Level
                ────────  ───────  ─────────────  ───────────  ─────────────
                courier   partner  profitability  credibility  credibility
                reseller  partner  profitability  –            profitability
                reviews   earned   visibility     –            visibility
                Level: the lower of our view and theirs (visibility < credibility < profitability).
                1 of 3 partners reaches profitability: reseller.
                Aim for 4 or 5 partners at profitability, who send you customers as you send them theirs: 3 more.
                The closest: courier (credibility: profitability in our view, credibility in theirs), reviews
                (visibility).

                """))
    }

    @Test func withoutRatedPartnersTheTableSaysNothingOfThem() throws {
        let text = MetricsTableReport.render(try dressmate().1)
        #expect(!text.contains("Partner"))
        #expect(
            text.hasSuffix("the 95% interval of its conversion, 33.5% to 35.4%, lies below the\ntarget.\n"))
    }

    @Test func jsonListsThePartnersAndCountsTheProfitableOnes() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(MetricsJSONReport.render(try partners().1).utf8))
                as? [String: Any])
        let list = try #require(object["partners"] as? [[String: Any]])
        #expect(list.map { $0["channel"] as? String } == ["courier", "reseller", "reviews"])
        #expect(list[0]["ours"] as? String == "profitability")
        #expect(list[0]["theirs"] as? String == "credibility")
        #expect(list[0]["level"] as? String == "credibility")
        #expect(list[1]["theirs"] is NSNull)
        #expect(list[2]["media"] as? String == "earned")
        #expect(object["profitablePartners"] as? Int == 1)

        let dressmate = try #require(
            try JSONSerialization.jsonObject(with: Data(MetricsJSONReport.render(try dressmate().1).utf8))
                as? [String: Any])
        #expect((dressmate["partners"] as? [Any])?.isEmpty == true)
        #expect(dressmate["profitablePartners"] as? Int == 0)
    }

    @Test func weakestSaysHowManyPartnersReachProfitabilityAndWhatToAimFor() throws {
        let (journey, metrics) = try partners()
        let report = WeakestStageReport(journey: journey, metrics: metrics)
        #expect(
            report.text().hasSuffix(
                """

                Partners: 1 of 3 partners reaches profitability: reseller.
                  Aim for 4 or 5 partners at profitability, who send you customers as you send them theirs: 3 more. \
                The closest: courier (credibility: profitability in our view, credibility in theirs), reviews (visibility).

                """))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect((object["partners"] as? [Any])?.count == 3)
        #expect(object["profitablePartners"] as? Int == 1)
        #expect((object["partnerAdvice"] as? String)?.hasPrefix("Aim for 4 or 5 partners") == true)
    }

    @Test func weakestSaysNothingOfPartnersWhenNoneIsRated() throws {
        let (journey, metrics) = try dressmate()
        let report = WeakestStageReport(journey: journey, metrics: metrics)
        #expect(!report.text().contains("Partners"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(object["partnerAdvice"] is NSNull)
    }
}
