import CLibXML2
import JourneyLanguage

/// Reads an XML document with libxml2 into `XMLTreeElement` values, optionally validating it
/// against an XML Schema in the same parse.
///
/// This is the safe reading API of JourneyKit: the parser context and the document tree are
/// created, read and freed inside `read`, and only Swift values come out. Parsing is offline
/// (`XML_PARSE_NONET`, the no-network entity loader), never loads an external DTD and never
/// substitutes external entities, and line numbers stay exact past 65,535.
///
/// A document whose DOCTYPE declares an entity is refused before anything is copied out of it
/// (`Reading.entityDeclaration` says where): data formats have no use for them, and expanding
/// them is how a small file becomes gigabytes. A 500 KB document with a 200 KB entity referenced
/// 100,000 times made 20 GB of text when the copy expanded each reference.
package enum XMLTreeReader {
    /// What reading one document gave.
    package struct Reading: Sendable {
        /// The root element with everything inside it; nil when the document is not well-formed.
        package var root: XMLTreeElement?
        /// libxml2's findings: well-formedness, and validity against the schema when one was given.
        ///
        /// `grammar` is the schema when the document was validated against it.
        package var validation: ValidationResult
        /// The first entity the document's DOCTYPE declares, and where its `<!ENTITY` is written.
        ///
        /// Nil when it declares none. Otherwise the document is refused: `root` is nil and it was
        /// not validated against the schema; saying why is the caller's job.
        package var entityDeclaration: (name: String, range: SourceRange)?
    }

    /// Parses `bytes` and, when `schema` is given and the document is well-formed, validates
    /// the parsed tree against it.
    ///
    /// - Parameter name: the document's name in diagnostics, usually its path.
    package static func read(_ bytes: [UInt8], name: String, against schema: XMLSchema?) -> Reading {
        let (root, isWellFormed, declaresEntities, verdict, errors) = LibXML2.withErrorCapture {
            collector -> (XMLTreeElement?, Bool, Bool, Int32?, [LibXML2Error]) in
            guard bytes.count <= Int(Int32.max), let context = xmlNewParserCtxt() else {
                return (nil, false, false, nil, collector.errors)
            }
            defer { xmlFreeParserCtxt(context) }
            let document = XMLParseOutcome.read(
                bytes, name: name, encoding: nil,
                options: XMLParseOutcome.baseOptions, with: context)
            guard let document else { return (nil, false, false, nil, collector.errors) }
            defer { xmlFreeDoc(document) }
            let isWellFormed = context.pointee.wellFormed != 0
            // libxml2 parsed the references without expanding them, within its own limits; only a
            // copy would expand them, so none is made.
            if let subset = document.pointee.intSubset,
                subset.pointee.entities != nil || subset.pointee.pentities != nil
            {
                return (nil, isWellFormed, true, nil, collector.errors)
            }
            var verdict: Int32?
            if let schema, isWellFormed {
                verdict = schema.validate(document, reportingTo: collector)
            }
            let root = isWellFormed ? xmlDocGetRootElement(document).map { copy($0) } : nil
            return (root, isWellFormed, false, verdict, collector.errors)
        }

        let source = SourceFile(name: name, bytes: bytes)
        var entityDeclaration: (name: String, range: SourceRange)?
        if declaresEntities {
            let locator = XMLMarkupLocator(source: source)
            entityDeclaration =
                locator.entityDeclaration() ?? ("", locator.doctype() ?? SourceRange(line: 1, column: 1))
        }
        let grammarName = schema.map { "the XML Schema '\($0.name)'" } ?? "XML"
        var diagnostics = XMLFindings.diagnostics(for: errors, documentName: name, source: source, grammar: grammarName)
        let start = SourceRange(line: 1, column: 1)
        var grammar: ValidationResult.Grammar?
        if let schema, let verdict {
            grammar = .schema(name: schema.name)
            if verdict < 0 {
                diagnostics.append(
                    .xmlValidationFailed(
                        "libxml2 could not validate the document against '\(schema.name)'",
                        at: start))
            }
        }
        // Never a silent pass: when libxml2 rejected the document, something must say so.
        if !diagnostics.containsErrors {
            if !isWellFormed {
                diagnostics.append(.xmlNotWellFormed("libxml2 could not parse the document", at: start))
            } else if let schema, let verdict, verdict > 0 {
                let grammar = "the XML Schema '\(schema.name)'"
                diagnostics.append(.xmlInvalid("the document does not follow \(grammar)", against: grammar, at: start))
            }
        }
        return Reading(
            root: root,
            validation: ValidationResult(
                diagnostics: diagnostics.sortedByLocation(), grammar: grammar, checks: isWellFormed ? nil : [],
                failedChecks: isWellFormed ? [] : [.wellFormedness]),
            entityDeclaration: entityDeclaration)
    }

    /// The root element's namespace and local name, without reading the rest into Swift values.
    ///
    /// Nil when the document is not well-formed. Nothing is reported.
    package static func rootElementName(_ bytes: [UInt8]) -> (namespace: String?, name: String)? {
        LibXML2.withErrorCapture { _ -> (namespace: String?, name: String)? in
            guard bytes.count <= Int(Int32.max), let context = xmlNewParserCtxt() else { return nil }
            defer { xmlFreeParserCtxt(context) }
            guard
                let document = XMLParseOutcome.read(
                    bytes, name: "", encoding: nil,
                    options: XMLParseOutcome.baseOptions, with: context)
            else {
                return nil
            }
            defer { xmlFreeDoc(document) }
            guard context.pointee.wellFormed != 0, let root = xmlDocGetRootElement(document),
                let name = root.pointee.name
            else {
                return nil
            }
            return (root.pointee.ns?.pointee.href.map { String(cString: $0) }, String(cString: name))
        }
    }

    // MARK: - Copying out of libxml2's tree

    /// The element `node` and everything inside it, as Swift values.
    ///
    /// Call only while the document is alive, inside `LibXML2.withErrorCapture`.
    private static func copy(_ node: xmlNodePtr) -> XMLTreeElement {
        var element = XMLTreeElement(
            name: node.pointee.name.map { String(cString: $0) } ?? "",
            namespace: node.pointee.ns?.pointee.href.map { String(cString: $0) },
            attributes: [],
            children: [],
            text: "",
            line: max(0, Int(xmlGetLineNo(node))))

        var attribute = node.pointee.properties
        while let current = attribute {
            element.attributes.append(
                XMLTreeElement.Attribute(
                    name: current.pointee.name.map { String(cString: $0) } ?? "",
                    namespace: current.pointee.ns?.pointee.href.map { String(cString: $0) },
                    value: value(of: current)))
            attribute = current.pointee.next
        }

        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(copy(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    element.text += String(cString: content)
                }
            default:
                // Comments, processing instructions, and references to entities that are not
                // declared (a document that declares one is not copied), which hold no text.
                break
            }
            child = current.pointee.next
        }
        return element
    }

    /// An attribute's value: its text nodes joined, character references already replaced.
    ///
    /// References to undeclared entities hold no text and are left out; nothing is expanded.
    private static func value(of attribute: xmlAttrPtr) -> String {
        var value = ""
        var child = attribute.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                value += String(cString: content)
            }
            child = current.pointee.next
        }
        return value
    }
}
