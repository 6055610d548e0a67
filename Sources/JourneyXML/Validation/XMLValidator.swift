import CLibXML2
import JourneyLanguage

/// Validates XML and SVG documents in process with libxml2, offline, and reports diagnostics.
///
/// Every document is checked for well-formedness. A document with a DOCTYPE is also
/// validated against that DTD while it is parsed; the DTD is found in the system XML
/// catalog by its public identifier (Debian's `w3c-sgml-lib` holds SVG 1.1) and never fetched
/// over the network, so a DTD missing from the catalog is an error, not a silent pass.
/// A document can instead be validated against a compiled `XMLSchema`.
///
/// ```swift
/// let result = XMLValidator.validateSVG(svgText, name: "funnel.svg")
/// guard result.isValid else { /* print result.diagnostics, write nothing */ }
/// ```
///
/// Diagnostics use libxml2's messages at its line and column (in Unicode scalars, 1 when
/// unknown), narrowed to the attribute or tag they name. Calls are safe from any thread:
/// they take turns, because libxml2's error handler and entity loader are global.
public enum XMLValidator {
    /// Validates any XML document: well-formedness, and its DTD when it has a DOCTYPE.
    ///
    /// A document whose root element is `svg` must carry a DOCTYPE, because an SVG is only
    /// validated against a DTD.
    /// - Parameter name: the document's name in diagnostics, usually its path; a relative
    ///   DTD path in the DOCTYPE is resolved against it.
    public static func validate(_ document: some Collection<UInt8>, name: String) -> ValidationResult {
        validate(Array(document), name: name, encoding: nil, requirement: .anyDocument)
    }

    /// Validates any XML document given as text: well-formedness, and its DTD when it has a DOCTYPE.
    ///
    /// The text is parsed as UTF-8 whatever its XML declaration says.
    public static func validate(_ text: String, name: String) -> ValidationResult {
        validate(Array(text.utf8), name: name, encoding: "UTF-8", requirement: .anyDocument)
    }

    /// Validates an SVG document against the SVG 1.1 DTD, which its DOCTYPE must name.
    ///
    /// This is the check every SVG goes through before journey writes it.
    public static func validateSVG(_ document: some Collection<UInt8>, name: String) -> ValidationResult {
        validate(Array(document), name: name, encoding: nil, requirement: .svg11)
    }

    /// Validates an SVG document given as text against the SVG 1.1 DTD, which its DOCTYPE must name.
    public static func validateSVG(_ text: String, name: String) -> ValidationResult {
        validate(Array(text.utf8), name: name, encoding: "UTF-8", requirement: .svg11)
    }

    /// Validates an XML document against a compiled XML Schema; a DOCTYPE, if any, is not used.
    public static func validate(
        _ document: some Collection<UInt8>, name: String, against schema: XMLSchema
    ) -> ValidationResult {
        validate(Array(document), name: name, encoding: nil, requirement: .schema(schema))
    }

    /// Validates an XML document given as text against a compiled XML Schema.
    public static func validate(_ text: String, name: String, against schema: XMLSchema) -> ValidationResult {
        validate(Array(text.utf8), name: name, encoding: "UTF-8", requirement: .schema(schema))
    }

    /// Checks that a document given as text is well-formed XML, and nothing more.
    ///
    /// No DTD is loaded or validated, whatever the DOCTYPE says: for documents whose DOCTYPE
    /// names no DTD, such as HTML5's `<!DOCTYPE html>` in XHTML-compatible HTML. The text is
    /// parsed as UTF-8; the result's `grammar` is nil.
    public static func checkWellFormed(_ text: String, name: String) -> ValidationResult {
        let bytes = Array(text.utf8)
        let (isWellFormed, errors) = LibXML2.withErrorCapture { collector -> (Bool, [LibXML2Error]) in
            guard bytes.count <= Int(Int32.max), let context = xmlNewParserCtxt() else {
                return (false, collector.errors)
            }
            defer { xmlFreeParserCtxt(context) }
            let document = XMLParseOutcome.read(
                bytes, name: name, encoding: "UTF-8",
                options: XMLParseOutcome.baseOptions, with: context)
            defer { if let document { xmlFreeDoc(document) } }
            return (context.pointee.wellFormed != 0 && document != nil, collector.errors)
        }
        var diagnostics = XMLFindings.diagnostics(for: errors, documentName: name, text: bytes, grammar: "XML")
        if !isWellFormed, !diagnostics.containsErrors {
            diagnostics.append(
                .xmlNotWellFormed("libxml2 could not parse the document", at: SourceRange(line: 1, column: 1)))
        }
        return ValidationResult(diagnostics: diagnostics.sortedByLocation())
    }

