import JourneyLanguage
import Mustache
import Synchronization

/// A Mustache template that `ReportRenderer` renders a `ReportContext` with.
///
/// ```swift
/// let template = try ReportTemplate(text: customText, name: "brand.mustache")
/// let report = ReportRenderer.render(context, template: template, name: "dressmate.html")
/// ```
///
/// `{{key}}` inserts text escaped for HTML and XML (`&` `<` `>` `"` and `'`, the last as
/// `&#39;`); `{{{key}}}` inserts it as it is, which only `chart.svg` needs. A template that
/// starts with `{{% CONTENT_TYPE: XHTML }}`, as the bundled one does, has the same escaping done
/// faster (`XHTMLContentType`). Every file of the bundled template (`ReportTemplateFile.all`) is
/// a partial of every template, under its file name: `{{> report.css}}` includes the bundled
/// stylesheet. A key the context lacks renders as nothing, as Mustache wants.
public struct ReportTemplate: Sendable {
    /// The template's name as given, usually its path: used in diagnostics.
    public var name: String
    private var template: MustacheTemplate
    private var partials: MustacheLibrary
    /// The template cut at its top-level lines (`TemplateParts`), to render on two threads; empty
    /// when it cannot be cut.
    private var parts: [MustacheTemplate]

    /// Parses `text` as a Mustache template.
    ///
    /// - Throws: `ReportTemplateError` with the line and column where the parser stopped.
    public init(text: String, name: String) throws(ReportTemplateError) {
        self.name = name
        XHTMLContentType.registered
        // The partials (the bundled stylesheet: 0.06 G instructions) and the parts are parsed on
        // a thread of their own while the page is.
        let (template, (partials, parts)) = try ParallelWork.both(
            { () throws(ReportTemplateError) -> MustacheTemplate in
                do {
                    return try MustacheTemplate(string: text)
                } catch {
                    throw ReportTemplateError(name: name, parsing: error)
                }
            },
            {
                (
                    Result { () throws(ReportTemplateError) in try Self.partials(namedIn: text) },
                    Self.parsedParts(of: text)
                )
            })
        self.template = template
        self.partials = try partials.get()
        self.parts = parts
    }

    /// The parts of `text` parsed, or none when it cannot be cut or a part does not parse (the
    /// page then renders whole, and reports its own parse errors).
    private static func parsedParts(of text: String) -> [MustacheTemplate] {
        var parsed: [MustacheTemplate] = []
        for part in TemplateParts.cut(text) ?? [] {
            do {
                parsed.append(try MustacheTemplate(string: part))
            } catch {
                // Not a place to report it: the page is parsed whole too, and that parse reports
                // its errors at their lines.
                return []
            }
        }
        return parsed
    }

    /// The template that ships with the tool, `BundledTemplate/report.mustache`.
    public static func bundled() throws(ReportTemplateError) -> ReportTemplate {
        let name = ReportTemplateFile.pageName
        return try ReportTemplate(text: ReportTemplateFile.named(name)?.text ?? "", name: name)
    }

    /// The template's output for `context`: text, not yet checked.
    ///
    /// The parts render on two threads, each taking the next part not yet taken, and are joined in
    /// order: the same text as the page rendered whole (`renderWhole`).
    func render(_ context: ReportContext) -> String {
        guard parts.count > 1 else { return renderWhole(context) }
        let next = Mutex(0)
        let rendered = Mutex([String](repeating: "", count: parts.count))
        ParallelWork.run(2) { [parts, partials] _ in
            while true {
                let index = next.withLock { next in
                    defer { next += 1 }
                    return next
                }
                guard index < parts.count else { return }
                let text = parts[index].render(context, library: partials)
                rendered.withLock { $0[index] = text }
            }
        }
        return rendered.withLock { $0.joined() }
    }

    /// The page rendered whole, on the calling thread.
    func renderWhole(_ context: ReportContext) -> String {
        template.render(context, library: partials)
    }

    /// The bundled files that `text` names, and those that they name, as partials.
    ///
    /// A template can include no other. Parsing the page as a partial, which the bundled page
    /// never includes, took 0.07 G instructions of every report.
    private static func partials(namedIn text: String) throws(ReportTemplateError) -> MustacheLibrary {
        var library = MustacheLibrary()
        var included: Set<String> = []
        var texts = [text]
        while let next = texts.popLast() {
            for file in ReportTemplateFile.all
            where !included.contains(file.name) && next.utf8.firstRange(of: file.name.utf8) != nil {
                do {
                    try library.register(file.text, named: file.name)
                } catch {
                    throw ReportTemplateError(name: file.name, parsing: error)
                }
                included.insert(file.name)
                texts.append(file.text)
            }
        }
        return library
    }
}
