public import JourneyLanguage

/// A small CSV file read whole, with the line and column of every field a diagnostic may name:
/// the contacts list or the survey answers beside a purchase log.
///
/// It follows the event log's CSV rules (`CSVRecord`), header names included, but keeps every
/// row in memory; an event log, which may not fit, goes through `EventLogReader` instead.
/// Every malformed row is diagnosed, so one run reports them all.
public struct CSVTable: Sendable {
    /// A column the reader looks for in the header.
    public struct Column: Sendable {
        /// The column's name in the header.
        public var name: String
        /// The command-line option that renames it, for the diagnostic when it is missing.
        public var option: String
        /// Whether a header without it is an error; an optional column missing reads as empty.
        public var isRequired: Bool

        public init(_ name: String, option: String, isRequired: Bool = true) {
            self.name = name
            self.option = option
            self.isRequired = isRequired
        }
    }

    /// One field's text, without quotes, and where it is.
    public struct Field: Sendable {
        public var text: String
        public var range: SourceRange
    }

    /// One row: a field for each wanted column, in the order asked; nil for an optional column
    /// the header lacks.
    public struct Row: Sendable {
        /// The line the row starts on, from 1.
        public var line: Int
        public var fields: [Field?]
    }

    /// The rows after the header, blank lines left out.
    public var rows: [Row]
    /// For each wanted column, whether the header has it; empty when there is no header.
    public var hasColumn: [Bool]
    /// The text of every line, without its line ending, for printing diagnostics.
    public var lines: [String]

    /// Reads `bytes` (a byte order mark allowed), finding `columns` in the header.
    ///
    /// - Returns: the table, and the diagnostics of the header and of every malformed row; the
    ///   rows of a malformed record are left out.
    public static func read(bytes: [UInt8], columns: [Column]) -> (table: CSVTable, diagnostics: [Diagnostic]) {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { line in String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self) }
        var table = CSVTable(rows: [], hasColumn: [], lines: lines)
        let diagnostics = bytes.withUnsafeBufferPointer { buffer in
            unsafe table.scan(buffer, columns: columns)
        }
        return (table, diagnostics)
    }

    /// The text of line `line` (from 1), or nil past the end.
    public func lineText(_ line: Int) -> Substring? {
        lines.indices.contains(line - 1) ? Substring(lines[line - 1]) : nil
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, columns: [Column]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var indices: [Int?]?
        var headerCount = 0
        var offset = 0
        var line = 1
        while offset < bytes.count {
            let position = CSVPosition(bytes: bytes, rowStart: offset, rowLine: line)
            switch CSVRecord.scan(bytes, from: offset, final: true) {
            case .incomplete:
                return diagnostics
            case .unterminatedQuote(let at):
                diagnostics.append(.unterminatedQuote(at: SourceRange(start: position.location(of: at))))
                return diagnostics
            case .textAfterQuote(let at):
                let text =
                    String(decoding: bytes[at..<min(at + 4, bytes.count)], as: UTF8.self)
                    .unicodeScalars.first.map { String($0) } ?? "?"
                diagnostics.append(.textAfterQuote(text, at: SourceRange(start: position.location(of: at))))
                // Go on at the next line.
                var next = at
                while next < bytes.count, bytes[next] != UInt8(ascii: "\n") { next += 1 }
                offset = next + 1
                line = position.location(of: next).line + 1
            case .record(let fields, let next, let innerLineBreaks):
                defer {
                    offset = next
                    line += 1 + innerLineBreaks
                }
                if CSVRecord.isBlank(fields) { continue }
                guard let found = indices else {
                    headerCount = fields.count
                    let names = EventLogColumns.names(of: fields, in: bytes)
                    let missing = Self.missingColumns(columns, names: names, fields: fields, position: position)
                    guard missing.isEmpty else { return diagnostics + missing }
                    indices = columns.map { names.firstIndex(of: $0.name) }
                    hasColumn = columns.map { names.contains($0.name) }
                    continue
                }
                guard fields.count == headerCount else {
                    let last = fields[fields.count - 1]
                    if fields.count < headerCount {
                        diagnostics.append(
                            .tooFewFields(
                                fields.count, expected: headerCount,
                                at: SourceRange(start: position.location(of: last.end))))
                    } else {
                        let comma = fields[headerCount].start - 1
                        diagnostics.append(
                            .tooManyFields(
                                fields.count, expected: headerCount, at: position.range(from: comma, to: last.end)))
                    }
                    continue
                }
                rows.append(
                    Row(
                        line: line,
                        fields: found.map { index in
                            index.map { index in
                                let field = fields[index]
                                return Field(
                                    text: String(decoding: CSVRecord.content(of: field, in: bytes), as: UTF8.self),
                                    range: position.range(from: field.start, to: field.end))
                            }
                        }))
            }
        }
        if indices == nil { diagnostics.append(.emptyTable(columns: columns.map(\.name))) }
        return diagnostics
    }

    /// A diagnostic for each required column that `names`, the header's, lacks.
    private static func missingColumns(
        _ columns: [Column], names: [String], fields: [CSVRecord.Field], position: CSVPosition
    ) -> [Diagnostic] {
        columns.filter { $0.isRequired && !names.contains($0.name) }
            .map { column in
                let suggestion = Suggestion.closest(to: column.name, among: names)
                let range: SourceRange
                if let suggestion, let index = names.firstIndex(of: suggestion) {
                    range = position.range(from: fields[index].start, to: fields[index].end)
                } else {
                    range = position.range(from: fields[0].start, to: fields[fields.count - 1].end)
                }
                return .missingColumn(
                    column.name, option: column.option, columns: names, suggestion: suggestion, at: range)
            }
    }
}
