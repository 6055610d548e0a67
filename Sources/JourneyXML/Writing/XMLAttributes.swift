/// The attributes of one XML element, written in the order they are listed.
///
/// Write them as a dictionary literal, `["x": 10, "y": 20.5, "fill": "none"]`: unlike a
/// `Dictionary`, the order of the literal is kept, which keeps the output byte-identical from
/// run to run. A `nil` value leaves the attribute out. Listing a name twice is a programming
/// error (XML forbids it) and stops the program.
public struct XMLAttributes: ExpressibleByDictionaryLiteral, Equatable, Sendable {
    /// One attribute: its name and its value as written, before escaping.
    public struct Attribute: Equatable, Sendable {
        public var name: String
        public var value: String
    }

    /// The attributes in the order they are written.
    public private(set) var attributes: [Attribute] = []

    public init(dictionaryLiteral elements: (String, (any XMLAttributeValue)?)...) {
        for (name, value) in elements {
            append(name, value)
        }
    }

    /// Adds an attribute after the others; a `nil` value adds nothing.
    public mutating func append(_ name: String, _ value: (any XMLAttributeValue)?) {
        guard let value else { return }
        precondition(XMLWriter.isName(name), "'\(name)' is not an XML attribute name")
        precondition(!attributes.contains { $0.name == name }, "attribute '\(name)' is listed twice")
        attributes.append(Attribute(name: name, value: value.xmlAttributeText))
    }

    /// The attributes of `lhs` followed by those of `rhs`.
    public static func + (lhs: XMLAttributes, rhs: XMLAttributes) -> XMLAttributes {
        var result = lhs
        for attribute in rhs.attributes {
            result.append(attribute.name, attribute.value)
        }
        return result
    }
}

/// A value that can be written as an XML attribute: text as it is, numbers by a fixed rule.
public protocol XMLAttributeValue: Sendable {
    /// The value as it goes between the quotes, before escaping.
    var xmlAttributeText: String { get }
}

extension String: XMLAttributeValue {
    public var xmlAttributeText: String { self }
}

extension Substring: XMLAttributeValue {
    public var xmlAttributeText: String { String(self) }
}

extension Int: XMLAttributeValue {
    public var xmlAttributeText: String { String(self) }
}

extension Double: XMLAttributeValue {
    /// The number as `XMLWriter.format(_:)` writes it: at most 2 decimals, no trailing zeros.
    public var xmlAttributeText: String { XMLWriter.format(self) }
}
