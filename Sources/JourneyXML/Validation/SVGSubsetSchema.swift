/// journey's SVG 1.1 subset schema: the elements and attributes its charts use, as an XSD.
///
/// The schema is `Validation/Schemas/svg11-subset.xsd`, written for journey from the SVG 1.1
/// specification and compiled into the module by SwiftPM, so every SVG journey writes is
/// validated on any machine, offline. It declares only elements and attributes that the SVG
/// 1.1 DTD declares, with value types narrowed where the specification gives a grammar
/// (numbers, lengths, colours, paint, enumerations such as `text-anchor`). When the system XML
/// catalog also has the full DTD, `XMLValidator.validateSVG` checks both. See
/// docs/validation.md.
public enum SVGSubsetSchema {
    /// The schema file's name, as diagnostics name it.
    public static let fileName = "svg11-subset.xsd"

    /// The namespace of SVG, the schema's target namespace.
    public static let namespace = "http://www.w3.org/2000/svg"

    /// The schema's text.
    public static var text: String {
        String(decoding: PackageResources.svg11_subset_xsd, as: UTF8.self)
    }

    /// How diagnostics and `journey validate` name the schema.
    public static let displayName = "journey's SVG 1.1 subset schema (\(fileName))"

    /// The schema compiled once per process.
    static let compiled: XMLSchema = {
        do {
            return try XMLSchema(PackageResources.svg11_subset_xsd, name: fileName)
        } catch {
            // The embedded schema is tested to compile: this is a bug in the tool.
            preconditionFailure("the embedded \(fileName) does not compile: \(error)")
        }
    }()
}