    // MARK: - Implementation

    /// What a document must be valid against.
    private enum Requirement {
        /// Its DTD when it has a DOCTYPE; an `svg` root must have one.
        case anyDocument
        /// The SVG 1.1 DTD, named by its DOCTYPE.
        case svg11
        case schema(XMLSchema)

        var isSVG11: Bool {
            if case .svg11 = self { true } else { false }
        }
    }

    private static func validate(
        _ bytes: [UInt8], name: String, encoding: String?, requirement: Requirement
    ) -> ValidationResult {
        let checks: XMLParseOutcome.Checks
        if case .schema(let schema) = requirement {
            checks = .schema(schema)
        } else {
            checks = .documentTypeDefinition
        }
        let outcome = XMLParseOutcome.parse(bytes, name: name, encoding: encoding, checks: checks)
        let source = SourceFile(name: name, bytes: bytes)
        let locator = XMLMarkupLocator(source: source)
        let start = SourceRange(line: 1, column: 1)
        let doctypeRange = locator.doctype() ?? start

        var errors = outcome.errors
        var diagnostics: [Diagnostic] = []
        var grammar: ValidationResult.Grammar?
        let grammarName: String
        /// Whether libxml2 found the document invalid, whether or not it said why.
        let rejected: Bool

        switch requirement {
        case .schema(let schema):
            grammarName = "the XML Schema '\(schema.name)'"
            if let verdict = outcome.schemaVerdict {
                grammar = .schema(name: schema.name)
                if verdict < 0 {
                    let message = "libxml2 could not validate the document against '\(schema.name)'"
                    diagnostics.append(.xmlValidationFailed(message, at: start))
                }
            }
            rejected = (outcome.schemaVerdict ?? 0) > 0

        case .anyDocument, .svg11:
            let doctype = outcome.documentType
            grammarName = doctype.map(describe) ?? "its DTD"
            if let doctype {
                let dtdMissing =
                    doctype.pointsToExternalDTD
                    && (errors.contains(where: \.isLoadFailure) || (outcome.isWellFormed && !outcome.loadedExternalDTD))
                if dtdMissing {
                    // libxml2's own words here are an I/O warning and "no DTD found": one clear error says it better.
                    errors.removeAll { $0.isLoadFailure || $0.is(XML_DTD_NO_DTD) }
                    diagnostics.append(.dtdNotFound(doctype, at: doctypeRange))
                } else {
                    grammar = .dtd(doctype)
                }
                if requirement.isSVG11, doctype.publicID != DocumentTypeDeclaration.svg11.publicID {
                    diagnostics.append(.svgDoctypeMismatch(doctype, at: doctypeRange))
                }
            } else {
                // With no DOCTYPE, "no DTD found" only says that there was nothing to validate against.
                errors.removeAll { $0.is(XML_DTD_NO_DTD) }
                if requirement.isSVG11 || outcome.rootElement == "svg" {
                    let rootRange = outcome.rootElement.flatMap {
                        locator.startTag($0, onLine: outcome.rootElementLine)
                    }
                    diagnostics.append(.svgDoctypeMissing(at: rootRange ?? start))
                }
            }
            rejected = doctype != nil && !outcome.followedDTD
        }

        diagnostics += XMLFindings.diagnostics(
            for: errors, documentName: name, source: source,
            grammar: grammarName, elsewhere: doctypeRange)
        // Never a silent pass: when libxml2 rejected the document, something must say so.
        if !diagnostics.containsErrors {
            if !outcome.isWellFormed {
                diagnostics.append(.xmlNotWellFormed("libxml2 could not parse the document", at: start))
            } else if rejected {
                let message = "the document does not follow \(grammarName)"
                diagnostics.append(.xmlInvalid(message, against: grammarName, at: doctypeRange))
            }
        }
        return ValidationResult(diagnostics: diagnostics.sortedByLocation(), grammar: grammar)
    }

    /// How a diagnostic names the DTD of `doctype`.
    private static func describe(_ doctype: DocumentTypeDeclaration) -> String {
        if doctype.publicID == DocumentTypeDeclaration.svg11.publicID {
            return "the SVG 1.1 DTD"
        }
        return doctype.pointsToExternalDTD ? "the DTD '\(doctype.displayName)'" : "the DTD in its DOCTYPE"
    }
}
