import JourneyLanguage

// Messages about Mermaid `journey` diagrams read by `MermaidImporter`, at their line and column.

extension Diagnostic {
    /// The text does not start with `journey`: another kind of Mermaid diagram, or none.
    ///
    /// `found` is the first word of the first statement, nil when the text holds none.
    static func mermaidNotJourney(found: String?, at range: SourceRange) -> Diagnostic {
        let message =
            found.map { "not a Mermaid journey diagram: it starts with '\($0)'" }
            ?? "not a Mermaid journey diagram: the text is empty"
        let help =
            found?.lowercased() == "journey"
            ? "write 'journey' in lower case: Mermaid recognises the diagram only by that word"
            : "a user-journey diagram starts with the line 'journey', then 'title', 'section' and task lines"
        return .error("mermaid-not-journey", message, at: range, help: help)
    }

    /// A task before the first `section`: it is put in a stage of its own.
    static func mermaidTaskBeforeSection(stage: String, at range: SourceRange) -> Diagnostic {
        .warning(
            "mermaid-task-before-section", "task before any section: it goes in a stage named '\(stage)'",
            at: range, help: "put a 'section' line above it, such as: section Getting started")
    }

    /// A task line whose score, between the first and second colon, is empty.
    static func mermaidMissingScore(task: String, at range: SourceRange) -> Diagnostic {
        .error(
            "mermaid-missing-score", "task '\(task)' has no score", at: range,
            help: "write a score from 1 (worst) to 5 (best) after the colon, such as: \(task): 3: Me")
    }

    /// A score that is not a decimal number.
    static func mermaidInvalidScore(_ text: String, at range: SourceRange) -> Diagnostic {
        .error(
            "mermaid-invalid-score", "'\(text)' is not a score", at: range,
            help: "write a number from 1 (worst) to 5 (best), such as 4 or 2.5")
    }

    /// A score outside Mermaid's 1..5.
    static func mermaidScoreOutOfRange(_ text: String, at range: SourceRange) -> Diagnostic {
        .error(
            "mermaid-score-out-of-range", "the score \(text) is outside Mermaid's 1..5", at: range,
            help: "a Mermaid score runs from 1 (worst) through 3 (neutral) to 5 (best)")
    }

    /// A line that is neither a statement Mermaid's journey grammar knows nor a task.
    static func mermaidUnknownStatement(_ text: String, at range: SourceRange) -> Diagnostic {
        .error(
            "mermaid-unknown-statement", "'\(text)' is neither a journey statement nor a task", at: range,
            help: "a task is written 'Task name: score: actors', such as 'Make tea: 5: Me'; "
                + "the statements are title, section, accTitle and accDescr")
    }

    /// A task line starting with `journey`, which Mermaid's lexer reads as the diagram keyword.
    static func mermaidTaskStartsWithJourney(at range: SourceRange) -> Diagnostic {
        .error(
            "mermaid-unknown-statement", "Mermaid reads 'journey' at the start of a line as the diagram's keyword",
            at: range,
            help: "to start a task's name with it, write its first letter as an entity: #74;ourney or #106;ourney")
    }

    /// A block that is opened and never closed: `accDescr {`, front matter or a directive.
    ///
    /// `what` names it, such as "'accDescr {'"; `closing` is what closes it.
    static func mermaidUnterminatedBlock(_ what: String, closing: String, at range: SourceRange) -> Diagnostic {
        .error(
            "mermaid-unterminated-block", "\(what) is never closed", at: range,
            help: "close it with '\(closing)'; everything after it was read as part of it")
    }

    /// A second section with the name of an earlier one: stage names are unique, so it is renamed.
    static func mermaidDuplicateSection(_ name: String, renamed: String, first: SourceLocation, at range: SourceRange)
        -> Diagnostic
    {
        .warning(
            "mermaid-duplicate-section", "section '\(name)' appears twice: this one becomes stage '\(renamed)'",
            at: range, help: "the first is at line \(first.line); give each section its own name")
    }

    /// A `title`, `section` or task without its text.
    ///
    /// `what` is "'title'", "'section'" or "the task".
    static func mermaidMissingText(_ what: String, needs thing: String, at range: SourceRange) -> Diagnostic {
        .error(
            "mermaid-missing-text", "\(what) needs \(thing)", at: range,
            help: "write it on the same line, such as: section Go to work")
    }

