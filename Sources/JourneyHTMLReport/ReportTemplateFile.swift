/// A file of the report template that ships with the tool: the page or a partial it includes.
///
/// The files are those of `BundledTemplate/`, which SwiftPM compiles into the module as
/// `PackageResources` (see Package.swift), so the tool finds them wherever it runs.
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

    /// Every file of the bundled report template, sorted by file name.
    ///
    /// Each file of `BundledTemplate/` must be listed here; a test fails until it is.
    public static let all: [ReportTemplateFile] = [
        ReportTemplateFile(name: "report.css", bytes: PackageResources.report_css),
        ReportTemplateFile(name: "report.mustache", bytes: PackageResources.report_mustache),
    ].sorted { $0.name < $1.name }

    /// A file from the UTF-8 bytes of its compiled-in copy.
    private init(name: String, bytes: [UInt8]) {
        self.init(name: name, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The name of the page template that `journey report` renders unless given another.
    public static let pageName = "report.mustache"

    /// The bundled file called `name`, if there is one.
    public static func named(_ name: String) -> ReportTemplateFile? {
        all.first { $0.name == name }
    }
}
