import JourneyLanguage

/// Finds the `id` attributes of a well-formed XML or XHTML document, to check they are unique.
///
/// HTML needs every `id` to be unique (links, `aria-*` references and the chart's clip paths
/// rely on it), but without a DTD libxml2 does not know which attributes are ids. The scan
/// reads start tags only, skipping comments, CDATA sections, processing instructions and the
/// DOCTYPE, which is exact for a document libxml2 found well-formed.
enum HTMLIdentifiers {
    /// One `id` attribute: its value and where the attribute starts.
    struct Occurrence: Hashable, Sendable {
        var value: String
        var line: Int
        /// The column of the attribute's name, from 1, in Unicode scalars.
        var column: Int
    }

    /// Every `id` attribute in `text`, in document order.
    static func ids(in text: String) -> [Occurrence] {
        let scalars = Array(text.unicodeScalars)
        var occurrences: [Occurrence] = []
        var index = 0
        var line = 1
        var lineStart = 0

        func advance(to end: Int) {
            while index < min(end, scalars.count) {
                if scalars[index] == "\n" {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
        }
        func starts(with prefix: String, at position: Int) -> Bool {
            var position = position
            for scalar in prefix.unicodeScalars {
                guard position < scalars.count, scalars[position] == scalar else { return false }
                position += 1
            }
            return true
        }
        func find(_ terminator: String, from position: Int) -> Int {
            var position = position
            while position < scalars.count, !starts(with: terminator, at: position) { position += 1 }
            return min(position + terminator.unicodeScalars.count, scalars.count)
        }

        while index < scalars.count {
            guard scalars[index] == "<" else {
                advance(to: index + 1)
                continue
            }
            if starts(with: "<!--", at: index) {
                advance(to: find("-->", from: index + 4))
            } else if starts(with: "<![CDATA[", at: index) {
                advance(to: find("]]>", from: index + 9))
            } else if starts(with: "<?", at: index) {
                advance(to: find("?>", from: index + 2))
            } else if starts(with: "<!", at: index) {
                // The DOCTYPE; an internal subset ends with "]>".
                var end = index
                var depth = 0
                while end < scalars.count {
                    if scalars[end] == "[" { depth += 1 }
                    if scalars[end] == "]" { depth -= 1 }
                    if scalars[end] == ">", depth <= 0 { break }
                    end += 1
                }
                advance(to: end + 1)
            } else if starts(with: "</", at: index) {
                advance(to: find(">", from: index))
            } else {
                advance(to: index + 1)
                // Inside a start tag: the name, then name="value" or name='value' pairs.
                while index < scalars.count, scalars[index] != ">" {
                    let character = scalars[index]
                    if character == "\"" || character == "'" {
                        advance(to: find(String(character), from: index + 1))
                        continue
                    }
                    if character == " " || character == "\t" || character == "\n" || character == "\r",
                        starts(with: "id", at: index + 1)
                    {
                        var after = index + 3
                        while after < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[after]) { after += 1 }
                        if after < scalars.count, scalars[after] == "=" {
                            advance(to: index + 1)
                            let (attributeLine, attributeColumn) = (line, index - lineStart + 1)
                            var quote = after + 1
                            while quote < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[quote]) { quote += 1 }
                            guard quote < scalars.count else { break }
                            let close = find(String(scalars[quote]), from: quote + 1)
                            var value = String.UnicodeScalarView()
                            value.append(contentsOf: scalars[(quote + 1)..<max(quote + 1, close - 1)])
                            occurrences.append(
                                Occurrence(value: String(value), line: attributeLine, column: attributeColumn))
                            advance(to: close)
                            continue
                        }
                    }
                    advance(to: index + 1)
                }
                advance(to: index + 1)
            }
        }
        return occurrences
    }

    /// An error for every `id` that repeats an earlier one in `text`, at the repeat.
    static func duplicates(in text: String) -> [Diagnostic] {
        var first: [String: Occurrence] = [:]
        var diagnostics: [Diagnostic] = []
        for occurrence in ids(in: text) {
            if let earlier = first[occurrence.value] {
                let message = "the id '\(occurrence.value)' is used twice: first on line \(earlier.line)"
                diagnostics.append(
                    .xmlInvalid(
                        message, against: "HTML, where every id is unique",
                        at: SourceRange(line: occurrence.line, column: occurrence.column, length: 2)))
            } else {
                first[occurrence.value] = occurrence
            }
        }
        return diagnostics
    }
}
