import CLibXML2
import JourneyLanguage

/// Validates XML and SVG documents in process with libxml2, offline, and reports diagnostics.
///
/// Every document is checked for well-formedness. A document with a DOCTYPE is also
/// validated against that DTD while it is parsed; the DTD is found in the system XML
/// catalog by its public identifier (Debian's `w3c-sgml-lib` holds SVG 1.1) and never fetched
/// over the network, so a DTD missing from the catalog is an error, not a silent pass, except
/// SVG 1.1's: an SVG is then checked against `SVGSubsetSchema`, which ships inside the tool,
/// and `ValidationResult.checks` says which checks ran. A document can instead be validated
/// against a compiled `XMLSchema`.
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
    /// validated against a DTD. When the DOCTYPE names SVG 1.1 and the DTD is not installed,
    /// the document is checked against `SVGSubsetSchema` instead: a warning says so, and an
    /// element or attribute outside the subset is a warning that it could not be checked, not
    /// an error, because it may well be valid SVG 1.1.
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

    /// Validates an SVG that journey wrote: against `SVGSubsetSchema` always, and against the
    /// SVG 1.1 DTD, which its DOCTYPE must name, when the system XML catalog has it.
    ///
    /// This is the check every SVG goes through before journey writes it. A missing DTD is not
    /// a failure; `checks` in the result says whether the DTD was used.
    public static func validateSVG(_ document: some Collection<UInt8>, name: String) -> ValidationResult {
        validate(Array(document), name: name, encoding: nil, requirement: .svg11)
    }

    /// Validates an SVG that journey wrote, given as text, as `validateSVG(_:name:)` does.
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
            // Well-formedness is the parser's own business (tags matched, attributes unique,
            // prefixes bound, entities declared); the callbacks that build the tree only build it,
            // and building and freeing the tree of a 2 MB report took 0.15 G of the 0.27 G its check
            // took. The document itself is still made, with its DOCTYPE, and nothing in it.
            if let handler = context.pointee.sax {
                handler.pointee.startElementNs = nil
                handler.pointee.endElementNs = nil
                handler.pointee.characters = nil
                handler.pointee.ignorableWhitespace = nil
                handler.pointee.cdataBlock = nil
                handler.pointee.comment = nil
                handler.pointee.processingInstruction = nil
            }
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
        // Only well-formedness was checked: any error, such as an unbound prefix, which libxml2
        // reports without clearing its well-formed flag, is a failure of it.
        let passed = isWellFormed && !diagnostics.containsErrors
        return ValidationResult(
            diagnostics: diagnostics.sortedByLocation(), checks: passed ? [.wellFormedness] : [],
            failedChecks: passed ? [] : [.wellFormedness])
    }

    /// Whether the official SVG 1.1 DTD can be loaded from the system XML catalog (Debian's
    /// `w3c-sgml-lib`), so that SVGs are validated against it as well as against
    /// `SVGSubsetSchema`.
    ///
    /// Asked afresh on each call: the catalog is the one named by `XML_CATALOG_FILES`, or
    /// `/etc/xml/catalog`, as libxml2 read it when this process first used it.
    public static var svg11DTDIsInstalled: Bool {
        let probe =
            DocumentTypeDeclaration.svg11.markup + "\n<svg xmlns=\"\(SVGSubsetSchema.namespace)\" version=\"1.1\"/>\n"
        return validate(probe, name: "svg11-dtd-probe.svg").checks.contains(.dtd(.svg11))
    }

    // MARK: - Implementation

    /// What a document must be valid against.
    private enum Requirement {
        /// Its DTD when it has a DOCTYPE; an `svg` root must have one.
        case anyDocument
        /// journey's own SVG: the subset schema, and the SVG 1.1 DTD named by its DOCTYPE when installed.
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
        switch requirement {
        case .schema(let schema): checks = .schema(schema)
        case .anyDocument: checks = .documentTypeDefinition
        // journey's own SVG: the shipped subset schema always, the DTD as well when it is installed.
        case .svg11: checks = .init(documentTypeDefinition: true, schema: SVGSubsetSchema.compiled)
        }
        let outcome = XMLParseOutcome.parse(bytes, name: name, encoding: encoding, checks: checks)
        let source = SourceFile(name: name, bytes: bytes)
        let locator = XMLMarkupLocator(source: source)
        let start = SourceRange(line: 1, column: 1)
        let doctypeRange = locator.doctype() ?? start

        var errors = outcome.errors
        var diagnostics: [Diagnostic] = []
        var grammar: ValidationResult.Grammar?
        var ran: [ValidationCheck] = [.wellFormedness]
        var failed: [ValidationCheck] = []
        let grammarName: String
        /// Whether libxml2 found the document invalid, whether or not it said why.
        var rejected: Bool

        switch requirement {
        case .schema(let schema):
            grammarName = "the XML Schema '\(schema.name)'"
            if let verdict = outcome.schemaVerdict {
                grammar = .schema(name: schema.name)
                if verdict == 0 {
                    ran.append(.schema(name: schema.name))
                } else if verdict > 0 {
                    failed.append(.schema(name: schema.name))
                } else {
                    let message = "libxml2 could not validate the document against '\(schema.name)'"
                    diagnostics.append(.xmlValidationFailed(message, at: start))
                }
            }
            rejected = (outcome.schemaVerdict ?? 0) > 0

        case .anyDocument, .svg11:
            let doctype = outcome.documentType
            grammarName = doctype.map(describe) ?? "its DTD"
            // The subset schema's findings are reported against it, not against the DTD.
            let subsetErrors = errors.filter { $0.is(from: XML_FROM_SCHEMASV) }
            errors.removeAll { $0.is(from: XML_FROM_SCHEMASV) }
            rejected = false
            if let doctype {
                let isSVG11 = doctype.publicID == DocumentTypeDeclaration.svg11.publicID
                let dtdMissing =
                    doctype.pointsToExternalDTD
                    && (outcome.refusedLoads.contains(where: \.isExternalSubset)
                        || errors.contains(where: \.isLoadFailure)
                        || (outcome.isWellFormed && !outcome.loadedExternalDTD))
                if !doctype.pointsToExternalDTD, !requirement.isSVG11, outcome.rootElement == "svg" {
                    // An internal subset alone declares none of SVG's elements: each would be "not declared".
                    errors.removeAll(where: \.isDTDValidityFinding)
                    diagnostics.append(.svgDoctypeWithoutDTD(at: doctypeRange))
                } else if dtdMissing {
                    // libxml2's own words here are an I/O warning and "no DTD found": one clear message says it better.
                    // It also checked the document against the internal subset alone, as if it were the
                    // whole DTD: every element and attribute "not declared". Nothing was checked against the DTD.
                    errors.removeAll { $0.isLoadFailure || $0.isDTDValidityFinding }
                    if !isSVG11 {
                        diagnostics.append(.dtdNotFound(doctype, at: doctypeRange))
                    } else if !requirement.isSVG11, outcome.isWellFormed {
                        // A third-party SVG 1.1 without the DTD: check what the shipped schema covers, and say so.
                        let subset = subsetFindings(
                            bytes, name: name, encoding: encoding, source: source,
                            entitiesReported: errors.contains(where: \.isUndeclaredEntity))
                        // The schema does not run on a document with entities: the note must not say it did.
                        diagnostics.append(.svgDTDNotInstalled(at: doctypeRange, subsetChecked: subset.passed != nil))
                        diagnostics += subset.diagnostics
                        if let passed = subset.passed {
                            if passed { ran.append(.svgSubsetSchema) } else { failed.append(.svgSubsetSchema) }
                            grammar = .schema(name: SVGSubsetSchema.fileName)
                        }
                    }
                    // journey's own SVG without the DTD relies on the subset schema alone; `checks` says so.
                } else {
                    grammar = .dtd(doctype)
                    rejected = !outcome.followedDTD
                    if rejected { failed.append(.dtd(doctype)) } else { ran.append(.dtd(doctype)) }
                }
                if requirement.isSVG11, !isSVG11 {
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
            if let verdict = outcome.schemaVerdict {
                if verdict == 0 {
                    ran.append(.svgSubsetSchema)
                } else if verdict > 0 {
                    failed.append(.svgSubsetSchema)
                }
                grammar = grammar ?? .schema(name: SVGSubsetSchema.fileName)
                if verdict < 0 {
                    let message = "libxml2 could not validate the document against \(SVGSubsetSchema.fileName)"
                    diagnostics.append(.xmlValidationFailed(message, at: start))
                }
                rejected = rejected || verdict > 0
                diagnostics += XMLFindings.diagnostics(
                    for: subsetErrors.map(withoutSVGNamespace), documentName: name, source: source,
                    grammar: SVGSubsetSchema.displayName, elsewhere: doctypeRange)
            }
        }

        for refusal in outcome.refusedLoads where !refusal.isExternalSubset {
            // libxml2 asks for an entity from a parser of its own, which knows no place in the
            // document: the caret goes under the identifier where the entity is declared.
            let declared = [refusal.systemID, refusal.publicID].compactMap { $0 }.lazy
                .compactMap { locator.firstOccurrence(of: "\"\($0)\"") ?? locator.firstOccurrence(of: "'\($0)'") }
                .first
            let range = declared.map { SourceRange(start: $0.range.start, length: $0.range.length) } ?? doctypeRange
            diagnostics.append(.externalEntityRefused(refusal, at: range))
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
        // A document that is not well-formed was not read to its end: nothing judged the rest of it.
        // An unbound prefix is not well-formed either, though libxml2 leaves its flag set.
        if !outcome.isWellFormed || diagnostics.contains(where: { $0.code == Diagnostic.notWellFormedCode }) {
            (ran, failed) = ([], [.wellFormedness])
        }
        return ValidationResult(
            diagnostics: diagnostics.sortedByLocation(), grammar: grammar, checks: ran, failedChecks: failed)
    }

    /// What journey's SVG 1.1 subset schema finds in a third-party SVG whose DTD is not installed.
    ///
    /// An element or attribute the schema does not declare may well be valid SVG 1.1, so it is a
    /// warning that it could not be checked; a value the schema's types reject (a `text-anchor`
    /// of `left`, a colour of `#12`) is an error, because those types follow SVG 1.1's grammar.
    ///
    /// libxml2's schema validator cannot take entity references, and said only "Internal error:
    /// xmlSchemaVDocWalk, there is at least one entity reference…": the schema did not run, and
    /// one warning says so at the first reference, unless `entitiesReported` (an undeclared
    /// entity, already an error).
    /// - Returns: the findings, and whether the document passed the schema; nil when it did not run.
    private static func subsetFindings(
        _ bytes: [UInt8], name: String, encoding: String?, source: SourceFile, entitiesReported: Bool
    ) -> (diagnostics: [Diagnostic], passed: Bool?) {
        let outcome = XMLParseOutcome.parse(
            bytes, name: name, encoding: encoding, checks: .schema(SVGSubsetSchema.compiled))
        guard let verdict = outcome.schemaVerdict else { return ([], nil) }
        if outcome.errors.contains(where: { $0.is(XML_SCHEMAV_INTERNAL) }) {
            let locator = XMLMarkupLocator(source: source)
            guard !entitiesReported, let reference = locator.firstEntityReference(fromLine: outcome.rootElementLine)
            else { return ([], nil) }
            return ([.svgEntitiesNotChecked(reference.reference, at: reference.range)], nil)
        }
        let errors = outcome.errors.filter { $0.is(from: XML_FROM_SCHEMASV) }.map(withoutSVGNamespace)
        let outside: [xmlParserErrors] = [
            XML_SCHEMAV_ELEMENT_CONTENT, XML_SCHEMAV_CVC_ELT_1, XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4,
            XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1, XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2,
        ]
        let findings = errors.flatMap { error in
            let found = XMLFindings.diagnostics(
                for: [error], documentName: name, source: source, grammar: SVGSubsetSchema.displayName)
            guard outside.contains(where: error.is) else { return found }
            return found.map { finding in
                var message = Substring(finding.message)
                while message.last == "." { message.removeLast() }
                return .svgNotChecked(String(message), at: finding.range)
            }
        }
        return (findings, verdict < 0 ? nil : !findings.containsErrors)
    }

    /// `error` with the SVG namespace taken out of its element names: `svg:ellipse`, not `{http://…}ellipse`.
    private static func withoutSVGNamespace(_ error: LibXML2Error) -> LibXML2Error {
        var error = error
        error.message = error.message.replacing("{\(SVGSubsetSchema.namespace)}", with: "svg:")
        return error
    }

    /// How a diagnostic names the DTD of `doctype`.
    private static func describe(_ doctype: DocumentTypeDeclaration) -> String {
        if doctype.publicID == DocumentTypeDeclaration.svg11.publicID {
            return "the SVG 1.1 DTD"
        }
        return doctype.pointsToExternalDTD ? "the DTD '\(doctype.displayName)'" : "the DTD in its DOCTYPE"
    }
}
