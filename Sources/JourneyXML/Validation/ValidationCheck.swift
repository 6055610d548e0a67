/// One check that validating a document actually ran, whatever it found.
public enum ValidationCheck: Hashable, Sendable, CustomStringConvertible {
    /// The document was parsed as XML: always runs first.
    case wellFormedness
    /// The DTD named by the document's DOCTYPE, found in the system XML catalog and loaded.
    case dtd(DocumentTypeDeclaration)
    /// journey's SVG 1.1 subset schema, compiled into the tool (`SVGSubsetSchema`).
    case svgSubsetSchema
    /// An XML Schema (XSD), named as it was given.
    case schema(name: String)

    /// The check as `journey validate` names it, such as "the SVG 1.1 DTD".
    public var description: String {
        switch self {
        case .wellFormedness:
            "well-formed XML"
        case .dtd(let doctype):
            if doctype.publicID == DocumentTypeDeclaration.svg11.publicID {
                "the SVG 1.1 DTD"
            } else if doctype.pointsToExternalDTD {
                "the DTD '\(doctype.displayName)'"
            } else {
                "the DTD in its DOCTYPE"
            }
        case .svgSubsetSchema:
            SVGSubsetSchema.displayName
        case .schema(let name):
            "the XML Schema '\(name)'"
        }
    }
}
