import JourneyLanguage
import Mustache

/// A report template that cannot be parsed as Mustache, with where the parser stopped.
public struct ReportTemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The template's name as given, usually its path.
    public var name: String
    /// What is wrong, in one sentence without a final full stop.
    public var message: String
    /// The line where the Mustache parser stopped, from 1.
    public var line: Int
    /// The column where the Mustache parser stopped, from 1, in characters.
    public var column: Int

    public init(name: String, message: String, line: Int, column: Int) {
        self.name = name
        self.message = message
        self.line = line
        self.column = column
    }

    /// The error of the Mustache engine for the template `name`.
    init(name: String, parsing error: any Error) {
        guard let parserError = error as? MustacheTemplate.ParserError else {
            self.init(name: name, message: "the template cannot be parsed as Mustache: \(error)", line: 1, column: 1)
            return
        }
        let context = parserError.context
        self.init(
            name: name, message: Self.message(for: parserError.error),
            line: max(1, context.lineNumber), column: max(1, context.columnNumber))
    }

    /// The problem as a diagnostic at its line and column, for printing under the template's text.
    public var diagnostic: Diagnostic {
        Diagnostic(
            code: "report-template-invalid", severity: .error, message: message,
            range: SourceRange(line: line, column: column),
            help: "a report template is Mustache: {{key}} escapes text, {{{key}}} inserts markup, "
                + "{{#key}}…{{/key}} is a section; see docs/report.md for the keys")
    }

    public var description: String {
        "\(name):\(line):\(column): \(message)"
    }

    /// Words for the Mustache engine's parse errors.
    private static func message(for error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?:
            return "this closing tag does not close the section that is open"
        case .unfinishedName?:
            return "this tag is not finished: its name must end with the closing delimiter"
        case .expectedSectionEnd?:
            return "a section is still open at the end of the template: close it with {{/name}}"
        case .invalidSetDelimiter?:
            return "this set-delimiter tag is not written {{=<% %>=}}"
        case .transformAppliedToInheritanceSection?:
            return "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection?:
            return "only block definitions may appear inside an inherited partial"
        case .textInsideInheritSection?:
            return "text cannot appear inside an inherited partial, only block definitions"
        case .invalidConfigVariableSyntax?:
            return "this pragma is not written {{% NAME: value}}"
        case .unrecognisedConfigVariable?:
            return "this pragma is unknown: the only one is {{% CONTENT_TYPE: HTML}} or TEXT"
        case nil:
            return "the template ends inside a tag or a comment"
        }
    }
}
