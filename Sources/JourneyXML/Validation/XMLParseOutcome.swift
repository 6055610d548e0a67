import CLibXML2

/// What libxml2 found while parsing one document, copied into Swift values.
///
/// Parsing is where the C pointers live: the parser context and the document tree are
/// created, read and freed inside `parse`, and nothing that points into them escapes.
struct XMLParseOutcome: Sendable {
    /// What to check beyond well-formedness while parsing.
    struct Checks {
        /// Load the DTD named by the DOCTYPE, if any, and validate against it while parsing.
        var documentTypeDefinition = false
        /// After a well-formed parse, validate the tree against a compiled XML Schema.
        var schema: XMLSchema?

        /// The DTD of the DOCTYPE only.
        static let documentTypeDefinition = Checks(documentTypeDefinition: true)

        /// A compiled XML Schema only; the DOCTYPE is not used.
        static func schema(_ schema: XMLSchema) -> Checks {
            Checks(schema: schema)
        }
    }

    /// Whether the document is well-formed XML (libxml2 stops at the first fatal error).
    var isWellFormed: Bool
    /// Whether the document followed its DTD; false when it has none.
    var followedDTD: Bool
    /// The document's DOCTYPE, when it has one.
    var documentType: DocumentTypeDeclaration?
    /// Whether the external DTD named by the DOCTYPE was found and loaded.
    var loadedExternalDTD: Bool
    /// The root element's name (without a prefix), when the parse got that far.
    var rootElement: String?
    /// The line of the root element's start tag, or 0.
    var rootElementLine: Int
    /// The schema's verdict: 0 valid, more than 0 invalid, less than 0 an internal failure,
    /// nil when no schema was applied.
    var schemaVerdict: Int32?
    /// Everything libxml2 reported, in order.
    var errors: [LibXML2Error]
    /// The external DTDs and entities that the document asked for and that were not loaded,
    /// because the system XML catalog does not name them, in order.
    var refusedLoads: [ExternalLoadRefusal] = []

    /// Options for every parse: never the network, and line numbers past 65,535.
    ///
    /// DTD loading and validation are added for `documentTypeDefinition`.
    static let baseOptions = XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue

    /// Parses `bytes` with libxml2 and runs the requested checks.
    ///
    /// - Parameters:
    ///   - name: the document's name; libxml2 also resolves a relative DTD path against it.
    ///   - encoding: the encoding to assume whatever the XML declaration says, or nil to detect it.
    static func parse(_ bytes: [UInt8], name: String, encoding: String?, checks: Checks) -> XMLParseOutcome {
        var options = baseOptions
        if checks.documentTypeDefinition {
            options |= XML_PARSE_DTDLOAD.rawValue | XML_PARSE_DTDVALID.rawValue
        }
        return LibXML2.withErrorCapture { collector in
            var outcome = XMLParseOutcome(
                isWellFormed: false, followedDTD: false, documentType: nil, loadedExternalDTD: false,
                rootElement: nil, rootElementLine: 0, schemaVerdict: nil, errors: [])
            guard bytes.count <= Int(Int32.max), let context = xmlNewParserCtxt() else {
                outcome.errors = [
                    LibXML2Error(
                        domain: Int32(bitPattern: XML_FROM_MEMORY.rawValue),
                        code: Int32(bitPattern: XML_ERR_NO_MEMORY.rawValue),
                        level: .fatal, message: "libxml2 could not take a document of \(bytes.count) bytes")
                ]
                return outcome
            }
            defer { xmlFreeParserCtxt(context) }

            let document = read(bytes, name: name, encoding: encoding, options: options, with: context)
            defer { if let document { xmlFreeDoc(document) } }

            let parser = context.pointee
            outcome.isWellFormed = parser.wellFormed != 0 && document != nil
            outcome.followedDTD = parser.valid != 0
            // libxml2's names are crossed: extSubSystem holds the public id, extSubURI the system id.
            if let rootName = parser.intSubName {
                outcome.documentType = DocumentTypeDeclaration(
                    rootElement: String(cString: rootName),
                    publicID: parser.extSubSystem.map { String(cString: $0) },
                    systemID: parser.extSubURI.map { String(cString: $0) })
            }
            if let document {
                outcome.loadedExternalDTD = document.pointee.extSubset != nil
                if let root = xmlDocGetRootElement(document) {
                    outcome.rootElement = root.pointee.name.map { String(cString: $0) }
                    outcome.rootElementLine = max(0, Int(xmlGetLineNo(root)))
                }
                if let schema = checks.schema, outcome.isWellFormed {
                    outcome.schemaVerdict = schema.validate(document, reportingTo: collector)
                }
            }
            outcome.errors = collector.errors
            outcome.refusedLoads = collector.refusedLoads
            return outcome
        }
    }

    /// Parses `bytes` into a document tree with `context`; nil when libxml2 gave up.
    ///
    /// Call only inside `LibXML2.withErrorCapture`; the caller frees the tree with `xmlFreeDoc`.
    /// - Precondition: `bytes` holds at most `Int32.max` bytes.
    static func read(
        _ bytes: [UInt8], name: String, encoding: String?, options: UInt32,
        with context: xmlParserCtxtPtr
    ) -> xmlDocPtr? {
        // libxml2 refuses a null buffer without a word, so an empty document gets a real one.
        let storage = bytes.isEmpty ? [0] : bytes
        return storage.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                xmlCtxtReadMemory(
                    context, characters.baseAddress, Int32(bytes.count), name, encoding,
                    Int32(bitPattern: options))
            }
        }
    }
}
