/// The formats a journey travels in, besides its own `.journey` language.
public enum InterchangeFormat: String, Hashable, Sendable, CaseIterable {
    /// The project's JSON document: the model and its metrics (docs/formats.md).
    case json
    /// The project's XML document, in its own namespace, with an XSD (docs/formats.md).
    case xml
    /// A Mermaid `journey` diagram, which GitHub and other Mermaid renderers draw (docs/mermaid.md).
    case mermaid

    /// The file extension written by default, without the dot.
    public var fileExtension: String {
        switch self {
        case .json: "json"
        case .xml: "xml"
        case .mermaid: "mmd"
        }
    }

    /// The file extensions that name the format on import, without the dot: the written one first.
    public var recognisedExtensions: [String] {
        self == .mermaid ? [fileExtension, "mermaid"] : [fileExtension]
    }

    /// The format of a file to import, from its extension or else its first characters:
    /// `{` is JSON, `<` is XML, anything else is taken for Mermaid.
    public static func detect(path: String, bytes: [UInt8]) -> InterchangeFormat {
        let lowered = path.lowercased()
        if let named = allCases.first(where: { $0.recognisedExtensions.contains { lowered.hasSuffix("." + $0) } }) {
            return named
        }
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        switch content.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
        case UInt8(ascii: "{"): return .json
        case UInt8(ascii: "<"): return .xml
        default: return .mermaid
        }
    }
}
