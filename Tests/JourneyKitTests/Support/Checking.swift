import Testing
@testable import JourneyLanguage

/// Checks `source` as `journey check` does.
func check(_ source: String, name: String = "test.journey") -> ParsedJourney {
    JourneyChecker.check(SourceFile(name: name, text: source))
}

/// What a test expects of one diagnostic.
struct ExpectedDiagnostic {
    var marker: Int
    var code: String
    var severity: Diagnostic.Severity = .error
    /// The exact message, when the test pins it.
    var message: String?
    /// Text the help must contain, when the test pins it.
    var helpContains: String?
}

/// Expects exactly the given diagnostics, in file order, each at its marker.
func expectDiagnostics(
    _ marked: String,
    _ expected: [ExpectedDiagnostic],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let text = MarkedText(marked)
    let diagnostics = check(text.text).diagnostics
    let rendered = diagnostics.map { "\($0.location) \($0.severity) \($0.code): \($0.message)" }
    #expect(diagnostics.count == expected.count,
            "expected \(expected.count) diagnostics, got:\n\(rendered.joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    for (diagnostic, expectation) in zip(diagnostics, expected) {
        #expect(diagnostic.location == text[expectation.marker],
                "\(diagnostic.code) at \(diagnostic.location), expected marker \(expectation.marker) at \(text[expectation.marker])",
                sourceLocation: sourceLocation)
        #expect(diagnostic.code == expectation.code, sourceLocation: sourceLocation)
        #expect(diagnostic.severity == expectation.severity, sourceLocation: sourceLocation)
        if let message = expectation.message {
            #expect(diagnostic.message == message, sourceLocation: sourceLocation)
        }
        if let helpContains = expectation.helpContains {
            #expect(diagnostic.help?.contains(helpContains) == true,
                    "help was: \(diagnostic.help ?? "nil")", sourceLocation: sourceLocation)
        }
    }
}

/// The smallest valid header, to prefix test sources with.
let header = """
    journey "Test"
    channel site owned
    persona ana

    """
