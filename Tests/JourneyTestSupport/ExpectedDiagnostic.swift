public import JourneyLanguage
import Testing

@testable import JourneyLanguage

/// What a test expects of one diagnostic.
public struct ExpectedDiagnostic: Sendable {
    /// The digit of the marker (1️⃣ … 9️⃣) that stands where the diagnostic points.
    public var marker: Int
    public var code: String
    public var severity: Diagnostic.Severity
    /// The exact message, when the test pins it.
    public var message: String?
    /// Text the help must contain, when the test pins it.
    public var helpContains: String?
    /// Whether the diagnostic must have a help line at all.
    public var requiresHelp: Bool

    public init(
        marker: Int, code: String, severity: Diagnostic.Severity = .error, message: String? = nil,
        helpContains: String? = nil, requiresHelp: Bool = false
    ) {
        self.marker = marker
        self.code = code
        self.severity = severity
        self.message = message
        self.helpContains = helpContains
        self.requiresHelp = requiresHelp
    }
}

/// Expects exactly the given diagnostics, in order, each at its marker in `marked`.
///
/// `diagnose` produces the diagnostics from the text without its markers: `journey check` by
/// default, or a Mermaid import, or an event-log read. `context` starts every failure message,
/// for tests that run the same text in several setups.
public func expectDiagnostics(
    _ marked: String,
    _ expected: [ExpectedDiagnostic],
    context: String = "",
    sourceLocation: Testing.SourceLocation = #_sourceLocation,
    diagnose: (String) -> [Diagnostic] = { check($0).diagnostics }
) {
    let text = MarkedText(marked)
    let diagnostics = diagnose(text.text)
    let prefix = context.isEmpty ? "" : "\(context): "
    #expect(
        diagnostics.count == expected.count,
        "\(prefix)expected \(expected.count) diagnostics, got:\n\(rendered(diagnostics))",
        sourceLocation: sourceLocation)
    for (diagnostic, expectation) in zip(diagnostics, expected) {
        #expect(
            diagnostic.location == text[expectation.marker],
            "\(prefix)\(diagnostic.code) at \(diagnostic.location), expected marker \(expectation.marker) at \(text[expectation.marker])",
            sourceLocation: sourceLocation)
        #expect(diagnostic.code == expectation.code, "\(prefix)", sourceLocation: sourceLocation)
        #expect(
            diagnostic.severity == expectation.severity, "\(prefix)\(diagnostic.code)", sourceLocation: sourceLocation)
        if let message = expectation.message {
            #expect(diagnostic.message == message, "\(prefix)", sourceLocation: sourceLocation)
        }
        if let helpContains = expectation.helpContains {
            #expect(
                diagnostic.help?.contains(helpContains) == true,
                "\(prefix)help was: \(diagnostic.help ?? "nil")", sourceLocation: sourceLocation)
        }
        if let help = diagnostic.help {
            #expect(
                HintStyle.startsInLowerCase(help), "\(prefix)\(diagnostic.code)'s hint starts in upper case: \(help)",
                sourceLocation: sourceLocation)
        }
        if expectation.requiresHelp {
            #expect(
                diagnostic.help?.isEmpty == false, "\(prefix)\(diagnostic.code) has no help",
                sourceLocation: sourceLocation)
        }
    }
}

/// Diagnostics one per line, `LINE:COLUMN SEVERITY CODE: MESSAGE`, for failure messages.
public func rendered(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { "\($0.location) \($0.severity) \($0.code): \($0.message)" }.joined(separator: "\n")
}

/// Checks `source` as `journey check` does.
public func check(_ source: String, name: String = "test.journey") -> ParsedJourney {
    JourneyChecker.check(SourceFile(name: name, text: source))
}

/// The smallest valid header, to prefix test sources with.
public let header = """
    journey "Test"
    channel site owned
    persona ana

    """
