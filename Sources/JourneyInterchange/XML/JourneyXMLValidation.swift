import JourneyXML

/// Validation of the project's own XML format, and the choice of grammar for `journey validate`.
extension XMLValidator {
    /// Validates a document of the project's XML format against the embedded schema
    /// `journey-1.xsd`, offline, as journey does before writing one.
    ///
    /// A root element that is not `<journey>` in the namespace `JourneySchema.namespace` is an
    /// error (`xml-not-a-journey`); libxml2's findings are reworded for the format (element
    /// names without the namespace, hints for the format's rules).
    public static func validateJourneyXML(_ document: some Collection<UInt8>, name: String) -> ValidationResult {
        JourneyXMLDocument(Array(document), name: name).validation
    }

    /// Validates a document of the project's XML format given as text (its UTF-8 bytes).
    public static func validateJourneyXML(_ text: String, name: String) -> ValidationResult {
        validateJourneyXML(Array(text.utf8), name: name)
    }

    /// Validates any XML document, choosing what to validate it against from its root element:
    /// the journey XML Schema when the root is in the journey namespace (or is a `journey`
    /// element in no namespace, which is then reported as missing its namespace), else
    /// well-formedness and the DTD of its DOCTYPE, as `validate(_:name:)` does.
    ///
    /// This is what `journey validate` runs on each file.
    public static func validateRecognizingJourneyXML(_ document: some Collection<UInt8>, name: String)
        -> ValidationResult
    {
        let bytes = Array(document)
        if let root = XMLTreeReader.rootElementName(bytes),
            root.namespace == JourneySchema.namespace
                || (root.namespace == nil && root.name == JourneySchema.rootElement)
        {
            return validateJourneyXML(bytes, name: name)
        }
        return validate(bytes, name: name)
    }
}
