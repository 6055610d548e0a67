/// A file of the report template that ships with the tool: the page or a partial it includes.
///
/// The files live in the repository's `templates/report/` folder and are compiled into the
/// library (see `scripts/embed-templates.py`), so the tool finds them wherever it runs.
/// Every file is available to any report template as a partial under its file name,
/// such as `{{> report.css}}`.
public struct ReportTemplateFile: Hashable, Sendable {
    /// The file's name with its extension, such as `report.mustache`; also its partial name.
    public var name: String
    /// The file's text.
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The name of the page template that `journey report` renders unless given another.
    public static let pageName = "report.mustache"

    /// The bundled file called `name`, if there is one.
    public static func named(_ name: String) -> ReportTemplateFile? {
        all.first { $0.name == name }
    }
}
