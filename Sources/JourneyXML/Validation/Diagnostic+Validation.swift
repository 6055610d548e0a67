import JourneyLanguage

// Messages about XML and SVG documents checked with libxml2: most carry libxml2's own words.

extension Diagnostic {
    /// The code of `xmlNotWellFormed(_:at:)`.
    static let notWellFormedCode = "xml-not-well-formed"

    /// The document is not well-formed XML; `message` is libxml2's.
    static func xmlNotWellFormed(_ message: String, at range: SourceRange) -> Diagnostic {
        .error(
            notWellFormedCode, message, at: range,
            help: "close every tag, in order, and write '&' and '<' in text or attribute values as "
                + "'&amp;' and '&lt;'")
    }

    /// The document breaks its DTD or schema; `message` is libxml2's and `grammar` names the rules,
    /// such as "the SVG 1.1 DTD".
    package static func xmlInvalid(_ message: String, against grammar: String, at range: SourceRange) -> Diagnostic {
        .error(
            "xml-invalid", message, at: range,
            help: "the document must follow \(grammar)")
    }

    /// Something libxml2 warns about without making the document invalid.
    static func xmlWarning(_ message: String, at range: SourceRange) -> Diagnostic {
        .warning("xml-warning", message, at: range)
    }

    /// The XML Schema itself cannot be compiled; `message` is libxml2's.
    static func xsdInvalid(_ message: String, at range: SourceRange) -> Diagnostic {
        .error(
            "xsd-invalid", message, at: range,
            help: "fix the schema: libxml2 cannot compile it as it is written")
    }

    /// The DTD named by the DOCTYPE is not in the system XML catalog, and is never fetched.
    static func dtdNotFound(_ doctype: DocumentTypeDeclaration, at range: SourceRange) -> Diagnostic {
        if doctype.publicID == DocumentTypeDeclaration.svg11.publicID {
            return .error(
                "dtd-not-found",
                "the SVG 1.1 DTD was not found in the system XML catalog; install w3c-sgml-lib",
                at: range,
                help: "on Debian or Ubuntu: apt-get install w3c-sgml-lib "
                    + "(journey validates offline and never downloads a DTD)")
        }
        return .error(
            "dtd-not-found",
            "the DTD '\(doctype.displayName)' was not found in the system XML catalog",
            at: range,
            help: "journey reads only the DTDs that the XML catalog names and never downloads one: add it "
                + "to the catalog (/etc/xml/catalog, or the files in XML_CATALOG_FILES), or remove the DOCTYPE")
    }

    /// An external entity that the system XML catalog does not name, which was not read: a
    /// local file, or an address on the network.
    static func externalEntityRefused(_ refusal: ExternalLoadRefusal, at range: SourceRange) -> Diagnostic {
        let why =
            refusal.isOnTheNetwork
            ? "journey never goes to the network" : "journey reads only the files that the system XML catalog names"
        return .error(
            "external-entity-refused",
            "the external entity '\(refusal.displayName)' was not read: \(why)",
            at: range,
            help: "write its text into the document itself, or add the file to the XML catalog "
                + "(/etc/xml/catalog, or the files in XML_CATALOG_FILES)")
    }

    /// The SVG 1.1 DTD is not installed, so an SVG was checked only as far as journey's own
    /// schema reaches (`subsetChecked`), or, when that could not run on it, for well-formedness
    /// alone: a note for `journey validate`, not a failure.
    static func svgDTDNotInstalled(at range: SourceRange, subsetChecked: Bool = true) -> Diagnostic {
        .warning(
            "svg-dtd-not-installed",
            "the SVG 1.1 DTD is not in the system XML catalog, so only well-formedness "
                + (subsetChecked ? "and \(SVGSubsetSchema.displayName) were checked" : "was checked"),
            at: range,
            help: "for the full SVG 1.1 check, install the DTD: apt-get install w3c-sgml-lib "
                + "(Debian, Ubuntu); journey never downloads a DTD")
    }

    /// An element or attribute outside journey's SVG 1.1 subset, in an SVG whose DTD is not
    /// installed: it may be valid SVG 1.1, but nothing here can tell; `message` is libxml2's.
    static func svgNotChecked(_ message: String, at range: SourceRange) -> Diagnostic {
        .warning(
            "svg-not-checked",
            "\(message); it is outside \(SVGSubsetSchema.displayName) and could not be checked "
                + "without the SVG 1.1 DTD",
            at: range,
            help: "install the SVG 1.1 DTD to check it: apt-get install w3c-sgml-lib")
    }

    /// An SVG without a DOCTYPE cannot be validated against the SVG 1.1 DTD.
    static func svgDoctypeMissing(at range: SourceRange) -> Diagnostic {
        .error(
            "svg-doctype-missing", "the SVG has no DOCTYPE, so it cannot be validated against the SVG 1.1 DTD",
            at: range,
            help: "put \(DocumentTypeDeclaration.svg11.markup) before the <svg> tag")
    }

    /// An SVG whose DOCTYPE names no DTD, only an internal subset, which declares none of SVG's
    /// elements: it cannot be validated against the SVG 1.1 DTD.
    static func svgDoctypeWithoutDTD(at range: SourceRange) -> Diagnostic {
        .error(
            "svg-doctype-without-dtd",
            "the DOCTYPE names no DTD, only an internal subset, so the SVG cannot be validated against the SVG 1.1 DTD",
            at: range,
            help: "name the SVG 1.1 DTD before the internal subset: "
                + "\(DocumentTypeDeclaration.svg11.markup.dropLast()) [ … ]>")
    }

    /// An SVG whose DTD is not installed refers to an entity, which journey's SVG 1.1 subset
    /// schema cannot check: libxml2's schema validator does not take entity references.
    static func svgEntitiesNotChecked(_ reference: String, at range: SourceRange) -> Diagnostic {
        .warning(
            "svg-entities-not-checked",
            "the SVG refers to the entity '\(reference)', and \(SVGSubsetSchema.displayName) cannot check "
                + "a document that uses entities, so without the SVG 1.1 DTD only well-formedness was checked",
            at: range,
            help: "write the entity's text in place of '\(reference)', or install the SVG 1.1 DTD to check the "
                + "document against it: apt-get install w3c-sgml-lib (Debian, Ubuntu)")
    }

    /// A reference to an entity that no DTD of the document declares, such as HTML's `&nbsp;`.
    static func xmlUndeclaredEntity(_ name: String, at range: SourceRange) -> Diagnostic {
        let example = UndeclaredEntity.characterReference(forHTMLEntity: name).map { "'\($0)'" } ?? "'&#160;'"
        return .error(
            "xml-undeclared-entity",
            "the entity '&\(name);' is not declared: XML itself declares only &amp;, &lt;, &gt;, &quot; and &apos;",
            at: range,
            help: "write the character itself, or a numeric character reference such as \(example)")
    }

    /// An SVG whose DOCTYPE names another DTD than SVG 1.1.
    static func svgDoctypeMismatch(_ doctype: DocumentTypeDeclaration, at range: SourceRange) -> Diagnostic {
        .error(
            "svg-doctype-mismatch", "the DOCTYPE names '\(doctype.displayName)', not the SVG 1.1 DTD",
            at: range,
            help: "use \(DocumentTypeDeclaration.svg11.markup)")
    }

    /// libxml2 failed without a finding, such as out of memory: the document is not taken as valid.
    static func xmlValidationFailed(_ message: String, at range: SourceRange) -> Diagnostic {
        .error(
            "xml-validation-failed", message, at: range,
            help: "the document cannot be written until it is validated; try again, and report the problem if it stays")
    }
}