    /// A character Mermaid's journey grammar cannot parse in that place, such as `;`.
    static func mermaidInvalidCharacter(_ scalar: Unicode.Scalar, place: String, at range: SourceRange) -> Diagnostic {
        .error(
            "mermaid-invalid-character", "Mermaid cannot read '\(scalar)' in \(place)", at: range,
            help: "write it as the entity #\(scalar.value); and Mermaid shows '\(scalar)'")
    }

    /// Text after a third colon on a task line, which Mermaid ignores.
    static func mermaidIgnoredText(_ text: String, at range: SourceRange) -> Diagnostic {
        .warning(
            "mermaid-ignored-text", "Mermaid ignores '\(text)' after the actors", at: range,
            help: "a task is 'Task name: score: actors'; write a colon in a name or actor as #58;")
    }

    // MARK: - The %% journey: comments

    /// `%% journey:KEY` with a key the vocabulary does not have.
    static func mermaidUnknownAnnotation(_ key: String, suggestion: String?, at range: SourceRange) -> Diagnostic {
        let keys = MermaidAnnotation.Key.allCases.map(\.rawValue).joined(separator: ", ")
        let help =
            suggestion.map { "did you mean 'journey:\($0)'? The comments are journey:\(keys)" }
            ?? "the journey: comments are \(keys)"
        return .warning(
            "mermaid-unknown-annotation", "unknown comment 'journey:\(key)': it is ignored", at: range,
            help: help)
    }

    /// A `%% journey:` comment whose value cannot be read: it is ignored.
    ///
    /// `expected` says what the value should be, such as "a count of people".
    static func mermaidMalformedAnnotation(_ key: String, expected: String, example: String, at range: SourceRange)
        -> Diagnostic
    {
        .warning(
            "mermaid-malformed-annotation", "'journey:\(key)' needs \(expected): the comment is ignored",
            at: range, help: "for example: \(example)")
    }

    /// A `%% journey:` comment below something it does not belong to, such as `pain` under a section.
    static func mermaidMisplacedAnnotation(_ key: String, belongs owner: String, at range: SourceRange) -> Diagnostic {
        .warning(
            "mermaid-misplaced-annotation", "'journey:\(key)' must follow \(owner): the comment is ignored",
            at: range, help: "put it on the line just below \(owner) it describes")
    }

    /// A `%% journey:` comment given twice for one thing: the first is kept.
    static func mermaidRepeatedAnnotation(_ key: String, first: SourceLocation, at range: SourceRange) -> Diagnostic {
        .warning(
            "mermaid-repeated-annotation", "'journey:\(key)' is given twice: the first is kept", at: range,
            help: "the first is at line \(first.line); keep one")
    }

    /// `journey:via` naming a channel no `journey:channel` comment declares.
    static func mermaidUndeclaredChannel(_ id: String, suggestion: String?, at range: SourceRange) -> Diagnostic {
        let help =
            suggestion.map { "did you mean '\($0)'?" }
            ?? "declare it in the header, such as: %% journey:channel \(id) owned"
        return .warning(
            "mermaid-undeclared-channel", "channel '\(id)' is not declared: the task gets no channel",
            at: range, help: help)
    }

    /// `journey:score` that no longer matches the task's Mermaid score, which was edited since.
    static func mermaidStaleScore(_ exact: String, mermaid: String, at range: SourceRange) -> Diagnostic {
        .warning(
            "mermaid-stale-score",
            "'journey:score \(exact)' does not match the task's score \(mermaid): the task's score is used",
            at: range, help: "the task's score was changed after the export; remove the comment or update it")
    }

    /// `journey:score` outside the journey's scale.
    static func mermaidAnnotatedScoreOutsideScale(_ text: String, scale: ScoreScale, at range: SourceRange)
        -> Diagnostic
    {
        .warning(
            "mermaid-malformed-annotation",
            "'journey:score \(text)' is outside the scale \(scale): the task's score is used",
            at: range,
            help:
                "use a score from \(NumberFormatting.plain(scale.minimum)) to \(NumberFormatting.plain(scale.maximum))")
    }
}
