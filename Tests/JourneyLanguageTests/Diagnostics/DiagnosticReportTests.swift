import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyLanguage

@Suite struct DiagnosticReportTests {
    private func report() -> DiagnosticReport {
        let file = SourceFile(name: "a/shop.journey", text: "journey \"Shop\"\nstgae A\nstage B\n")
        let entries = JourneyChecker.check(file).diagnostics.map {
            DiagnosticReport.Entry(file: file.name, diagnostic: $0)
        }
        return DiagnosticReport(diagnostics: entries)
    }

    @Test func jsonHasEveryFieldAnEditorNeeds() throws {
        let text = report().jsonText()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 1)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let first = diagnostics[0]
        #expect(first["file"] as? String == "a/shop.journey")
        #expect(first["line"] as? Int == 2)
        #expect(first["column"] as? Int == 1)
        #expect(first["endColumn"] as? Int == 6)
        #expect(first["severity"] as? String == "error")
        #expect(first["code"] as? String == "unknown-keyword")
        #expect(first["message"] as? String == "unknown keyword 'stgae'")
        #expect(first["help"] as? String == "did you mean 'stage'?")
        #expect(diagnostics[1]["severity"] as? String == "warning")
    }

    @Test func absentHelpIsNull() throws {
        let entry = DiagnosticReport.Entry(
            file: "x",
            diagnostic: Diagnostic(code: "c", severity: .error, message: "m", range: SourceRange(line: 1, column: 1)))
        let text = DiagnosticReport(diagnostics: [entry]).jsonText()
        #expect(text.contains(#""help": null"#))
    }

    @Test func jsonIsByteIdenticalFromRunToRun() throws {
        #expect(report().jsonText() == report().jsonText())
        #expect(report().jsonText().hasSuffix("}\n"))
    }

    @Test func keysComeInTheDocumentedOrderAndEmptyListsAreCompact() {
        #expect(
            DiagnosticReport(diagnostics: []).jsonText() == """
                {
                  "version": 1,
                  "diagnostics": [],
                  "errors": 0,
                  "warnings": 0
                }

                """)
    }
}
