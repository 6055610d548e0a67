import JourneyLanguage

/// Writes an XML document, such as an SVG chart, the same way byte for byte on every run.
///
/// Elements nest through closures, so an element cannot be closed in the wrong place:
///
/// ```swift
/// var writer = XMLWriter()
/// writer.writeSVGPrologue()
/// writer.element("svg", ["xmlns": XMLWriter.svgNamespace, "version": "1.1"]) { svg in
///     svg.element("rect", ["x": 0, "y": 0, "width": 10.5, "height": 4])
///     svg.element("title", text: "Checkout & payment")
/// }
/// ```
///
/// The rules that make the output deterministic and valid:
/// - Attributes are written in the order given (see `XMLAttributes`), numbers by `format(_:)`.
/// - Text and attribute values are escaped (`&` `<` `>` `"` `'`), and characters that XML 1.0
///   does not allow (control characters other than tab, line feed and carriage return, and
///   U+FFFE and U+FFFF) are removed; see `escaped(_:)`.
/// - Each element of a block starts on its own line, indented 2 spaces per level; an element
///   with no content closes itself (`<g/>`). Inline elements (`inlineElement(_:_:body:)`, and
///   elements with `text:`) keep their whole content on one line, because whitespace inside SVG
///   `text` is rendered.
/// - Ids come from counters (`nextID(_:)`), never from random numbers.
public struct XMLWriter: Sendable {
    /// The XML declaration that starts a document.
    public static let xmlDeclaration = #"<?xml version="1.0" encoding="UTF-8"?>"#
    /// The document type of SVG 1.1, whose DTD the charts validate against.
    public static let svgDocumentType =
        #"<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">"#
    /// The namespace of SVG elements, for the `xmlns` attribute of the root `svg` element.
    public static let svgNamespace = "http://www.w3.org/2000/svg"
    /// The namespace of XLink, for `xmlns:xlink` when a document uses `xlink:href`.
    public static let xlinkNamespace = "http://www.w3.org/1999/xlink"

    /// The document written so far; every line ends with a line feed.
    public private(set) var output = ""
    /// How many elements are open around the current position.
    private var depth = 0
    /// How many of the open elements keep their content on one line.
    private var inlineDepth = 0
    /// Whether the innermost open element's start tag still lacks its `>`.
    private var startTagIsOpen = false
    private var idCounters: [String: Int] = [:]

    public init() {}

    /// Writes the XML declaration and the SVG 1.1 document type; call it first.
    public mutating func writeSVGPrologue() {
        precondition(output.isEmpty, "the prologue must come first")
        output += Self.xmlDeclaration + "\n" + Self.svgDocumentType + "\n"
    }

    /// Writes an element with no content: `<name attributes/>`.
    public mutating func element(_ name: String, _ attributes: XMLAttributes = [:]) {
        writeElement(name, attributes, inline: false) { _ in }
    }

    /// Writes an element whose children `body` writes, each on its own line inside a block.
    public mutating func element(
        _ name: String, _ attributes: XMLAttributes = [:], body: (inout XMLWriter) -> Void
    ) {
        writeElement(name, attributes, inline: false, body: body)
    }

    /// Writes an element that holds only text, on one line: `<title>Checkout &amp; pay</title>`.
    ///
    /// Empty text gives an element that closes itself.
    public mutating func element(_ name: String, _ attributes: XMLAttributes = [:], text: String) {
        writeElement(name, attributes, inline: true) { $0.text(text) }
    }

    /// Writes an element whose content `body` writes on one line, without indentation.
    ///
    /// Use it for SVG `text` with `tspan` children: whitespace between them would be rendered.
    public mutating func inlineElement(
        _ name: String, _ attributes: XMLAttributes = [:], body: (inout XMLWriter) -> Void
    ) {
        writeElement(name, attributes, inline: true, body: body)
    }

