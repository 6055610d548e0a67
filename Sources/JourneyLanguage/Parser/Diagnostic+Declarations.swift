// Messages about names: stages, personas and channels declared twice or used without being declared.

extension Diagnostic {
    static func duplicateStage(_ name: String, at range: SourceRange, first: SourceLocation) -> Diagnostic {
        .error(
            "duplicate-stage", "stage '\(name)' is declared twice", at: range,
            help: "the first is at line \(first.line); give each stage its own name")
    }

    static func duplicatePersona(_ id: String, at range: SourceRange, first: SourceLocation) -> Diagnostic {
        .error(
            "duplicate-persona", "persona '\(id)' is declared twice", at: range,
            help: "the first is at line \(first.line); give each persona its own id")
    }

    static func duplicateChannel(_ id: String, at range: SourceRange, first: SourceLocation) -> Diagnostic {
        .error(
            "duplicate-channel", "channel '\(id)' is declared twice", at: range,
            help: "the first is at line \(first.line); give each channel its own id")
    }

    /// `misspelt` is a line that looks like the channel's declaration with a misspelt keyword:
    /// the help then names it, the cause to fix, before any similar id.
    static func undeclaredChannel(
        _ id: String, suggestion: String?, misspelt: MisspeltDeclaration?, at range: SourceRange
    ) -> Diagnostic {
        let help =
            misspelt.map(misspeltDeclarationHelp) ?? suggestion.map { "did you mean '\($0)'?" }
            ?? "declare it with: channel \(id) owned|paid|partner|earned \"What it is\""
        return .error("undeclared-channel", "channel '\(id)' is not declared", at: range, help: help)
    }

    /// `misspelt` is a line that looks like the persona's declaration with a misspelt keyword.
    static func undeclaredPersona(
        _ id: String, suggestion: String?, misspelt: MisspeltDeclaration?, at range: SourceRange
    ) -> Diagnostic {
        let help =
            misspelt.map(misspeltDeclarationHelp) ?? suggestion.map { "did you mean '\($0)'?" }
            ?? "declare it with: persona \(id) \"Who they are\""
        return .error("undeclared-persona", "persona '\(id)' is not declared", at: range, help: help)
    }

    private static func misspeltDeclarationHelp(_ misspelt: MisspeltDeclaration) -> String {
        "line \(misspelt.line) looks like its misspelt declaration: "
            + "write '\(misspelt.target.keyword.rawValue)', not '\(misspelt.written)'"
    }
}
