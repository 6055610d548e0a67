import JourneyLanguage

/// The header row of an event log, read: its columns and the line the first row starts on.
struct EventLogHeader {
    var columns: EventLogColumns
    /// The line the first row after the header starts on, from 1.
    var nextLine: Int

    /// Diagnostics that stop the reading, with the text of their lines.
    struct Failure: Error {
        var diagnostics: [Diagnostic]
        var sourceLines: [Int: String] = [:]
    }

    /// Reads up to the end of the header row, dropping a byte order mark and blank lines
    /// before it, and leaves the bytes after it in `buffer`.
    ///
    /// - Parameters:
    ///   - wanted: the names of the customer, time and event columns, with the command-line
    ///     option that renames each.
    ///   - read: told the size in bytes of each chunk read.
    static func read(
        _ source: inout ChunkSource, _ buffer: inout ChunkBuffer, wanted: [(name: String, option: String)],
        read: (Int) -> Void
    ) -> Result<EventLogHeader, Failure> {
        var final = false
        var checkedByteOrderMark = false
        var offset = 0
        var line = 1
        while true {
            if !final {
                if buffer.isFullAtLimit {
                    return .failure(Failure(diagnostics: [.unreadable(ChunkBuffer.rowTooLong(in: source.path))]))
                }
                if buffer.isFull { buffer.grow() }
                do {
                    let count = try buffer.fill(from: &source)
                    if count == 0 { final = true } else { read(count) }
                } catch {
                    return .failure(Failure(diagnostics: [.cannotRead(error)]))
                }
            }
            if !checkedByteOrderMark {
                guard buffer.count >= 3 || final else { continue }
                if buffer.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.consume(3) }
                checkedByteOrderMark = true
            }
            let bytes = buffer.bytes
            scanning: while true {
                if final, offset >= bytes.count {
                    return .failure(Failure(diagnostics: [.emptyEventLog()]))
                }
                let position = CSVPosition(bytes: bytes, rowStart: offset, rowLine: line)
                switch CSVRecord.scan(bytes, from: offset, final: final) {
                case .incomplete:
                    break scanning
                case .record(let fields, let next, let innerLineBreaks):
                    if CSVRecord.isBlank(fields) {
                        offset = next
                        line += 1
                        continue scanning
                    }
                    switch EventLogColumns.resolve(fields, position: position, wanted: wanted) {
                    case .success(let columns):
                        buffer.consume(next)
                        return .success(EventLogHeader(columns: columns, nextLine: line + 1 + innerLineBreaks))
                    case .failure(let list):
                        return .failure(
                            Failure(
                                diagnostics: list.diagnostics,
                                sourceLines: [line: position.lineText(at: offset)]))
                    }
                case .unterminatedQuote(let at):
                    let diagnostic = Diagnostic.unterminatedQuote(at: SourceRange(start: position.location(of: at)))
                    return .failure(
                        Failure(
                            diagnostics: [diagnostic],
                            sourceLines: [diagnostic.location.line: position.lineText(at: at)]))
                case .textAfterQuote(let at):
                    let text =
                        String(decoding: bytes[at..<min(at + 4, bytes.count)], as: UTF8.self)
                        .unicodeScalars.first.map { String($0) } ?? "?"
                    let diagnostic = Diagnostic.textAfterQuote(text, at: SourceRange(start: position.location(of: at)))
                    return .failure(
                        Failure(
                            diagnostics: [diagnostic],
                            sourceLines: [diagnostic.location.line: position.lineText(at: at)]))
                }
            }
        }
    }
}
