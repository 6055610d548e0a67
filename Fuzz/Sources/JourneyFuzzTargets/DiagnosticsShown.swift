import JourneyLanguage

/// Formats `diagnostics` as `journey check` prints them, as text and as JSON, so that a target
/// also runs the code that points at lines and columns.
func show(_ diagnostics: [Diagnostic], in file: SourceFile) {
    let formatter = DiagnosticFormatter()
    for diagnostic in diagnostics {
        _ = formatter.format(diagnostic, in: file)
    }
    _ = DiagnosticReport(diagnostics: diagnostics.map { .init(file: file.name, diagnostic: $0) }).jsonText()
}
