import JourneyLanguage
import JourneyXML

/// Moves journeys between the `.journey` language and the other formats, checking each move.
public enum JourneyInterchange {
    /// A document written in another format, with what its own checks found.
    public struct Exported: Sendable {
        /// The document's text.
        public var text: String
        /// Empty when the document passed its checks: schema validation for XML, and for
        /// every format, reading it back gives the same journey.
        public var diagnostics: [Diagnostic]
    }

    /// `journey` written `as` a format, checked before anything is written.
    ///
    /// - Parameter name: how diagnostics name the document.
    public static func export(_ journey: Journey, as format: InterchangeFormat, name: String) -> Exported {
        let text: String
        var diagnostics: [Diagnostic] = []
        let readBack: ParsedJourney?
        switch format {
        case .json:
            text = JourneyJSONExporter.export(journey)
            readBack = parse(Array(text.utf8), as: format, name: name)
        case .xml:
            text = XMLJourneyExporter.export(journey)
            // One libxml2 parse validates the document and reads it back. Validating it, then
            // reading it back (which validates it again) took 45% of the export's instructions.
            let document = JourneyXMLDocument(Array(text.utf8), name: name)
            diagnostics = document.validation.diagnostics
            readBack = diagnostics.isEmpty ? XMLJourneyImporter.parse(document) : nil
        case .mermaid:
            text = MermaidExporter.export(journey)
            readBack = parse(Array(text.utf8), as: format, name: name)
        }
        if let readBack {
            diagnostics = readBack.diagnostics.filter { $0.severity == .error }
            if diagnostics.isEmpty, readBack.journey.withoutSourceLocations() != journey.withoutSourceLocations() {
                diagnostics = [.exportDoesNotRoundTrip(format.rawValue)]
            }
        }
        return Exported(text: text, diagnostics: diagnostics)
    }

    /// The journey in `bytes`, read as `format`.
    public static func parse(_ bytes: [UInt8], as format: InterchangeFormat, name: String) -> ParsedJourney {
        switch format {
        case .json: JourneyJSONImporter.parse(bytes, name: name)
        case .xml: XMLJourneyImporter.parse(bytes, name: name)
        case .mermaid: MermaidImporter.parse(String(decoding: bytes, as: UTF8.self), name: name)
        }
    }
}
