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
    ///
    /// An SVG checked against both journey's SVG 1.1 subset schema and the SVG 1.1 DTD names
    /// the DTD here; `checks` lists both.
    public var grammar: Grammar?
    /// Every check that ran, in the order it ran.
    ///
    /// Well-formedness comes first, then the DTD and schemas that were found and applied. A
    /// check missing here was not run, such as the SVG 1.1 DTD on a machine whose XML catalog
    /// lacks it.
    public var checks: [ValidationCheck]

    /// A result; without `checks`, the checks are well-formedness and then `grammar`, if any.
    public init(diagnostics: [Diagnostic], grammar: Grammar? = nil, checks: [ValidationCheck]? = nil) {
        self.diagnostics = diagnostics
        self.grammar = grammar
        self.checks =
            checks
            ?? [.wellFormedness]
            + [grammar].compactMap { grammar -> ValidationCheck? in
                switch grammar {
                case .dtd(let doctype): .dtd(doctype)
                case .schema(let name): .schema(name: name)
                case nil: nil
                }
            }
    }

    /// Whether the document may be written: well-formed, valid, and no error at all.
    public var isValid: Bool { !diagnostics.containsErrors }
}
