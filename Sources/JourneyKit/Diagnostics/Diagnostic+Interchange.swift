// Messages about journeys read from other formats, and the files written from them.

extension Diagnostic {
    static func jsonImport(_ message: String, at range: SourceRange) -> Diagnostic {
        .error("json-import", message, at: range,
               help: "the JSON format is described in docs/formats.md; journey export --format json writes it")
    }

    /// The journey read from another format does not make a valid `.journey` file.
    public static func importedJourneyInvalid(_ count: Int) -> Diagnostic {
        .error("imported-journey-invalid",
               "the imported journey has \(count == 1 ? "a problem" : "\(count) problems") (shown above), so it was not written",
               at: SourceRange(line: 1, column: 1),
               help: "fix the source file and import it again")
    }
}
