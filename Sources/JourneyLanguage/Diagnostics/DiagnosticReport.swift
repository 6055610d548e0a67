/// Diagnostics of several files as one JSON document, for editors and CI.
///
/// ```json
/// {
///   "version": 1,
///   "diagnostics": [
///     {
///       "file": "shop.journey",
///       "line": 12,
///       "column": 1,
///       "endColumn": 6,
///       "severity": "error",
///       "code": "unknown-keyword",
///       "message": "unknown keyword 'stgae'",
///       "help": "did you mean 'stage'?"
///     }
///   ],
///   "errors": 1,
///   "warnings": 0
/// }
/// ```
/// Keys come in this order and `help` is `null` when there is none, so the output is
/// byte-identical from run to run. `version` changes only when a field changes meaning
/// or disappears.
public struct DiagnosticReport: Sendable {
    /// One diagnostic with the file it belongs to.
    public struct Entry: Sendable {
        public var file: String
        public var diagnostic: Diagnostic

        public init(file: String, diagnostic: Diagnostic) {
            self.file = file
            self.diagnostic = diagnostic
        }

        var json: JSONValue {
            .object([
                ("file", .string(file)),
                ("line", .integer(diagnostic.location.line)),
                ("column", .integer(diagnostic.location.column)),
                ("endColumn", .integer(diagnostic.range.endColumn)),
                ("severity", .string(diagnostic.severity.rawValue)),
                ("code", .string(diagnostic.code)),
                ("message", .string(diagnostic.message)),
                ("help", .string(diagnostic.help)),
            ])
        }
    }

    /// The format's version.
    public static let version = 1
    public var diagnostics: [Entry]

    public init(diagnostics: [Entry]) {
        self.diagnostics = diagnostics
    }

    /// The number of errors.
    public var errors: Int { diagnostics.filter { $0.diagnostic.severity == .error }.count }
    /// The number of warnings.
    public var warnings: Int { diagnostics.filter { $0.diagnostic.severity == .warning }.count }

    /// The report as pretty-printed JSON, ending with a newline.
    public func jsonText() -> String {
        JSONValue.object([
            ("version", .integer(Self.version)),
            ("diagnostics", .array(diagnostics.map(\.json))),
            ("errors", .integer(errors)),
            ("warnings", .integer(warnings)),
        ]).text()
    }
}
