import JourneyLanguage

// Messages about journeys read from other formats, and the documents written in them.

extension Diagnostic {
    static func jsonImport(_ message: String, at range: SourceRange) -> Diagnostic {
        .error(
            "json-import", message, at: range,
            help: "the JSON format is described in docs/formats.md; journey export --format json writes it")
    }

    static func exportDoesNotRoundTrip(_ format: String) -> Diagnostic {
        .error(
            "export-round-trip", "reading the \(format) export back does not give the same journey",
            at: SourceRange(line: 1, column: 1),
            help: "this is a bug in journey: please report it with the journey file")
    }
}
