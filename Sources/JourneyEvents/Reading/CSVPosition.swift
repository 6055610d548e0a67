import JourneyLanguage

/// Turns byte offsets in a buffer of CSV text into lines and columns for diagnostics.
///
/// Only the error path uses it, so it may walk bytes: a row is parsed without tracking
/// columns, and a column is worked out when a diagnostic needs one. Columns count Unicode
/// scalars (UTF-8 bytes that are not continuation bytes), like every `SourceLocation`.
struct CSVPosition {
    /// The text being read.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the row holding the positions starts: always at the start of a line.
    let rowStart: Int
    /// The 1-based line of `rowStart`.
    let rowLine: Int

    /// The line and column of the byte at `offset`, which is in the row or just past it.
    func location(of offset: Int) -> SourceLocation {
        let start = lineStart(of: offset)
        return SourceLocation(
            line: rowLine + lineBreaks(from: rowStart, to: offset),
            column: CSVPosition.scalars(in: bytes, from: start, to: offset) + 1)
    }

    /// The columns from `start` to `end`, cut at the end of `start`'s line; at least one.
    func range(from start: Int, to end: Int) -> SourceRange {
        let lineEnd = self.lineEnd(from: start)
        let length = CSVPosition.scalars(in: bytes, from: start, to: min(max(end, start), lineEnd))
        return SourceRange(start: location(of: start), length: length)
    }

    /// The text of the line holding `offset`, without its line ending.
    func lineText(at offset: Int) -> String {
        let start = lineStart(of: offset)
        var end = lineEnd(from: start)
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private func lineStart(of offset: Int) -> Int {
        var start = min(offset, bytes.count)
        while start > rowStart, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        return start
    }

    /// The offset of the line break ending the line that holds `offset`, or the end of the buffer.
    private func lineEnd(from offset: Int) -> Int {
        var end = offset
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return end
    }

    private func lineBreaks(from start: Int, to end: Int) -> Int {
        var count = 0
        for i in start..<min(end, bytes.count) where bytes[i] == UInt8(ascii: "\n") { count += 1 }
        return count
    }

    /// The number of Unicode scalars in `start..<end`: bytes that are not UTF-8 continuations.
    static func scalars(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        for i in start..<max(start, end) where bytes[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
