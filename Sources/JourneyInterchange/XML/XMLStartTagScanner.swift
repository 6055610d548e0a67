import JourneyLanguage

/// Finds the start tags of a well-formed XML document in its text, in document order.
///
/// The n-th start tag of a well-formed document is the n-th element of its tree in document
/// order, so pairing them gives every element and attribute a line and a column. The scanner
/// skips comments, CDATA sections, processing instructions, the DOCTYPE and end tags; it does
/// not check well-formedness, which libxml2 has already done. Lines and columns count
/// Unicode scalars, as everywhere in journey; a leading byte order mark is not counted.
enum XMLStartTagScanner {
    static func scan(_ text: String) -> [XMLStartTag] {
        var scanner = Scanner(text)
        return scanner.scanAll()
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        /// The index of the first scalar of each line.
        ///
        /// A location is looked up when a name or a value is found. A location kept for every
        /// scalar instead took 16 bytes a scalar: 29 MB for the 1.8 million scalars of a
        /// 10,000-touchpoint journey's XML export.
        let lineStarts: [Int]
        var index = 0

        init(_ text: String) {
            var scalars = Array(text.unicodeScalars)
            if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
            var lineStarts = [0]
            for (offset, scalar) in scalars.enumerated() where scalar == "\n" {
                lineStarts.append(offset + 1)
            }
            self.scalars = scalars
            self.lineStarts = lineStarts
        }

        /// The line and column of the scalar at `offset` (or just past the end).
        private func location(at offset: Int) -> SourceLocation {
            // The last line that starts at or before `offset`.
            var low = 0
            var high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return SourceLocation(line: low + 1, column: offset - lineStarts[low] + 1)
        }

        mutating func scanAll() -> [XMLStartTag] {
            var tags: [XMLStartTag] = []
            while let start = firstIndex(of: "<", from: index) {
                index = start + 1
                if hasPrefix("!--") {
                    skip(past: "-->")
                } else if hasPrefix("![CDATA[") {
                    skip(past: "]]>")
                } else if hasPrefix("?") {
                    skip(past: "?>")
                } else if hasPrefix("!") {
                    skipDeclaration()
                } else if hasPrefix("/") {
                    skip(past: ">")
                } else if let tag = startTag() {
                    tags.append(tag)
                }
            }
            return tags
        }

        /// Reads a start tag whose name begins at `index`, up to its `>`.
        private mutating func startTag() -> XMLStartTag? {
            let (name, nameRange) = readName()
            guard !name.isEmpty else { return nil }
            var tag = XMLStartTag(name: name, nameRange: nameRange, attributes: [])
            while index < scalars.count {
                skipWhiteSpace()
                guard index < scalars.count else { break }
                if scalars[index] == ">" {
                    index += 1
                    break
                }
                if scalars[index] == "/" {
                    index += 1
                    continue
                }
                let (attribute, attributeRange) = readName()
                guard !attribute.isEmpty else {
                    index += 1
                    continue
                }
                skipWhiteSpace()
                guard index < scalars.count, scalars[index] == "=" else { continue }
                index += 1
                skipWhiteSpace()
                guard index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else { continue }
                let quote = scalars[index]
                index += 1
                let valueStart = index
                let valueEnd = firstIndex(of: quote, from: index) ?? scalars.count
                let start = location(at: valueStart)
                // The value's columns on its first line.
                let lineEnd = scalars[valueStart..<valueEnd].firstIndex(of: "\n") ?? valueEnd
                tag.attributes.append(
                    XMLStartTag.Attribute(
                        name: attribute, nameRange: attributeRange,
                        valueRange: SourceRange(start: start, length: lineEnd - valueStart)))
                index = min(valueEnd + 1, scalars.count)
            }
            return tag
        }

        /// Reads an XML name at `index`: everything up to white space, `=`, `/`, `>` or a quote.
        private mutating func readName() -> (String, SourceRange) {
            let start = index
            while index < scalars.count, !isNameEnd(scalars[index]) { index += 1 }
            // Scalar by scalar: `append(contentsOf:)` a slice is not specialized and took
            // 6,600 instructions a name.
            var name = String.UnicodeScalarView()
            for scalar in scalars[start..<index] { name.append(scalar) }
            return (String(name), SourceRange(start: location(at: start), length: index - start))
        }

        private func isNameEnd(_ scalar: Unicode.Scalar) -> Bool {
            XMLWhiteSpace.isWhiteSpace(scalar) || scalar == "=" || scalar == "/" || scalar == ">"
                || scalar == "\"" || scalar == "'" || scalar == "<"
        }

        private mutating func skipWhiteSpace() {
            while index < scalars.count, XMLWhiteSpace.isWhiteSpace(scalars[index]) { index += 1 }
        }

        /// Skips `<!DOCTYPE …>` or another declaration, with its internal subset and quoted strings.
        private mutating func skipDeclaration() {
            var depth = 0
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                switch scalar {
                case "\"", "'":
                    index = min((firstIndex(of: scalar, from: index) ?? scalars.count) + 1, scalars.count)
                case "[": depth += 1
                case "]": depth -= 1
                case "<" where depth > 0 && hasPrefix("!--"):
                    skip(past: "-->")
                case ">" where depth <= 0: return
                default: break
                }
            }
        }

        private func hasPrefix(_ prefix: String) -> Bool {
            var position = index
            for scalar in prefix.unicodeScalars {
                guard position < scalars.count, scalars[position] == scalar else { return false }
                position += 1
            }
            return true
        }

        private mutating func skip(past terminator: String) {
            while index < scalars.count {
                if hasPrefix(terminator) {
                    index += terminator.unicodeScalars.count
                    return
                }
                index += 1
            }
        }

        private func firstIndex(of scalar: Unicode.Scalar, from start: Int) -> Int? {
            guard start < scalars.count else { return nil }
            return scalars[start...].firstIndex(of: scalar)
        }
    }
}
