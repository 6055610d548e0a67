import JourneyTestSupport
import Testing

@testable import JourneyLanguage

/// `control-character`: text that XML cannot carry is refused by `journey check`, at its column.
@Suite struct ControlCharacterCheckTests {
    @Test func aControlCharacterInALabelIsAnErrorAtItsColumn() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Rings 1️⃣\u{07} twice" +1 via site
                    pain "Esc 2️⃣\u{1B}[31m and a form feed 3️⃣\u{0C}"
                """,
            [
                .init(
                    marker: 1, code: "control-character",
                    message: "the text holds the control character U+0007, which XML cannot carry"),
                .init(
                    marker: 2, code: "control-character",
                    message: "the text holds the control character U+001B, which XML cannot carry"),
                .init(marker: 3, code: "control-character"),
            ])
    }

    @Test func uFFFEAndUFFFFAreRefusedToo() {
        expectDiagnostics(
            header + """
                stage A
                  touchpoint "Not a character: 1️⃣\u{FFFE}" +1 via site
                    idea "2️⃣\u{FFFF}"
                """,
            [
                .init(
                    marker: 1, code: "control-character",
                    message: "the text holds the control character U+FFFE, which XML cannot carry"),
                .init(marker: 2, code: "control-character"),
            ])
    }

    @Test func tabCarriageReturnAndWhiteSpaceOutsideStringsAreFine() {
        // A tab and a carriage return inside a string are written as &#9; and &#13;; a form feed
        // between words is white space, and a comment is never written anywhere.
        let result = check(
            header + "stage A\n  touchpoint \"Tab\there, CR\rthere\" +1 via site\n\u{0C}# bell \u{07}\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.journey.touchpoints.first?.name == "Tab\there, CR\rthere")
    }
}