    /// Writes escaped text: as it is inside an inline element, on its own indented lines in a block.
    public mutating func text(_ text: String) {
        guard !text.isEmpty else { return }
        finishStartTag()
        if inlineDepth > 0 {
            output += Self.escaped(text)
        } else {
            for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                output += indentation + Self.escaped(String(line)) + "\n"
            }
        }
    }

    /// A new id made of `prefix`, a hyphen and a counter of that prefix starting at 1: `clip-1`.
    public mutating func nextID(_ prefix: String) -> String {
        precondition(Self.isName(prefix) && !prefix.contains(":"), "'\(prefix)' cannot start an XML id")
        let number = idCounters[prefix, default: 0] + 1
        idCounters[prefix] = number
        return "\(prefix)-\(number)"
    }

    /// A whole SVG 1.1 document: the prologue, then an `svg` element of `width` × `height` px.
    ///
    /// The root element carries `xmlns`, `version="1.1"`, `width`, `height` and a `viewBox` from
    /// (0, 0), then `attributes` (add `"xmlns:xlink": XMLWriter.xlinkNamespace` to use links).
    public static func svgDocument(
        width: Double, height: Double, attributes: XMLAttributes = [:], body: (inout XMLWriter) -> Void
    ) -> String {
        var writer = XMLWriter()
        writer.writeSVGPrologue()
        let root: XMLAttributes = [
            "xmlns": svgNamespace, "version": "1.1", "width": width, "height": height,
            "viewBox": "0 0 \(format(width)) \(format(height))",
        ]
        writer.element("svg", root + attributes, body: body)
        return writer.output
    }

    /// A number as the charts write it: at most 2 decimals, no trailing zeros, never `-0`.
    ///
    /// Rounds half away from zero from the binary value, so `1.005` (stored as
    /// 1.00499999…) is `1`, `2.5` is `2.5`, `0.125` is `0.13`, `-0.001` is `0` and `1e20` is
    /// `1e+20`. Infinity and NaN are programming errors: they stop a debug build and are
    /// written as `0` in a release build.
    public static func format(_ number: Double) -> String {
        var bytes: [UInt8] = []
        appendFormatted(number, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The UTF-8 bytes of `format(number)`, appended to `bytes`.
    public static func appendFormatted(_ number: Double, to bytes: inout [UInt8]) {
        assert(number.isFinite, "cannot write \(number) in SVG")
        guard number.isFinite else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        NumberFormatting.appendPlain(number, maximumFractionDigits: 2, to: &bytes)
    }

    /// `text` escaped for XML text or a double-quoted attribute value.
    ///
    /// `&` `<` `>` `"` `'` become entity references (so `]]>` is written `]]&gt;`); tab, line
    /// feed and carriage return become character references inside attributes, where a parser
    /// would otherwise turn them into spaces, and carriage return does in text too. Other
    /// control characters, U+FFFE and U+FFFF are not allowed in XML 1.0 and are dropped.
    public static func escaped(_ text: String, inAttribute: Bool = false) -> String {
        // Works on UTF-8 bytes: every character escaped or dropped is ASCII but U+FFFE and
        // U+FFFF (EF BF BE, EF BF BF), and most text needs nothing, so it is returned as it
        // is after one pass. Appending scalar by scalar took 9,200 instructions a call, 13% of
        // `journey export --format xml` on 10,000 touchpoints.
        let bytes = text.utf8.span
        var firstToChange = 0
        while firstToChange < bytes.count, !mayChange(bytes[firstToChange], inAttribute: inAttribute) {
            firstToChange += 1
        }
        guard firstToChange < bytes.count else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        for index in 0..<firstToChange { result.append(bytes[index]) }
        var index = firstToChange
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): result.append(contentsOf: "&apos;".utf8)
            case UInt8(ascii: "\r"): result.append(contentsOf: "&#13;".utf8)
            case UInt8(ascii: "\t") where inAttribute: result.append(contentsOf: "&#9;".utf8)
            case UInt8(ascii: "\n") where inAttribute: result.append(contentsOf: "&#10;".utf8)
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"): result.append(byte)
            case 0..<0x20: break
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] & 0xFE == 0xBE:
                index += 2  // U+FFFE or U+FFFF
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `escaped(_:inAttribute:)` may change `byte` or the character it starts.
    private static func mayChange(_ byte: UInt8, inAttribute: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF:
            return true
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"): return inAttribute
        case 0..<0x20: return true
        default: return false
        }
    }

    /// Whether `name` can name an element or attribute: a letter, `_` or `:`, then letters,
    /// digits, `-`, `.`, `_` or `:` (letters outside ASCII included).
    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        func isStart(_ scalar: Unicode.Scalar) -> Bool {
            // An ASCII letter without the Unicode property look-up, which took 6% of `journey
            // report` on 10,000 touchpoints: every element and attribute name is checked.
            switch scalar {
            case "a"..."z", "A"..."Z", "_", ":": true
            default: !scalar.isASCII && scalar.properties.isAlphabetic
            }
        }
        return isStart(first)
            && name.unicodeScalars.allSatisfy { scalar in
                isStart(scalar) || scalar == "-" || scalar == "." || ("0"..."9").contains(scalar)
            }
    }

    private var indentation: String { String(repeating: "  ", count: depth) }

    /// Adds the `>` that the innermost start tag still lacks, now that it has content.
    private mutating func finishStartTag() {
        guard startTagIsOpen else { return }
        output += inlineDepth > 0 ? ">" : ">\n"
        startTagIsOpen = false
    }

    private mutating func writeElement(
        _ name: String, _ attributes: XMLAttributes, inline: Bool, body: (inout XMLWriter) -> Void
    ) {
        precondition(Self.isName(name), "'\(name)' is not an XML element name")
        finishStartTag()
        let parentIsInline = inlineDepth > 0
        let isInline = parentIsInline || inline
        if !parentIsInline { output += indentation }
        output += "<" + name
        for attribute in attributes.attributes {
            output += " \(attribute.name)=\"\(Self.escaped(attribute.value, inAttribute: true))\""
        }
        startTagIsOpen = true
        depth += 1
        if isInline { inlineDepth += 1 }
        body(&self)
        depth -= 1
        if isInline { inlineDepth -= 1 }
        if startTagIsOpen {
            output += "/>"
            startTagIsOpen = false
        } else {
            if !isInline { output += indentation }
            output += "</\(name)>"
        }
        if !parentIsInline { output += "\n" }
    }
}
