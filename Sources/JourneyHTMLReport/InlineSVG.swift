import JourneyXML

/// A chart ready to sit inside an HTML5 page: the `<svg>` element of a valid SVG 1.1 document.
///
/// An inline `<svg>` in HTML5 (and in XHTML) carries no XML declaration and no DOCTYPE, so
/// both are dropped; everything else, the `xmlns` included, is kept as written. The whole
/// document is validated first, as `journey render` does (journey's SVG 1.1 subset schema, and
/// the SVG 1.1 DTD when it is installed), so the element is well-formed and holds only what
/// SVG 1.1 allows.
public struct InlineSVG: Hashable, Sendable {
    /// The `<svg>…</svg>` element, without a trailing line feed; insert it unescaped.
    public var markup: String
    /// The values of the `id` attributes inside it, such as `clip-1`, in document order.
    public var ids: [String]

    /// The root element of `document`, a whole SVG 1.1 document with its prologue.
    ///
    /// - Parameter name: the document's name in diagnostics.
    /// - Throws: `InvalidChartError` with libxml2's findings when the document is not valid SVG 1.1.
    public init(document: String, name: String) throws(InvalidChartError) {
        let validation = XMLValidator.validateSVG(document, name: name)
        guard validation.isValid else {
            throw InvalidChartError(name: name, svg: document, diagnostics: validation.diagnostics)
        }
        try self.init(unvalidated: document, name: name)
    }

    /// The root element of `document`, which the caller validates itself.
    ///
    /// `ReportRenderer` validates the chart while the template renders the page, on another thread.
    /// - Throws: `InvalidChartError` when `document` has no `svg` root element after its prologue.
    init(unvalidated document: String, name: String) throws(InvalidChartError) {
        guard let root = Self.rootElementStart(in: document) else {
            throw InvalidChartError(name: name, svg: document, diagnostics: [])
        }
        var markup = document[root...]
        while markup.last?.isNewline == true { markup.removeLast() }
        self.markup = String(markup)
        self.ids = HTMLIdentifiers.ids(in: self.markup).map(\.value)
    }

    /// Where the root element starts: after the XML declaration, comments, processing
    /// instructions and the DOCTYPE (SVG 1.1's has no internal subset).
    private static func rootElementStart(in document: String) -> String.Index? {
        var rest = document[...]
        while true {
            rest = rest.drop { $0.isWhitespace }
            let end: String
            if rest.hasPrefix("<?") {
                end = "?>"
            } else if rest.hasPrefix("<!--") {
                end = "-->"
            } else if rest.hasPrefix("<!DOCTYPE") {
                end = rest.prefix { $0 != ">" }.contains("[") ? "]>" : ">"
            } else {
                return rest.hasPrefix("<svg") ? rest.startIndex : nil
            }
            guard let close = rest.firstRange(of: end) else { return nil }
            rest = rest[close.upperBound...]
        }
    }
}
