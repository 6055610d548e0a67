import Mustache

/// A Mustache template that `ReportRenderer` renders a `ReportContext` with.
///
/// ```swift
/// let template = try ReportTemplate(text: customText, name: "brand.mustache")
/// let report = ReportRenderer.render(context, template: template, name: "dressmate.html")
/// ```
///
/// `{{key}}` inserts text escaped for HTML and XML (`&` `<` `>` `"` and `'`, the last as
/// `&#39;`); `{{{key}}}` inserts it as it is, which only `chart.svg` needs. Every file of the
/// bundled template (`ReportTemplateFile.all`) is a partial of every template, under its file
/// name: `{{> report.css}}` includes the bundled stylesheet. A key the context lacks renders
/// as nothing, as Mustache wants.
public struct ReportTemplate: Sendable {
    /// The template's name as given, usually its path: used in diagnostics.
    public var name: String
    private var template: MustacheTemplate
    private var partials: MustacheLibrary

    /// Parses `text` as a Mustache template.
    ///
    /// - Throws: `ReportTemplateError` with the line and column where the parser stopped.
    public init(text: String, name: String) throws(ReportTemplateError) {
        self.name = name
        self.partials = try Self.bundledPartials.get()
        do {
            self.template = try MustacheTemplate(string: text)
        } catch {
            throw ReportTemplateError(name: name, parsing: error)
        }
    }

    /// The template that ships with the tool, `BundledTemplate/report.mustache`.
    public static func bundled() throws(ReportTemplateError) -> ReportTemplate {
        let name = ReportTemplateFile.pageName
        return try ReportTemplate(text: ReportTemplateFile.named(name)?.text ?? "", name: name)
    }

    /// The template's output for `context`: text, not yet checked.
    func render(_ context: ReportContext) -> String {
        template.render(context, library: partials)
    }

    /// Every bundled file, parsed once, under its file name.
    private static let bundledPartials: Result<MustacheLibrary, ReportTemplateError> = {
        var library = MustacheLibrary()
        for file in ReportTemplateFile.all {
            do {
                try library.register(file.text, named: file.name)
            } catch {
                return .failure(ReportTemplateError(name: file.name, parsing: error))
            }
        }
        return .success(library)
    }()
}
