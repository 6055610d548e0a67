import JourneyLanguage

/// What validating one XML or SVG document found, and what it was validated against.
public struct ValidationResult: Hashable, Sendable {
    /// What the document was checked against beyond well-formedness.
    public enum Grammar: Hashable, Sendable {
        /// The DTD named by the document's DOCTYPE, found in the system XML catalog.
        case dtd(DocumentTypeDeclaration)
        /// An XML Schema (XSD), named as it was given.
        case schema(name: String)
    }

    /// The findings in document order: errors make the document invalid, warnings do not.
    public var diagnostics: [Diagnostic]
    /// The grammar the document was actually validated against; nil when only its
    /// well-formedness was checked, including when its DTD could not be found.
    public var grammar: Grammar?

    public init(diagnostics: [Diagnostic], grammar: Grammar? = nil) {
        self.diagnostics = diagnostics
        self.grammar = grammar
    }

    /// Whether the document may be written: well-formed, valid, and no error at all.
    public var isValid: Bool { !diagnostics.containsErrors }
}
