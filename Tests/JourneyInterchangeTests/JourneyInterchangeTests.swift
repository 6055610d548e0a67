import JourneyTestSupport
import Testing

@testable import JourneyInterchange
@testable import JourneyLanguage

/// Every journey that checks cleanly exports, and reads back the same, in every format and
/// through the language's own formatter: the edges of what the language accepts included.
@Suite struct JourneyInterchangeTests {
    static let edges: [String] = [
        // A target far below what six decimals of a percentage show.
        """
        journey "Tiny target"
        channel site owned
        stage A
          reach 100
          target 0.0000000001%
          touchpoint "Sees" +1 via site
        stage B
          reach 10
          touchpoint "Pays" -1 via site
        """,
        // A target whose ratio is not the decimal divided by 100 in floating point.
        """
        journey "Thirds"
        channel site owned
        stage A
          target 33.33333333333333%
          touchpoint "Sees" +1 via site
        stage B
          touchpoint "Pays" -1 via site
        """,
        // The widest scale, its ends as scores, and a score with more than nine decimals.
        """
        journey "Wide"
        scale -1000..1000
        channel site owned
        stage A
          touchpoint "Best" +1000 via site
          touchpoint "Worst" -1000 via site
          touchpoint "Barely" +0.000000000001 via site
        """,
        // The narrowest scale, with ends that are not whole.
        """
        journey "Narrow"
        scale -1..1.0000000000001
        channel site owned
        stage A
          touchpoint "Fine" +0.5 via site
        """,
    ]

    @Test(arguments: edges)
    func theEdgesOfTheLanguageGoThereAndBack(source: String) {
        let parsed = check(source)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        for format in InterchangeFormat.allCases {
            let exported = JourneyInterchange.export(parsed.journey, as: format, name: "edge")
            #expect(exported.diagnostics.isEmpty, "\(format): \(exported.diagnostics.map(\.message))")
        }
        let formatted = check(JourneyFormatter.format(parsed.journey))
        #expect(formatted.diagnostics.isEmpty, "\(formatted.diagnostics.map(\.message))")
        #expect(formatted.journey.withoutSourceLocations() == parsed.journey.withoutSourceLocations())
    }
}
