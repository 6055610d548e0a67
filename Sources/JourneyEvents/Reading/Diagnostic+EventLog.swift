import JourneyLanguage

// Messages about event logs (CSV) read by `EventLogReader`, at their line and column in the CSV.

extension Diagnostic {
    /// How many malformed rows are reported one by one before the rest are counted.
    static let reportedBadRowsLimit = 20

    /// The accepted timestamp forms, for the help of `invalidTimestamp`.
    static let timestampForms =
        "write ISO 8601 (2026-11-23T15:04:05Z, 2026-11-23 15:04:05.123+01:00; without a zone "
        + "the time is UTC; a date alone, 2026-11-23, is midnight UTC) or epoch seconds (1795446245) "
        + "or milliseconds (1795446245123)"

    /// The input holds no header row: it is empty, or holds only blank lines.
    static func emptyEventLog() -> Diagnostic {
        .error(
            "empty-event-log", "the event log is empty: it has no header row", at: SourceRange(line: 1, column: 1),
            help: "the first line names the columns, such as: customer_id,timestamp,event")
    }

    /// The header has no column named `name`.
    ///
    /// `option` is the command-line option that names another column (such as
    /// `--time-column`), `columns` the header's columns and `suggestion` the one closest to
    /// `name`, if any.
    static func missingColumn(
        _ name: String, option: String, columns: [String], suggestion: String?,
        at range: SourceRange
    ) -> Diagnostic {
        let shown =
            columns.prefix(20).map { "'\($0)'" }.joined(separator: ", ")
            + (columns.count > 20 ? " and \(columns.count - 20) more" : "")
        let listing = "the header's columns are \(shown)"
        let help =
            suggestion.map { "did you mean '\($0)'? Pass \(option) '\($0)' to use it; \(listing)" }
            ?? "\(listing); pass \(option) NAME to use one of them"
        return .error("missing-column", "the header has no column '\(name)'", at: range, help: help)
    }

    /// A row with fewer fields than the header has columns; the range is the end of the row.
    static func tooFewFields(_ count: Int, expected: Int, at range: SourceRange) -> Diagnostic {
        .error(
            "too-few-fields", "this row has \(fieldCount(count)), but the header has \(expected)", at: range,
            help: "every row needs a value for each column of the header, even an empty one: a,,c")
    }

    /// A row with more fields than the header has columns; the range starts at the first extra comma.
    static func tooManyFields(_ count: Int, expected: Int, at range: SourceRange) -> Diagnostic {
        .error(
            "too-many-fields", "this row has \(fieldCount(count)), but the header has \(expected)", at: range,
            help: "a value holding a comma must be quoted, such as \"Paris, France\"")
    }

    /// The last row of a stream without a line break after it.
    static func rowCutAtEnd(at range: SourceRange) -> Diagnostic {
        .error(
            "row-cut-at-end", "the input ends in this row, without a line break after it: it may have been cut",
            at: range,
            help: "a program writing the log may have stopped early; if the row is whole, end the log with a line "
                + "break, or skip the row with --skip-bad-rows")
    }

    /// A quoted field whose closing quote never comes; the range is its opening quote.
    static func unterminatedQuote(at range: SourceRange) -> Diagnostic {
        .error(
            "unterminated-quote", "this quoted field is never closed", at: range,
            help: "close it with a double quote; a quote inside a quoted field is written twice: \"\"")
    }

    /// Text right after the closing quote of a field, where a comma or the end of the line belongs.
    static func textAfterQuote(_ text: String, at range: SourceRange) -> Diagnostic {
        .error(
            "text-after-quote", "unexpected '\(text)' after the closing quote of a field", at: range,
            help: "a quoted field ends at its closing quote; write a quote inside it twice: \"He said \"\"hi\"\"\"")
    }

    /// A timestamp that is not in an accepted form; `reason` says what is wrong with it.
    package static func invalidTimestamp(_ text: String, reason: String, at range: SourceRange) -> Diagnostic {
        let shown =
            text.unicodeScalars.count > 40
            ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…" : text
        return .error(
            "invalid-timestamp", "'\(shown)' is not a valid timestamp: \(reason)", at: range,
            help: timestampForms)
    }

    /// An event row whose customer id is empty.
    static func emptyCustomerID(at range: SourceRange) -> Diagnostic {
        .error(
            "empty-customer-id", "the customer id is empty", at: range,
            help: "every event needs the customer it happened to")
    }

    /// More malformed rows than are reported one by one; the range is the first not reported.
    static func moreBadRows(_ count: Int, at range: SourceRange) -> Diagnostic {
        let rows = count == 1 ? "1 more row is" : "\(NumberFormatting.grouped(count)) more rows are"
        return .error(
            "more-bad-rows", "\(rows) malformed, from this one on; only the first \(reportedBadRowsLimit) are shown",
            at: range, help: "fix them, or pass --skip-bad-rows to leave malformed rows out and count them")
    }

    /// With `--skip-bad-rows`: how many malformed rows were left out, at the first of them.
    static func skippedRows(_ count: Int, first: Diagnostic) -> Diagnostic {
        let rows = count == 1 ? "1 malformed row" : "\(NumberFormatting.grouped(count)) malformed rows"
        return .warning(
            "skipped-rows", "skipped \(rows), the first here: \(first.message)", at: first.range,
            help: first.help.map { "they are left out of the funnel; \($0)" }
                ?? "they are left out of the funnel")
    }

    private static func fieldCount(_ count: Int) -> String {
        count == 1 ? "1 field" : "\(count) fields"
    }
}
