import JourneyXML

/// A report ready to write, with what checking it found.
public struct RenderedReport: Sendable {
    /// The HTML document.
    public var html: String
    /// libxml2's well-formedness findings and any repeated `id`: write the report only when valid.
    public var validation: ValidationResult

    public init(html: String, validation: ValidationResult) {
        self.html = html
        self.validation = validation
    }

    /// Whether the report may be written: well-formed XML, every `id` unique.
    public var isValid: Bool { validation.isValid }
}
