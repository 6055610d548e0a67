import JourneyXML

/// An XML Schema (XSD) of the project's XML format, compiled into the tool.
///
/// The schemas are the files of `XML/Schemas/`, which SwiftPM compiles into the module as
/// `PackageResources` (see Package.swift), so that the tool validates its XML wherever it
/// runs, offline. See docs/formats.md, section "XML".
public struct JourneySchema: Hashable, Sendable {
    /// The file's name without `.xsd`, such as `journey-1`.
    public var name: String
    /// The schema's text.
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// Every XML Schema of the XML format that ships with the tool, sorted by name.
    ///
    /// Each file of `XML/Schemas/` must be listed here; a test fails until it is.
    public static let all: [JourneySchema] = [
        JourneySchema(name: "journey-1", bytes: PackageResources.journey_1_xsd)
    ].sorted { $0.name < $1.name }

    /// A schema from the UTF-8 bytes of its compiled-in file.
    private init(name: String, bytes: [UInt8]) {
        self.init(name: name, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The namespace of version 1 of the format: a name, never fetched.
    public static let namespace = "https://journey.tools/schema/journey/1"
    /// The value of the root element's `version` attribute in version 1.
    public static let version = "1"
    /// The root element's local name.
    public static let rootElement = "journey"

    /// The schema of version 1, `XML/Schemas/journey-1.xsd`.
    public static var version1: JourneySchema {
        guard let schema = all.first(where: { $0.name == "journey-1" }) else {
            preconditionFailure("journey-1.xsd is not in JourneySchema.all")
        }
        return schema
    }

    /// The schema file's name, as diagnostics name it: `journey-1.xsd`.
    public var fileName: String { name + ".xsd" }

    /// Version 1 compiled once per process, ready to validate documents against.
    public static let compiled: XMLSchema = {
        let schema = version1
        do {
            return try XMLSchema(Array(schema.text.utf8), name: schema.fileName)
        } catch {
            // The embedded schema is tested to compile: this is a bug in the tool.
            preconditionFailure("the embedded \(schema.fileName) does not compile: \(error)")
        }
    }()
}
