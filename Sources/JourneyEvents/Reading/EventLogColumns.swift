import JourneyLanguage

/// The columns of an event log's header, and which of them hold the customer, the time and
/// the event.
///
/// Header names are compared exactly, case included, after dropping spaces and tabs around
/// an unquoted name (`customer_id, timestamp, event` is read as written by hand). When a
/// name appears twice, the first column with it is used. One column may play several roles.
struct EventLogColumns: Sendable {
    /// The header's column names, in order.
    var names: [String]
    /// The indices of the customer, time and event columns; `event` is nil for a log of one kind
    /// of event, whose every row is an event of stage 0.
    var customer: Int
    var time: Int
    var event: Int?
    /// For each column, which roles it plays: `customerRole`, `timeRole`, `eventRole` or'ed.
    var roles: [UInt8]

    static let customerRole: UInt8 = 1
    static let timeRole: UInt8 = 2
    static let eventRole: UInt8 = 4

    /// The number of fields every row must have.
    var count: Int { names.count }

    /// The column names of `fields`, the header record scanned from `bytes`.
    static func names(of fields: [CSVRecord.Field], in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        fields.map { field in
            var content = CSVRecord.content(of: field, in: bytes)[...]
            if field.start == field.contentStart {
                while let first = content.first, first == 0x20 || first == 0x09 { content.removeFirst() }
                while let last = content.last, last == 0x20 || last == 0x09 { content.removeLast() }
            }
            return String(decoding: content, as: UTF8.self)
        }
    }

    /// The columns of a header, or one diagnostic for each column it lacks.
    ///
    /// - Parameters:
    ///   - fields: the header record, scanned from `position.bytes`.
    ///   - wanted: the names of the customer, time and (unless every row is one kind of event)
    ///     event columns, with the command-line option that renames each.
    static func resolve(
        _ fields: [CSVRecord.Field], position: CSVPosition,
        wanted: [(name: String, option: String)]
    ) -> Result<EventLogColumns, DiagnosticList> {
        let names = names(of: fields, in: position.bytes)
        var indices: [Int] = []
        var missing: [Diagnostic] = []
        for (name, option) in wanted {
            if let index = names.firstIndex(of: name) {
                indices.append(index)
                continue
            }
            let suggestion = Suggestion.closest(to: name, among: names)
            let range: SourceRange
            if let suggestion, let index = names.firstIndex(of: suggestion) {
                range = position.range(from: fields[index].start, to: fields[index].end)
            } else {
                range = position.range(from: fields[0].start, to: fields[fields.count - 1].end)
            }
            missing.append(.missingColumn(name, option: option, columns: names, suggestion: suggestion, at: range))
        }
        guard missing.isEmpty else { return .failure(DiagnosticList(diagnostics: missing.sortedByLocation())) }
        var roles = [UInt8](repeating: 0, count: names.count)
        roles[indices[0]] |= customerRole
        roles[indices[1]] |= timeRole
        let event = indices.count > 2 ? indices[2] : nil
        if let event { roles[event] |= eventRole }
        return .success(
            EventLogColumns(names: names, customer: indices[0], time: indices[1], event: event, roles: roles))
    }
}

/// Diagnostics carried as an error, for `Result`.
struct DiagnosticList: Error {
    var diagnostics: [Diagnostic]
}
