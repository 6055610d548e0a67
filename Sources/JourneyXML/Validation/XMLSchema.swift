import CLibXML2
import JourneyLanguage

/// A compiled XML Schema (XSD) that documents can be validated against, many times over.
///
/// Compile it once, from the bytes of the `.xsd` file or from its path, then pass it to
/// `XMLValidator.validate(_:name:against:)`. Imports and includes are resolved next to the
/// schema's name through the system XML catalog, never over the network.
public final class XMLSchema: @unchecked Sendable {
    // Sendable: the compiled schema is read-only once built, and every use of it, including
    // freeing it, happens under `LibXML2`'s lock.

    /// The schema's name as given, such as its path: used in diagnostics.
    public let name: String
    private let schema: xmlSchemaPtr
    /// The schema's own document, which the compiled schema may point into.
    private let document: xmlDocPtr

    /// Compiles a schema from the bytes of an `.xsd` file.
    ///
    /// - Parameter name: the schema's name in diagnostics; relative `schemaLocation`s are
    ///   resolved against it, so give the file's path when there is one.
    /// - Throws: `XMLSchemaError` with libxml2's findings when the schema is not
    ///   well-formed or not a valid XML Schema.
    public init(_ bytes: some Collection<UInt8>, name: String) throws(XMLSchemaError) {
        let bytes = Array(bytes)
        typealias Compiled = (schema: xmlSchemaPtr, document: xmlDocPtr)
        let (compiled, errors) = LibXML2.withErrorCapture(reading: .localFiles) {
            collector -> (Compiled?, [LibXML2Error]) in
            guard bytes.count <= Int(Int32.max), let context = xmlNewParserCtxt() else {
                return (nil, collector.errors)
            }
            defer { xmlFreeParserCtxt(context) }
            let parsed = XMLParseOutcome.read(
                bytes, name: name, encoding: nil, options: XMLParseOutcome.baseOptions,
                with: context)
            guard let document = parsed else { return (nil, collector.errors) }
            guard let parserContext = xmlSchemaNewDocParserCtxt(document) else {
                xmlFreeDoc(document)
                return (nil, collector.errors)
            }
            defer { xmlSchemaFreeParserCtxt(parserContext) }
            xmlSchemaSetParserStructuredErrors(parserContext, LibXML2.collectError, collector.opaquePointer)
            guard let schema = xmlSchemaParse(parserContext) else {
                xmlFreeDoc(document)
                return (nil, collector.errors)
            }
            return ((schema, document), collector.errors)
        }
        guard let compiled else {
            var diagnostics = XMLFindings.diagnostics(
                for: errors, documentName: name, text: bytes,
                grammar: "the XML Schema language")
            if !diagnostics.containsErrors {
                let start = SourceRange(line: 1, column: 1)
                diagnostics.append(.xmlValidationFailed("libxml2 could not compile the schema", at: start))
            }
            throw XMLSchemaError(name: name, diagnostics: diagnostics)
        }
        self.name = name
        self.schema = compiled.schema
        self.document = compiled.document
    }

    /// Compiles the schema in the file at `path`.
    ///
    /// - Throws: `XMLSchemaError` when the file cannot be read or is not a valid XML Schema.
    public convenience init(contentsOf path: String) throws(XMLSchemaError) {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path, limit: .xmlDocument)
        } catch {
            throw XMLSchemaError(name: path, diagnostics: [.unreadable(error)])
        }
        try self.init(bytes, name: path)
    }

    deinit {
        let schema = schema
        let document = document
        LibXML2.withLock {
            xmlSchemaFree(schema)
            xmlFreeDoc(document)
        }
    }

    /// Validates a parsed document, sending libxml2's findings to `collector`.
    ///
    /// Call only inside `LibXML2.withErrorCapture`.
    /// - Returns: 0 when valid, a positive count of errors when not, negative on an internal failure.
    func validate(_ document: xmlDocPtr, reportingTo collector: LibXML2.ErrorCollector) -> Int32 {
        guard let context = xmlSchemaNewValidCtxt(schema) else { return -1 }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, LibXML2.collectError, collector.opaquePointer)
        return xmlSchemaValidateDoc(context, document)
    }
}

/// A schema that could not be compiled, with libxml2's findings about it.
public struct XMLSchemaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The schema's name as given.
    public var name: String
    /// What is wrong, at lines and columns of the schema.
    public var diagnostics: [Diagnostic]

    public init(name: String, diagnostics: [Diagnostic]) {
        self.name = name
        self.diagnostics = diagnostics
    }

    public var description: String {
        let first = diagnostics.first.map { ": \($0.location): \($0.message)" } ?? ""
        return "the XML Schema '\(name)' cannot be used\(first)"
    }
}
