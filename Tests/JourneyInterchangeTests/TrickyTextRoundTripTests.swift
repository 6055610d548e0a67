import JourneyTestSupport
import Testing

@testable import JourneyInterchange
@testable import JourneyLanguage

/// Every journey that checks cleanly exports to XML and JSON and reads back the same, whatever
/// characters its text holds; one that holds a character XML cannot carry does not check.
@Suite struct TrickyTextRoundTripTests {
    /// Labels that are hard for XML: white space it normalises, characters it escapes or forbids
    /// near the edges, line separators, combining marks, right-to-left text.
    static let labels = [
        "Tab\there", "CR\rthere", " leading and trailing ", "a  b", "<&>\"'", "]]>", "\u{85}NEL",
        "line\u{2028}separator", "DEL\u{7F}", "C1 \u{9B}", "e\u{301}", "😀 الدفع", "\u{A0}nbsp",
    ]

    static func journey(labelled label: String) -> String {
        let escaped = label.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        return """
            journey "\(escaped)"
            channel site owned "\(escaped)"
            persona ana "\(escaped)"
            stage A
              touchpoint "\(escaped)" +1 via site
                pain "\(escaped)"

            """
    }

    @Test(arguments: labels)
    func aJourneyThatChecksCleanlyExportsAndReadsBack(label: String) {
        let checked = check(Self.journey(labelled: label))
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics)")
        for format in [InterchangeFormat.xml, .json] {
            let exported = JourneyInterchange.export(checked.journey, as: format, name: "out")
            #expect(exported.diagnostics.isEmpty, "\(format): \(exported.diagnostics.map(\.message))")
        }
    }

    @Test func aLabelWithABellDoesNotCheckSoItIsNeverExported() {
        let checked = check(Self.journey(labelled: "Bell\u{07}"))
        #expect(checked.diagnostics.map(\.code) == Array(repeating: "control-character", count: 5))
    }
}
