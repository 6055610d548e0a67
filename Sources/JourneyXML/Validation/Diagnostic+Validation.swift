import JourneyLanguage

// Messages about XML and SVG documents checked with libxml2: most carry libxml2's own words.

extension Diagnostic {
    /// The document is not well-formed XML; `message` is libxml2's.
    static func xmlNotWellFormed(_ message: String, at range: SourceRange) -> Diagnostic {
        .error(
            "xml-not-well-formed", message, at: range,
            help: "XML needs every tag closed in order, and '&' and '<' in text or attribute values "
                + "written as '&amp;' and '&lt;'")
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
        let place =
            doctype.publicID == nil ? "next to the document or in the system XML catalog" : "in the system XML catalog"
        return .error(
            "dtd-not-found",
            "the DTD '\(doctype.displayName)' was not found \(place)",
            at: range,
            help: "journey validates offline and never downloads a DTD: add it to the XML catalog "
                + "(/etc/xml/catalog, or the files in XML_CATALOG_FILES), or remove the DOCTYPE")
    }

    /// An SVG without a DOCTYPE cannot be validated against the SVG 1.1 DTD.
    static func svgDoctypeMissing(at range: SourceRange) -> Diagnostic {
        .error(
            "svg-doctype-missing", "the SVG has no DOCTYPE, so it cannot be validated against the SVG 1.1 DTD",
            at: range,
            help: "put \(DocumentTypeDeclaration.svg11.markup) before the <svg> tag")
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
