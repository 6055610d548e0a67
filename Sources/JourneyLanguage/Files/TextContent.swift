/// Whether bytes read as text are text at all: a file that holds a NUL byte is not.
///
/// No text format journey reads (a journey, a Mermaid diagram, JSON, CSV, a Mustache template)
/// holds a NUL byte, while nearly every binary file does within its first bytes: an image, an
/// archive, an executable, a file saved as UTF-16. Read as text, such a file gave one diagnostic
/// per line of garbage, 104 KB of them for a copy of `/bin/ls`; refused as not text it gives one.
/// XML is not checked here: it may be UTF-16, which libxml2 reads.
public enum TextContent {
    /// Where the first NUL byte of `bytes` is, as a line and a column in scalars (a leading
    /// byte order mark not counted, as `SourceFile` drops it); nil when there is none.
    public static func firstNULByte(in bytes: [UInt8]) -> SourceRange? {
        guard let offset = bytes.firstIndex(of: 0) else { return nil }
        let before = bytes[..<offset]
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        var line = before[lineStart...]
        if lineStart == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        let lineNumber = before.count(where: { $0 == 0x0A }) + 1
        let column = String(decoding: line, as: UTF8.self).unicodeScalars.count + 1
        return SourceRange(line: lineNumber, column: column)
    }

    /// Throws `FileError` of kind `.notText` when `bytes`, read from `path`, hold a NUL byte.
    public static func requireText(_ bytes: [UInt8], path: String) throws(FileError) {
        if let place = firstNULByte(in: bytes) {
            throw FileError(.notText(place), path: path, reason: "")
        }
    }
}
