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
/// the checks that ran on it, such as `["well-formed XML", "the SVG 1.1 DTD"]`.
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

    /// The checks that ran on one file, in the order they ran.
    public struct FileChecks: Sendable {
        public var file: String
        /// Each check as a person reads it, such as "the SVG 1.1 DTD".
        public var checks: [String]

        public init(file: String, checks: [String]) {
            self.file = file
            self.checks = checks
        }

        var json: JSONValue {
            .object([("file", .string(file)), ("checks", .array(checks.map { .string($0) }))])
        }
    }

    /// The format's version.
    public static let version = 1
    public var diagnostics: [Entry]
    /// The checks that ran on each file, for the commands that name them; empty for the others,
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
