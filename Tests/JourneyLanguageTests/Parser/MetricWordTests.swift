import JourneyTestSupport
import Testing

@testable import JourneyLanguage

/// `ambiguous-metric`: a bare word after `measured` that looks meant as an option or a channel.
@Suite struct MetricWordTests {
    /// The width of the only `ambiguous-metric` warning for `marked`, in columns.
    private func warningLength(_ marked: String) -> Int? {
        let warnings = check(MarkedText(marked).text).diagnostics.filter { $0.code == "ambiguous-metric" }
        return warnings.count == 1 ? warnings[0].range.length : nil
    }

    @Test func misspeltViaIsReadAsTheMetric() {
        let source =
            header + """
                stage A
                  touchpoint "Pays" +1 measured 1️⃣vai 2️⃣site
                """
        expectDiagnostics(
            source,
            [
                .init(
                    marker: 1, code: "ambiguous-metric", severity: .warning,
                    message: "'vai' after 'measured' is read as the metric name, not as 'via'",
                    helpContains: "did you mean 'measured via site'?"),
                .init(marker: 2, code: "unknown-option", message: "unknown touchpoint option 'site'"),
            ])
        #expect(warningLength(source) == 3)
    }

    @Test func misspeltForTwoEditsAway() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1 via site measured 1️⃣fr 2️⃣ana
                """,
            [
                .init(
                    marker: 1, code: "ambiguous-metric", severity: .warning,
                    message: "'fr' after 'measured' is read as the metric name, not as 'for'",
                    helpContains: "did you mean 'measured for ana'?"),
                .init(marker: 2, code: "unknown-option"),
            ])
    }

    @Test func misspeltEngagement() {
        let source =
            header + """
                stage A
                  touchpoint "Pays" +1 via site measured 1️⃣engagment 2️⃣relationship
                """
        expectDiagnostics(
            source,
            [
                .init(
                    marker: 1, code: "ambiguous-metric", severity: .warning,
                    message: "'engagment' after 'measured' is read as the metric name, not as 'engagement'",
                    helpContains: "did you mean 'measured engagement relationship'?"),
                .init(marker: 2, code: "unknown-option"),
            ])
        #expect(warningLength(source) == 9)
    }

    @Test func capitalisedOptionIsReadAsTheMetric() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1 measured 1️⃣Via 2️⃣site
                """,
            [
                .init(
                    marker: 1, code: "ambiguous-metric", severity: .warning,
                    message: "'Via' after 'measured' is read as the metric name, not as 'via'"),
                .init(marker: 2, code: "unknown-option"),
            ])
    }

    @Test func quotedArgumentIsShownWithItsQuotes() {
        expectDiagnostics(
            """
            journey "Test"
            channel "web shop" owned
            stage A
              touchpoint "Pays" +1 measured 1️⃣vai 2️⃣"web shop"
            """,
            [
                .init(
                    marker: 1, code: "ambiguous-metric", severity: .warning,
                    helpContains: #"did you mean 'measured via "web shop"'?"#),
                .init(marker: 2, code: "unknown-option"),
            ])
    }

    @Test func declaredChannelIsReadAsTheMetric() {
        let source =
            header + """
                stage A
                  touchpoint "Pays" +1 measured 1️⃣site
                """
        expectDiagnostics(
            source,
            [
                .init(
                    marker: 1, code: "ambiguous-metric", severity: .warning,
                    message: "'site' after 'measured' is read as the metric name, not as the channel 'site'",
                    helpContains: "did you mean 'measured via site'? To name the metric 'site', "
                        + #"quote it: measured "site""#)
            ])
        #expect(warningLength(source) == 4)
    }

    @Test func channelDeclaredBelowItsUse() {
        expectDiagnostics(
            """
            journey "Test"
            stage A
              touchpoint "Pays" +1 measured 1️⃣app engagement relationship
            channel app owned
            """,
            [
                .init(
                    marker: 1, code: "ambiguous-metric", severity: .warning,
                    message: "'app' after 'measured' is read as the metric name, not as the channel 'app'")
            ])
    }

    // MARK: - Metrics that are not reported

    @Test func quotedMetricIsNotReported() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Sees a reel" +2 measured "reel views" via site
                  touchpoint "Pays" +1 measured "site"
                  touchpoint "Pays again" +1 measured "vai" via site
                """, [])
    }

    @Test func metricFarFromEveryOptionIsNotReported() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1 measured NPS via site
                  touchpoint "Recommends" +3 measured basket 1️⃣site
                """, [.init(marker: 1, code: "unknown-option")])
    }

    @Test func metricCloseToAnOptionIsNotReportedWithoutAnArgumentAfterIt() {
        // "ctr" and "roi" are two edits from "for", but nothing after them could be its persona.
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Clicks" +1 measured ctr via site
                  touchpoint "Pays" +1 via site measured roi
                  touchpoint "Returns" +1 measured fro for ana
                """, [])
    }

    @Test func channelIdOnATouchpointWithItsOwnChannelIsNotReported() {
        expectDiagnostics(
            header + """
                channel app owned
                stage A
                  touchpoint "Opens the app" +1 measured site via app
                """, [])
    }

    @Test func wordTwoEditsFromAnOptionIsReportedButNotThree() {
        // "vae" is two edits from "via"; "vaei" three.
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Pays" +1 measured 1️⃣vae 2️⃣site
                  touchpoint "Pays again" +1 measured vaei 3️⃣site
                """,
            [
                .init(marker: 1, code: "ambiguous-metric", severity: .warning),
                .init(marker: 2, code: "unknown-option"),
                .init(marker: 3, code: "unknown-option"),
            ])
    }
}
