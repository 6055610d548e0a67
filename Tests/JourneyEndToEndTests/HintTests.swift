import Foundation
import JourneyTestSupport
import Testing

/// Hints start in lower case: `= help: close every tag…`, never `= help: XML needs…`.
///
/// `runJourney` checks the hints of every run of the suite, and `expectDiagnostics` those of
/// every diagnostic it is given; these runs provoke the hints that started in upper case: two
/// with a proper noun, and `Media is one of …` where an unknown word has no close match.
@Suite("hints")
struct HintTests {
    @Test(
        "the hints of XML and Mermaid mistakes, and of an unknown choice, start in lower case",
        arguments: [
            (["validate", "broken.svg"], "broken.svg", "<svg><g></svg>\n"),
            (["import", "-o", "-", "scores.mmd"], "scores.mmd", "journey\nsection Find\nSearch: 7: Me\n"),
            (["import", "-o", "-", "title.mmd"], "title.mmd", "Journey\nsection Find\nSearch: 3: Me\n"),
            (["check", "media.journey"], "media.journey", "journey \"A\"\nchannel site zzz\n"),
        ])
    func lowerCase(_ arguments: [String], _ name: String, _ text: String) throws {
        try withTemporaryDirectory { folder in
            try folder.writing(text, to: name)
            let result = try runJourney(arguments, currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            let hints = HintStyle.hints(in: result.stderr)
            #expect(!hints.isEmpty, "\(result)")
            for hint in hints {
                #expect(HintStyle.startsInLowerCase(hint), "\(hint)")
            }
        }
    }

    @Test("a hint's first letter decides, whatever comes before it")
    func firstLetter() {
        #expect(HintStyle.startsInLowerCase("did you mean 'Purchase'?"))
        #expect(HintStyle.startsInLowerCase("'vcp' rates a relationship"))
        #expect(!HintStyle.startsInLowerCase("XML needs every tag closed"))
        #expect(!HintStyle.startsInLowerCase("'Journey' is"))
        #expect(
            HintStyle.hints(in: "x:1:1: error: m\n\u{1B}[1m  = help:\u{1B}[0m write it\n  = help: Use it\n")
                == ["write it", "Use it"])
    }
}
