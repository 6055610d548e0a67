import JourneyLanguage

// Messages about a small CSV file read whole by `CSVTable`; the rest it shares with event logs.

extension Diagnostic {
    /// The file holds no header row: it is empty, or holds only blank lines.
    static func emptyTable(columns: [String]) -> Diagnostic {
        .error(
            "empty-csv", "the file is empty: it has no header row", at: SourceRange(line: 1, column: 1),
            help: "the first line names the columns, such as: \(columns.joined(separator: ","))")
    }
}
