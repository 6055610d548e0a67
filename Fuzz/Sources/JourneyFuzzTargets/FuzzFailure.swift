import JourneyLanguage

/// Stops the program when a result breaks a promise of journey's, so that libFuzzer keeps the
/// input as a crash.
///
/// The message goes to standard error with libFuzzer's report; `scripts/fuzz` matches the known
/// crashes' signatures against it.
enum FuzzFailure {
    /// Stops with `message` and the diagnostics that show what went wrong, formatted against `text`.
    static func stop(_ message: String, diagnostics: [Diagnostic] = [], in text: String? = nil) -> Never {
        let formatter = DiagnosticFormatter()
        let file = SourceFile(name: "<fuzz>", text: text ?? "")
        let shown = diagnostics.map { formatter.format($0, in: file) }.joined(separator: "\n")
        fatalError("journey-fuzz: \(message)\n\(shown)")
    }
}
