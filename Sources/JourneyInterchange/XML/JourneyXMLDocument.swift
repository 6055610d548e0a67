import JourneyLanguage
import JourneyXML

/// A document of the project's XML format as read and validated, before it becomes a journey.
///
/// Reading parses the bytes once with libxml2, validates them against the embedded schema
/// (`JourneySchema.compiled`) and copies the tree into Swift values. A root element that is
/// not `<journey>` in the format's namespace gets one clear diagnostic instead of libxml2's
/// "no matching global declaration", and libxml2's other findings are reworded by
/// `Diagnostic.journeyXMLFinding(_:)`.
struct JourneyXMLDocument: Sendable {
    /// The root element; nil when the document is not well-formed.
    var root: XMLTreeElement?
    /// The start tags of the document's text, in document order, when they pair one to one
    /// with the elements of the tree (they do for any well-formed UTF-8 document).
    var startTags: [XMLStartTag]?
    /// What validation found; `grammar` names the schema when the document was validated.
    var validation: ValidationResult

    /// Reads and validates `bytes`.
    ///
    /// - Parameter name: the document's name in diagnostics, usually its path.
    init(_ bytes: [UInt8], name: String) {
        let reading = XMLTreeReader.read(bytes, name: name, against: JourneySchema.compiled)
        var diagnostics = reading.validation.diagnostics
        if let declaration = reading.entityDeclaration {
            diagnostics.append(.xmlEntityDeclaration(declaration.name, at: declaration.range))
        }
        var startTags: [XMLStartTag]?
        if let root = reading.root {
            let tags = XMLStartTagScanner.scan(SourceFile(name: name, bytes: bytes).lines.joined(separator: "\n"))
            startTags = tags.count == root.descendantsAndSelf.count ? tags : nil
            let isJourney = root.name == JourneySchema.rootElement && root.namespace == JourneySchema.namespace
            if !isJourney {
                // libxml2 stops at the root with "No matching global declaration": say what is wrong instead.
                let range = startTags?.first?.tagRange ?? SourceRange(line: max(1, root.line), column: 1)
                diagnostics.removeAll { $0.code == "xml-invalid" }
                diagnostics.append(.xmlNotAJourney(root: root.name, namespace: root.namespace, at: range))
            }
        }
        // libxml2's schema validator refuses entities of the DOCTYPE, which are not substituted
        // (substituting them would also load external ones); one finding says so instead of two.
        if let refusal = diagnostics.firstIndex(where: { $0.message.contains("at least one entity reference") }) {
            diagnostics[refusal] = .xmlEntityReference(at: diagnostics[refusal].range)
            diagnostics.removeAll { $0.code == "xml-validation-failed" }
        }
        diagnostics = diagnostics.map(Diagnostic.journeyXMLFinding)
        if let startTags {
            diagnostics = diagnostics.map { JourneyXMLDocument.locate($0, among: startTags) }
        }
        self.root = reading.root
        self.startTags = startTags
        // A document that is not XML failed well-formedness, whatever its findings' codes; another
        // failed its schema when anything is wrong.
        let readable = reading.validation.failedChecks != [.wellFormedness]
        self.validation = ValidationResult(
            diagnostics: diagnostics.sortedByLocation(), grammar: reading.validation.grammar,
            checks: readable ? nil : [], failedChecks: readable ? [] : [.wellFormedness])
    }

    /// `diagnostic`, a finding against the schema, with its caret moved under the attribute
    /// or the start tag that its message names.
    ///
    /// libxml2 gives a schema finding only the line where the element's start tag ends, and
    /// names the element and attribute in its message: "Element 'channel', attribute 'media':
    /// …". The start tag is the last one of that name beginning on or before that line.
    static func locate(_ diagnostic: Diagnostic, among tags: [XMLStartTag]) -> Diagnostic {
        guard diagnostic.code == "xml-invalid", let (element, attribute) = names(in: diagnostic.message),
            let tag = tags.last(where: {
                $0.localName == element && $0.nameRange.start.line <= diagnostic.location.line
            })
        else {
            return diagnostic
        }
        var located = diagnostic
        located.range = attribute.flatMap { tag.nameRange(of: $0) } ?? tag.tagRange
        return located
    }

    /// The element and attribute names a finding's message starts with, such as
    /// `Element 'channel', attribute 'media': …`, or for an identity constraint the attribute
    /// it is about.
    private static func names(in message: String) -> (element: Substring, attribute: String?)? {
        func quoted(after prefix: String, in text: Substring) -> (Substring, rest: Substring)? {
            guard text.hasPrefix(prefix) else { return nil }
            let rest = text.dropFirst(prefix.count)
            guard let end = rest.firstIndex(of: "'") else { return nil }
            return (rest[..<end], rest[rest.index(after: end)...])
        }
        guard let (element, rest) = quoted(after: "Element '", in: message[...]) else { return nil }
        if let (attribute, _) = quoted(after: ", attribute '", in: rest) {
            return (element, String(attribute))
        }
        // Identity constraints name no attribute: the field of each constraint does.
        let fields = [
            "'touchpointChannel'": "channel", "'touchpointPersona'": "ref", "'channelID'": "id",
            "'personaID'": "id", "'stageName'": "name",
        ]
        let field = fields.first { rest.contains($0.key) }?.value
        return (element, field)
    }
}
