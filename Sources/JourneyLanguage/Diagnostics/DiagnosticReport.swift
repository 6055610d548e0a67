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
/// or disappears. `journey validate` adds `checks` after `diagnostics`: for each file it read,
/// the checks it passed, such as `["well-formed XML", "the SVG 1.1 DTD"]`, and in `failed` the
/// checks it failed, such as `["the SVG 1.1 DTD"]`; a check that did not run is in neither.
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

    /// The checks that ran on one file, in the order they ran: those it passed and those it failed.
    public struct FileChecks: Sendable {
        public var file: String
        /// Each check the file passed, as a person reads it, such as "the SVG 1.1 DTD".
        public var checks: [String]
        /// Each check the file failed, such as "well-formed XML".
        public var failed: [String]

        public init(file: String, checks: [String], failed: [String] = []) {
            self.file = file
            self.checks = checks
            self.failed = failed
        }

        var json: JSONValue {
            .object([
                ("file", .string(file)), ("checks", .array(checks.map { .string($0) })),
                ("failed", .array(failed.map { .string($0) })),
            ])
        }
    }

    /// The format's version.
    public static let version = 1
    public var diagnostics: [Entry]
    /// The checks that ran on each file, passed and failed, for the commands that name them; empty for the others,
    /// and then left out of the JSON.
    public var checks: [FileChecks]

    public init(diagnostics: [Entry], checks: [FileChecks] = []) {
        self.diagnostics = diagnostics
        self.checks = checks
    }

    /// The number of errors.
    public var errors: Int { diagnostics.filter { $0.diagnostic.severity == .error }.count }
    /// The number of warnings.
    public var warnings: Int { diagnostics.filter { $0.diagnostic.severity == .warning }.count }

    /// The report as pretty-printed JSON, ending with a newline.
    public func jsonText() -> String {
        var members: [(String, JSONValue)] = [
            ("version", .integer(Self.version)),
            ("diagnostics", .array(diagnostics.map(\.json))),
        ]
        if !checks.isEmpty {
            members.append(("checks", .array(checks.map(\.json))))
        }
        members += [("errors", .integer(errors)), ("warnings", .integer(warnings))]
        return JSONValue.object(members).text()
    }
}
