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
    /// Every check that ran to its end and that the document passed, in the order it ran.
    ///
    /// Well-formedness comes first, then the DTD and schemas that were found and applied. A
    /// check missing here was not run, such as the SVG 1.1 DTD on a machine whose XML catalog
    /// lacks it, or the document failed it (`failedChecks`).
    public var checks: [ValidationCheck]
    /// Every check that ran and that the document failed, in the order it ran.
    ///
    /// A document that is not well-formed fails `wellFormedness`, and nothing else is run on it:
    /// a DTD or schema cannot judge a document that could not be read.
    public var failedChecks: [ValidationCheck]

    /// A result; without `checks`, the checks are well-formedness and then `grammar`, if any,
    /// and `failedChecks` is not used: well-formedness failed when a diagnostic is
    /// `xml-not-well-formed`, else `grammar` failed when there is any other error.
    public init(
        diagnostics: [Diagnostic], grammar: Grammar? = nil, checks: [ValidationCheck]? = nil,
        failedChecks: [ValidationCheck] = []
    ) {
        self.diagnostics = diagnostics
        self.grammar = grammar
        if let checks {
            self.checks = checks
            self.failedChecks = failedChecks
            return
        }
        let grammarCheck: ValidationCheck? =
            switch grammar {
            case .dtd(let doctype): .dtd(doctype)
            case .schema(let name): .schema(name: name)
            case nil: nil
            }
        if diagnostics.contains(where: { $0.code == Diagnostic.notWellFormedCode }) {
            self.checks = []
            self.failedChecks = [.wellFormedness]
        } else if let grammarCheck, diagnostics.containsErrors {
            self.checks = [.wellFormedness]
            self.failedChecks = [grammarCheck]
        } else {
            self.checks = [.wellFormedness] + [grammarCheck].compactMap { $0 }
            self.failedChecks = []
        }
    }

    /// Whether the document may be written: well-formed, valid, and no error at all.
    public var isValid: Bool { !diagnostics.containsErrors }
}
