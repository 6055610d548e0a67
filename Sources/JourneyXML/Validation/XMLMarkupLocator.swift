import Glibc
import JourneyLanguage

/// Finds the attribute or tag a libxml2 finding is about, so that the caret goes under it.
///
/// libxml2 reports where its parser stood: a validity error about an attribute comes at the
/// end of the start tag, one about an element's content at its end tag. This looks back from
/// there, on that line and up to the element's first line, for the name libxml2 gave as a
/// parameter: first as an attribute (`name=`), then as a tag (`<name` or `</name`). When
/// neither is found, libxml2's own line and column stand.
struct XMLMarkupLocator {
    var source: SourceFile

    /// How many lines above libxml2's line a start tag may begin.
    private static let maximumLookBack = 50

    /// The longest line, in UTF-8 bytes, searched for the name a finding is about; on a longer
    /// one libxml2's own column stands.
    ///
    /// Each finding copied its lines into arrays of scalars and searched them whole: on a 10 MB
    /// one-line SVG with a 10 MB attribute, that was 19% of the 5 s of CPU `journey validate`
    /// took, and as much again for every other finding on that line.
    private static let maximumSearchedLine = 64 * 1024

    /// The longest name, in UTF-8 bytes, looked for: libxml2 also gives values as parameters.
    private static let maximumName = 1024

    /// The range for `error`: libxml2's line and column (1 when unknown), narrowed to the
    /// attribute or tag it names when that is on the lines it points at.
    func range(of error: LibXML2Error) -> SourceRange {
        let line = error.line > 0 ? error.line : max(1, error.nodeLine)
        let column = error.line > 0 ? max(1, error.column) : 1
        let fallback = SourceRange(line: line, column: column)
        guard error.isValidityFinding else { return fallback }

        guard source.line(line).utf8.count <= XMLMarkupLocator.maximumSearchedLine else { return fallback }
        let names = [error.firstParameter, error.secondParameter].compactMap { $0 }.filter {
            $0.utf8.count <= XMLMarkupLocator.maximumName && XMLMarkupLocator.isName($0)
        }
        let firstLine =
            error.nodeLine > 0 && error.nodeLine <= line
            ? max(error.nodeLine, line - XMLMarkupLocator.maximumLookBack)
            : line
        for name in names {
            if let range = lastOccurrence(
                before: line, column, downTo: firstLine, matching: { attribute(name, in: $0) })
            {
                return range
            }
        }
        for name in names {
            if let range = lastOccurrence(before: line, column, downTo: firstLine, matching: { tag(name, in: $0) }) {
                return range
            }
        }
        return fallback
    }

    /// Where `<!DOCTYPE` is first written, for findings about the DTD as a whole.
    func doctype() -> SourceRange? {
        firstOccurrence(of: "<!DOCTYPE").map { $0.range }
    }

