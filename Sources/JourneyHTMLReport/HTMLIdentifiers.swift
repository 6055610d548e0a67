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
        // The scan walks UTF-8 bytes: everything it looks for is ASCII, and a scalar's bytes
        // never contain an ASCII byte. Columns still count scalars. An array of the scalars
        // instead took 2.7 G of the 36.5 G instructions of `journey report` on 10,000
        // touchpoints, which scans the 12 MB chart and then the whole report. Between tags it
        // jumps to the next `<`, and it counts lines only up to an id it finds: a step per byte
        // with the line kept up to date took 0.13 G for a 1.9 MB report.
        let bytes = Array(text.utf8)
        var occurrences: [Occurrence] = []
        var index = 0
        var line = 1
        var lineStart = 0
        var counted = 0

        func isWhiteSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        /// The line of `position`, and its column in scalars, from 1.
        func locate(_ position: Int) -> (line: Int, column: Int) {
            while counted < position {
                if bytes[counted] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = counted + 1
                }
                counted += 1
            }
            return (line, bytes[lineStart..<position].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1)
        }
        func starts(with prefix: some Collection<UInt8>, at position: Int) -> Bool {
            var position = position
            for byte in prefix {
                guard position < bytes.count, bytes[position] == byte else { return false }
                position += 1
            }
            return true
        }
        /// Where the first `terminator` at or after `position` ends, or the end of the text.
        func find(_ terminator: some Collection<UInt8>, from position: Int) -> Int {
            var position = position
            while position < bytes.count, !starts(with: terminator, at: position) { position += 1 }
            return min(position + terminator.count, bytes.count)
        }
        /// The bytes of the scalar that starts at `position`.
        func scalar(at position: Int) -> ArraySlice<UInt8> {
            var end = position + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            return bytes[position..<end]
        }

        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = open
            if starts(with: "<!--".utf8, at: index) {
                index = find("-->".utf8, from: index + 4)
            } else if starts(with: "<![CDATA[".utf8, at: index) {
                index = find("]]>".utf8, from: index + 9)
            } else if starts(with: "<?".utf8, at: index) {
                index = find("?>".utf8, from: index + 2)
            } else if starts(with: "<!".utf8, at: index) {
                // The DOCTYPE; an internal subset ends with "]>".
                var depth = 0
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "[") { depth += 1 }
                    if bytes[index] == UInt8(ascii: "]") { depth -= 1 }
                    if bytes[index] == UInt8(ascii: ">"), depth <= 0 { break }
                    index += 1
                }
                index = min(index + 1, bytes.count)
            } else if starts(with: "</".utf8, at: index) {
                index = find(">".utf8, from: index)
            } else {
                index += 1
                // Inside a start tag: the name, then name="value" or name='value' pairs.
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        index = find([byte], from: index + 1)
                        continue
                    }
                    if isWhiteSpace(byte), starts(with: "id".utf8, at: index + 1) {
                        var after = index + 3
                        while after < bytes.count, isWhiteSpace(bytes[after]) { after += 1 }
                        if after < bytes.count, bytes[after] == UInt8(ascii: "=") {
                            let (attributeLine, attributeColumn) = locate(index + 1)
                            var quote = after + 1
                            while quote < bytes.count, isWhiteSpace(bytes[quote]) { quote += 1 }
                            guard quote < bytes.count else { break }
                            let quoteBytes = scalar(at: quote)
                            let valueStart = quoteBytes.endIndex
                            var close = find(quoteBytes, from: valueStart)
                            // The value ends before the closing quote, or before the last scalar
                            // when there is none.
                            var valueEnd = close - quoteBytes.count
                            if !starts(with: quoteBytes, at: valueEnd) || valueEnd < valueStart {
                                valueEnd = close - 1
                                while valueEnd > valueStart, bytes[valueEnd] & 0xC0 == 0x80 { valueEnd -= 1 }
                                close = bytes.count
                            }
                            let value = String(decoding: bytes[valueStart..<max(valueStart, valueEnd)], as: UTF8.self)
                            occurrences.append(Occurrence(value: value, line: attributeLine, column: attributeColumn))
                            index = close
                            continue
                        }
                    }
                    index += 1
                }
                index = min(index + 1, bytes.count)
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
