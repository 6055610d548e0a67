/// A problem found in a journey file, with where it is and what to do about it.
///
/// Diagnostics are values: the parser and the checks collect them and carry on, and
/// only the command-line tool decides what they mean for the exit code. Each message
/// has its own named constructor (see the `Diagnostic+…` files) so that messages are
/// worded alike, easy to find and tested one by one.
public struct Diagnostic: Hashable, Sendable {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        /// The file is valid but probably not what its author meant.
        case warning
        /// The file does not say what it means; commands that need the model refuse it.
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// A stable, kebab-case name for the kind of problem, such as `unknown-keyword`.
    public var code: String
    public var severity: Severity
    /// One sentence that says what is wrong, without a final full stop.
    public var message: String
    /// Where the problem is: the caret goes under these columns.
    public var range: SourceRange
    /// What to do about it, when there is something useful to say.
    public var help: String?

    public init(code: String, severity: Severity, message: String, range: SourceRange, help: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.range = range
        self.help = help
    }

    /// The first column of the problem.
    public var location: SourceLocation { range.start }

    package static func error(_ code: String, _ message: String, at range: SourceRange, help: String? = nil)
        -> Diagnostic
    {
        Diagnostic(code: code, severity: .error, message: message, range: range, help: help)
    }

    package static func warning(_ code: String, _ message: String, at range: SourceRange, help: String? = nil)
        -> Diagnostic
    {
        Diagnostic(code: code, severity: .warning, message: message, range: range, help: help)
    }
}

extension Sequence<Diagnostic> {
    /// Whether any of the diagnostics is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics in file order; diagnostics at the same place keep their order.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }
}
