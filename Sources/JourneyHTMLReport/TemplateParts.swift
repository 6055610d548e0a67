/// A Mustache template cut at its top-level lines, into parts that render independently.
///
/// Outside every section, a template's tags see only the object it renders, so the parts of a
/// template cut between two lines at that level render, one by one, what the template renders
/// whole, and two threads can share them: the report's pain points and its other sections,
/// 0.7 G and 0.4 G instructions for 10,000 touchpoints, render at the same time. A line starts a
/// part when it starts outside every section; each part after a `{{% CONTENT_TYPE: … }}` pragma
/// starts with that pragma again, on a line of its own, which renders as nothing. A template
/// that changes its delimiters (`{{=<% %>=}}`), has a pragma inside a section, or whose tags do
/// not balance is not cut.
enum TemplateParts {
    /// The texts of the parts of `text`, in order, which joined give `text` back but for the
    /// repeated pragmas; nil when `text` cannot be cut, or makes a single part.
    static func cut(_ text: String) -> [String]? {
        let bytes = Array(text.utf8)
        var parts: [String] = []
        // The last pragma read, and the one in effect where the current part starts.
        var pragma: ArraySlice<UInt8> = []
        var partPragma: ArraySlice<UInt8> = []
        var partStart = 0
        var depth = 0
        var index = 0

        func starts(with prefix: String, at position: Int) -> Bool {
            bytes[position...].starts(with: prefix.utf8)
        }
        /// Where the first `terminator` at or after `position` ends, if there is one.
        func end(of terminator: String, from position: Int) -> Int? {
            let terminator = Array(terminator.utf8)
            var position = position
            while position + terminator.count <= bytes.count {
                if bytes[position..<position + terminator.count].elementsEqual(terminator) {
                    return position + terminator.count
                }
                position += 1
            }
            return nil
        }
        func closePart(at position: Int) {
            guard position > partStart else { return }
            let prefix = partPragma.isEmpty ? [] : Array(partPragma) + [UInt8(ascii: "\n")]
            parts.append(String(decoding: prefix + bytes[partStart..<position], as: UTF8.self))
            partStart = position
            partPragma = pragma
        }

        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                index += 1
                if depth == 0 { closePart(at: index) }
                continue
            }
            guard starts(with: "{{", at: index), index + 2 < bytes.count else {
                index += 1
                continue
            }
            let tagStart = index
            let kind = bytes[index + 2]
            guard let tagEnd = end(of: kind == UInt8(ascii: "{") ? "}}}" : "}}", from: index + 2) else { return nil }
            switch kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"): depth += 1
            case UInt8(ascii: "/"):
                depth -= 1
                guard depth >= 0 else { return nil }
            case UInt8(ascii: "="): return nil
            case UInt8(ascii: "%"):
                guard depth == 0 else { return nil }
                pragma = bytes[tagStart..<tagEnd]
            default: break
            }
            index = tagEnd
        }
        guard depth == 0 else { return nil }
        closePart(at: bytes.count)
        return parts.count > 1 ? parts : nil
    }
}
