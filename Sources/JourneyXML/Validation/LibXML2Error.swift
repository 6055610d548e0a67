import CLibXML2

/// One finding reported by libxml2, copied out of its `xmlError` into Swift values.
struct LibXML2Error: Hashable, Sendable {
    /// How serious libxml2 says the finding is.
    enum Level: Hashable, Sendable {
        case warning
        /// A recoverable error, such as a validity error: parsing went on.
        case error
        /// An error that stopped the parse, such as a well-formedness error.
        case fatal
    }

    /// The part of libxml2 that reported it (`xmlErrorDomain`), such as `XML_FROM_PARSER`.
    var domain: Int32
    /// The error code (`xmlParserErrors`), such as `XML_ERR_NAME_REQUIRED`.
    var code: Int32
    var level: Level
    /// libxml2's message without its trailing newline.
    var message: String
    /// The file the finding is in, as libxml2 names it: the document's name, the path of a
    /// DTD or schema it loaded, or nil when unknown.
    var file: String?
    /// The 1-based line, or 0 when unknown.
    var line: Int
    /// The 1-based column in characters, or 0 when unknown.
    var column: Int
    /// The first string parameter of the message, such as an element or attribute name.
    var firstParameter: String?
    /// The second string parameter of the message.
    var secondParameter: String?
    /// The line of the node the finding is about, when libxml2 gave an element node; else 0.
    var nodeLine: Int

    init(
        domain: Int32, code: Int32, level: Level, message: String, file: String? = nil,
        line: Int = 0, column: Int = 0, firstParameter: String? = nil,
        secondParameter: String? = nil, nodeLine: Int = 0
    ) {
        self.domain = domain
        self.code = code
        self.level = level
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.firstParameter = firstParameter
        self.secondParameter = secondParameter
        self.nodeLine = nodeLine
    }

    /// Copies what matters out of libxml2's error, which is only valid during the callback.
    init(_ error: xmlError) {
        let level: Level =
            switch error.level {
            case XML_ERR_FATAL: .fatal
            case XML_ERR_WARNING: .warning
            default: .error
            }
        var nodeLine = 0
        if let node = error.node?.assumingMemoryBound(to: xmlNode.self),
            node.pointee.type == XML_ELEMENT_NODE
        {
            nodeLine = Int(xmlGetLineNo(node))
        }
        self.init(
            domain: error.domain,
            code: error.code,
            level: level,
            message: LibXML2Error.trimmed(error.message.map { String(cString: $0) } ?? "unknown libxml2 error"),
            file: error.file.map { String(cString: $0) },
            line: Int(max(0, error.line)),
            column: Int(max(0, error.int2)),
            firstParameter: error.str1.map { String(cString: $0) },
            secondParameter: error.str2.map { String(cString: $0) },
            nodeLine: max(0, nodeLine)
        )
    }

    /// Whether this is the given libxml2 error code.
    func `is`(_ code: xmlParserErrors) -> Bool {
        self.code == Int32(bitPattern: code.rawValue)
    }

    /// Whether libxml2 reported it from the given part of the library.
    func `is`(from domain: xmlErrorDomain) -> Bool {
        self.domain == Int32(bitPattern: domain.rawValue)
    }

    /// Whether the finding is about the document's validity (against a DTD or a schema)
    /// rather than its well-formedness.
    var isValidityFinding: Bool {
        `is`(from: XML_FROM_VALID) || `is`(from: XML_FROM_DTD) || `is`(from: XML_FROM_SCHEMASV)
    }

    /// Whether the finding is about the document's validity against a DTD (not a schema).
    var isDTDValidityFinding: Bool {
        `is`(from: XML_FROM_VALID) || `is`(from: XML_FROM_DTD)
    }

    /// Whether it is a reference to an entity that nothing declares, such as `&nbsp;`.
    var isUndeclaredEntity: Bool {
        `is`(XML_ERR_UNDECLARED_ENTITY) || `is`(XML_WAR_UNDECLARED_ENTITY)
    }

    /// Whether an external file, such as a DTD, could not be loaded: not found, or refused
    /// because it is on the network.
    var isLoadFailure: Bool {
        `is`(XML_IO_LOAD_ERROR) || `is`(XML_IO_NETWORK_ATTEMPT)
    }

    /// The longest message kept whole, in UTF-8 bytes; a longer one is cut with `…`.
    ///
    /// libxml2 quotes values in its messages: an ID of 10 MB made a message of 10 MB.
    static let longestMessage = 1_024

    /// libxml2 ends most messages with a newline, some with spaces too; a message longer than
    /// `longestMessage` is cut.
    private static func trimmed(_ message: String) -> String {
        var message = Substring(message)
        if message.utf8.count > longestMessage {
            message = Substring(String(message.unicodeScalars.prefix(longestMessage)) + "…")
        }
        while let last = message.unicodeScalars.last, last == "\n" || last == "\r" || last == " " || last == "\t" {
            message = Substring(message.unicodeScalars.dropLast())
        }
        return String(message)
    }
}
