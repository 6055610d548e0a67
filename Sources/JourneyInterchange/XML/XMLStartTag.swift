import JourneyLanguage

/// Where a start tag and its attributes are written in an XML document's text.
///
/// libxml2 keeps only a line per element; diagnostics about an attribute want its column
/// too. `XMLStartTagScanner` finds every start tag in the text, in document order.
struct XMLStartTag: Hashable, Sendable {
    /// Where one attribute is written.
    struct Attribute: Hashable, Sendable {
        /// The name as written, with its prefix if any.
        var name: String
        /// The name.
        var nameRange: SourceRange
        /// The value between the quotes, on the line it starts on (at least one column: for
        /// an empty value, the closing quote).
        var valueRange: SourceRange
    }

    /// The element's name as written, with its prefix if any.
    var name: String
    /// The name after the `<`.
    var nameRange: SourceRange
    /// The `<` and the name, where a diagnostic about the whole element puts its caret.
    var tagRange: SourceRange {
        SourceRange(line: nameRange.start.line, column: nameRange.start.column - 1, length: nameRange.length + 1)
    }
    /// The attributes in the order written, namespace declarations included.
    var attributes: [Attribute]

    /// The element's name without its prefix.
    var localName: Substring {
        name.split(separator: ":", maxSplits: 1).last ?? Substring(name)
    }

    /// Where the value of the attribute called `name` (unprefixed) is written.
    func valueRange(of name: String) -> SourceRange? {
        attributes.first { $0.name == name }?.valueRange
    }

    /// Where the name of the attribute called `name` (unprefixed) is written.
    func nameRange(of name: String) -> SourceRange? {
        attributes.first { $0.name == name }?.nameRange
    }
}
