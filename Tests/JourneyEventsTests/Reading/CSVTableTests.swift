import JourneyTestSupport
import Testing

@testable import JourneyEvents
@testable import JourneyLanguage

/// A small CSV file read whole: its fields with their places, and one diagnostic per malformed row.
@Suite struct CSVTableTests {
    static let columns = [
        CSVTable.Column("customer_id", option: "--customer-column"),
        CSVTable.Column("score", option: "--score-column"),
        CSVTable.Column("note", option: "--contacts", isRequired: false),
    ]

    private func read(_ text: String) -> (table: CSVTable, diagnostics: [Diagnostic]) {
        CSVTable.read(bytes: Array(text.utf8), columns: Self.columns)
    }

    @Test func fieldsComeInTheOrderAskedWithTheirPlaces() throws {
        let (table, diagnostics) = read("\u{FEFF}score, customer_id ,other\r\n\n7,\"ana, \"\"A\"\"\",x\r\n")
        #expect(diagnostics.isEmpty, "\(rendered(diagnostics))")
        #expect(table.hasColumn == [true, true, false])
        let row = try #require(table.rows.first)
        #expect(table.rows.count == 1)
        #expect(row.line == 3)
        #expect(row.fields[0]?.text == "ana, \"A\"")
        #expect(row.fields[0]?.range == SourceRange(line: 3, column: 3, length: 12))
        #expect(row.fields[1]?.text == "7")
        #expect(row.fields[2] == nil)
        #expect(table.lineText(1) == "score, customer_id ,other")
        #expect(table.lineText(3) == "7,\"ana, \"\"A\"\"\",x")
    }

    @Test func aQuotedLineBreakMovesTheNextRowsLine() {
        let (table, diagnostics) = read("customer_id,score\n\"a\nb\",1\nc,2\n")
        #expect(diagnostics.isEmpty)
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(table.rows.map { $0.fields[0]?.text } == ["a\nb", "c"])
    }

    @Test func everyMalformedRowIsDiagnosedAndLeftOut() {
        expectDiagnostics(
            """
            customer_id,score
            ana1️⃣
            ben,82️⃣,9
            "cy"3️⃣x,1
            dan,10
            """,
            [
                .init(marker: 1, code: "too-few-fields", message: "this row has 1 field, but the header has 2"),
                .init(marker: 2, code: "too-many-fields"),
                .init(marker: 3, code: "text-after-quote"),
            ]
        ) { read($0).diagnostics }
        #expect(read("customer_id,score\nana\ndan,10\n").table.rows.map(\.line) == [3])
    }

    @Test func missingColumnsAreNamedWithTheOptionThatRenamesThem() {
        expectDiagnostics(
            """
            customer_id,1️⃣scores
            ana,1
            """,
            [
                .init(
                    marker: 1, code: "missing-column", message: "the header has no column 'score'",
                    helpContains: "did you mean 'scores'? Pass --score-column 'scores'")
            ]
        ) { read($0).diagnostics }
    }

    @Test func anEmptyFileNamesTheColumnsItNeeds() {
        expectDiagnostics(
            "1️⃣\n\n",
            [
                .init(
                    marker: 1, code: "empty-csv", message: "the file is empty: it has no header row",
                    helpContains: "customer_id,score,note")
            ]
        ) { read($0).diagnostics }
    }

    @Test func anUnterminatedQuoteStopsTheReading() {
        expectDiagnostics(
            """
            customer_id,score
            ana,1️⃣"1
            ben,2
            """,
            [.init(marker: 1, code: "unterminated-quote")]
        ) { read($0).diagnostics }
    }
}