    /// The name of the first entity declared in the document's text, and where its `<!ENTITY`
    /// is written.
    func entityDeclaration() -> (name: String, range: SourceRange)? {
        guard let found = firstOccurrence(of: "<!ENTITY") else { return nil }
        var rest = found.after.drop { $0 == " " || $0 == "\t" }
        if rest.first == "%" {
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        }
        let name = rest.prefix { !($0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" || $0 == ">") }
        return (String(name), found.range)
    }

    /// The first place `marker` is written on one line, with the rest of that line.
    ///
    /// Searches each line's UTF-8 bytes and counts the scalars before the match only where
    /// it is: a one-line document of 100 MB is read once, and never copied.
    func firstOccurrence(of marker: String) -> (range: SourceRange, after: Substring)? {
        let pattern = Array(marker.utf8)
        guard !pattern.isEmpty else { return nil }
        for (index, line) in source.lines.enumerated() {
            let utf8 = line.utf8
            guard let start = Self.firstIndex(of: pattern, in: utf8) else { continue }
            let column = line.unicodeScalars[..<start].count + 1
            let end = utf8.index(start, offsetBy: pattern.count)
            let length = line.unicodeScalars[start..<end].count
            return (SourceRange(line: index + 1, column: column, length: length), line[end...])
        }
        return nil
    }

    /// Where `pattern` first starts in `utf8`.
    ///
    /// With `memchr` and `memcmp` on the line's bytes: the generic `firstRange(of:)` looked up type metadata
    /// as it went, and took 57% of the 8.7 s `journey validate` spent on a 20 MB one-line SVG
    /// without a DOCTYPE, looking for `<!DOCTYPE` and `<!ENTITY`.
    static func firstIndex(of pattern: [UInt8], in utf8: Substring.UTF8View) -> Substring.UTF8View.Index? {
        let found: Int?? = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let base = bytes.baseAddress, !pattern.isEmpty else { return nil }
            return pattern.withUnsafeBytes { needle -> Int? in
                guard let needleBase = needle.baseAddress else { return nil }
                let count = needle.count
                var offset = 0
                while offset + count <= bytes.count {
                    guard
                        let hit = memchr(base + offset, Int32(pattern[0]), bytes.count - count - offset + 1)
                    else { return nil }
                    let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if memcmp(base + at, needleBase, count) == 0 { return at }
                    offset = at + 1
                }
                return nil
            }
        }
        if let found {
            return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
        }
        return utf8.firstRange(of: pattern)?.lowerBound
    }

    /// The first `<name` on line `line`, or the line's first column when it is not there;
    /// nil when the line is unknown (0).
    func startTag(_ name: String, onLine line: Int) -> SourceRange? {
        guard line > 0 else { return nil }
        guard source.line(line).utf8.count <= XMLMarkupLocator.maximumSearchedLine else {
            return firstOccurrence(of: "<\(name)").map(\.range) ?? SourceRange(line: line, column: 1)
        }
        let marker = Array("<\(name)".unicodeScalars)
        guard let offset = XMLMarkupLocator.occurrences(of: marker, in: Array(source.line(line).unicodeScalars)).first
        else {
            return SourceRange(line: line, column: 1)
        }
        return SourceRange(line: line, column: offset + 1, length: marker.count)
    }

    /// The reference `&name;` that libxml2 reports at `line`, `column`: the last one on that line
    /// before the column (libxml2 stands just past it), else the first one on the line.
    func entityReference(_ name: String, atLine line: Int, column: Int) -> SourceRange? {
        guard line > 0, source.line(line).utf8.count <= XMLMarkupLocator.maximumSearchedLine else { return nil }
        let pattern = Array("&\(name);".unicodeScalars)
        let starts = XMLMarkupLocator.occurrences(of: pattern, in: Array(source.line(line).unicodeScalars))
        let start = starts.last { $0 + pattern.count < column } ?? starts.first
        return start.map { SourceRange(line: line, column: $0 + 1, length: pattern.count) }
    }

    /// The first reference to an entity other than XML's own five (`&amp;` and the like) on
    /// line `line` or after it, with its text, such as `&logo;`.
    func firstEntityReference(fromLine line: Int) -> (reference: String, range: SourceRange)? {
        let predefined: Set<Substring> = ["amp", "lt", "gt", "quot", "apos"]
        for number in max(1, line)...max(1, source.lines.count)
        where source.line(number).utf8.count <= XMLMarkupLocator.maximumSearchedLine {
            let scalars = Array(source.line(number).unicodeScalars)
            for (offset, scalar) in scalars.enumerated() where scalar == "&" {
                let name = scalars[(offset + 1)...].prefix { $0 != ";" && !$0.properties.isWhitespace && $0 != "&" }
                let end = offset + 1 + name.count
                guard end < scalars.count, scalars[end] == ";", !name.isEmpty, name.first != "#" else { continue }
                let text = String(String.UnicodeScalarView(name))
                guard !predefined.contains(Substring(text)) else { continue }
                return ("&\(text);", SourceRange(line: number, column: offset + 1, length: name.count + 2))
            }
        }
        return nil
    }

    /// Searches line `line` up to `column` (all of it when the column is unknown), then the
    /// lines above it down to `firstLine`, for the last match of `find`.
    private func lastOccurrence(
        before line: Int, _ column: Int, downTo firstLine: Int,
        matching find: ([Unicode.Scalar]) -> (column: Int, length: Int)?
    ) -> SourceRange? {
        for number in stride(from: line, through: firstLine, by: -1)
        where source.line(number).utf8.count <= XMLMarkupLocator.maximumSearchedLine {
            var scalars = Array(source.line(number).unicodeScalars)
            if number == line, column > 1 {
                scalars = Array(scalars.prefix(column - 1))
            }
            if let match = find(scalars) {
                return SourceRange(line: number, column: match.column, length: match.length)
            }
        }
        return nil
    }

    /// The last `name=` (or `name =`) preceded by white space: an attribute in a start tag.
    private func attribute(_ name: String, in line: [Unicode.Scalar]) -> (column: Int, length: Int)? {
        let pattern = Array(name.unicodeScalars)
        for start in XMLMarkupLocator.occurrences(of: pattern, in: line).reversed() {
            guard start > 0, line[start - 1].properties.isWhitespace else { continue }
            var next = start + pattern.count
            while next < line.count, line[next] == " " || line[next] == "\t" { next += 1 }
            if next < line.count, line[next] == "=" {
                return (start + 1, pattern.count)
            }
        }
        return nil
    }

    /// The last `<name` or `</name` followed by white space, `>`, `/` or the end of the line.
    private func tag(_ name: String, in line: [Unicode.Scalar]) -> (column: Int, length: Int)? {
        let pattern = Array(name.unicodeScalars)
        for start in XMLMarkupLocator.occurrences(of: pattern, in: line).reversed() {
            let end = start + pattern.count
            guard end == line.count || line[end].properties.isWhitespace || line[end] == ">" || line[end] == "/" else {
                continue
            }
            if start >= 1, line[start - 1] == "<" {
                return (start, pattern.count + 1)
            }
            if start >= 2, line[start - 1] == "/", line[start - 2] == "<" {
                return (start - 1, pattern.count + 2)
            }
        }
        return nil
    }

    /// The offsets where `pattern` starts in `line`, in order.
    private static func occurrences(of pattern: [Unicode.Scalar], in line: [Unicode.Scalar]) -> [Int] {
        guard !pattern.isEmpty, line.count >= pattern.count else { return [] }
        return (0...(line.count - pattern.count)).filter { line[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }

    /// Whether `text` could be an XML name: only names are looked for, never values or content models.
    private static func isName(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || scalar == ":" || scalar == "_" || scalar == "-" || scalar == "."
            }
    }
}
