/// Diagnostics of several files as one JSON document, for editors and CI.
///
/// ```json
/// {
///   "diagnostics" : [
///     { "code" : "unknown-keyword", "column" : 3, "endColumn" : 8, "file" : "a.journey",
///       "help" : "did you mean 'stage'?", "line" : 12, "message" : "unknown keyword 'stgae'",
///       "severity" : "error" }
///   ],
///   "errors" : 1,
///   "version" : 1,
///   "warnings" : 0
/// }
/// ```
/// Keys are sorted and `help` is `null` when there is none, so the output is byte-identical
/// from run to run. `version` changes only when a field changes meaning or disappears.
public struct DiagnosticReport: Encodable, Sendable {
    /// One diagnostic with the file it belongs to.
    public struct Entry: Encodable, Sendable {
        public var file: String
        public var diagnostic: Diagnostic

        public init(file: String, diagnostic: Diagnostic) {
            self.file = file
            self.diagnostic = diagnostic
        }

        private enum CodingKeys: String, CodingKey {
            case file, line, column, endColumn, severity, code, message, help
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(diagnostic.location.line, forKey: .line)
            try container.encode(diagnostic.location.column, forKey: .column)
            try container.encode(diagnostic.range.endColumn, forKey: .endColumn)
            try container.encode(diagnostic.severity, forKey: .severity)
            try container.encode(diagnostic.code, forKey: .code)
            try container.encode(diagnostic.message, forKey: .message)
            try container.encode(diagnostic.help, forKey: .help)
        }
    }

    /// The format's version.
    public var version = 1
    public var diagnostics: [Entry]

    public init(diagnostics: [Entry]) {
        self.diagnostics = diagnostics
    }

    /// The number of errors.
    public var errors: Int { diagnostics.filter { $0.diagnostic.severity == .error }.count }
    /// The number of warnings.
    public var warnings: Int { diagnostics.filter { $0.diagnostic.severity == .warning }.count }

    private enum CodingKeys: String, CodingKey {
        case version, diagnostics, errors, warnings
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(diagnostics, forKey: .diagnostics)
        try container.encode(errors, forKey: .errors)
        try container.encode(warnings, forKey: .warnings)
    }
}

import Foundation

extension DiagnosticReport {
    /// The report as pretty-printed JSON with sorted keys, ending with a newline.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
