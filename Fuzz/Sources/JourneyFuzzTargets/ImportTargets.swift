import JourneyInterchange
import JourneyLanguage

extension FuzzTarget {
    /// An XML export read by `journey import` (libxml2, the journey XSD, then the model).
    static let importXML = importing(.xml, name: "import-xml")
    /// A JSON export read by `journey import`.
    static let importJSON = importing(.json, name: "import-json")
    /// A Mermaid journey diagram read by `journey import`.
    static let importMermaid = importing(.mermaid, name: "import-mermaid")

    /// The target that reads its input as `format`, then does what `journey import` does with
    /// the journey: formats it and checks the formatted text.
    private static func importing(_ format: InterchangeFormat, name: String) -> FuzzTarget {
        FuzzTarget(
            name: name,
            summary: "import \(format.rawValue), format the journey, check the formatted text"
        ) { bytes in
            let imported = JourneyInterchange.parse(bytes, as: format, name: "fuzz.\(format.fileExtension)")
            show(imported.diagnostics, in: SourceFile(name: "fuzz.\(format.fileExtension)", bytes: bytes))
            guard !imported.hasErrors else { return }
            let text = JourneyFormatter.format(imported.journey)
            let written = SourceFile(name: "imported.journey", text: text)
            show(JourneyChecker.check(written).diagnostics, in: written)
        }
    }
}
