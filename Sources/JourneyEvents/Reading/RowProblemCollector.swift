import JourneyLanguage

/// Counts the malformed rows of an event log and keeps the diagnostics of those reported,
/// with the text of their lines.
///
/// Without `skipBadRows`, the first `Diagnostic.reportedBadRowsLimit` rows are reported one by
/// one and one more diagnostic counts the others; with it, one warning counts them all at the
/// first of them.
struct RowProblemCollector {
    /// Whether malformed rows are skipped and counted instead of being errors.
    let skipBadRows: Bool
    /// The malformed rows met.
    private(set) var count = 0
    /// Diagnostics for the first malformed rows: the first `reportedBadRowsLimit + 1` of them
    /// (the last places the count of the others), or only the first with `skipBadRows`.
    private(set) var problems: [Diagnostic] = []
    /// The text of the lines `problems` point at, by line number.
    private(set) var sourceLines: [Int: String] = [:]

    init(skipBadRows: Bool) {
        self.skipBadRows = skipBadRows
    }

    /// Counts a malformed row, which starts at `rowStart` in `buffer` on line `line` of a log
    /// with `fieldCount` columns, and keeps its diagnostic when it is among those reported.
    @inline(never)
    mutating func report(
        _ problem: EventRowProblem, in buffer: UnsafeBufferPointer<UInt8>, rowStart: Int, line: Int,
        fieldCount: Int
    ) {
        count += 1
        let kept = skipBadRows ? problems.isEmpty : problems.count <= Diagnostic.reportedBadRowsLimit
        guard kept else { return }
        let position = CSVPosition(bytes: buffer, rowStart: rowStart, rowLine: line)
        let diagnostic: Diagnostic
        let offset: Int
        switch problem {
        case .tooFewFields(let fields, let rowEnd):
            offset = rowEnd
            diagnostic = .tooFewFields(
                fields, expected: fieldCount, at: SourceRange(start: position.location(of: rowEnd)))
        case .tooManyFields(let fields, let extraComma):
            offset = extraComma
            diagnostic = .tooManyFields(
                fields, expected: fieldCount, at: position.range(from: extraComma, to: buffer.count))
        case .unterminatedQuote(let at):
            offset = at
            diagnostic = .unterminatedQuote(at: SourceRange(start: position.location(of: at)))
        case .textAfterQuote(let at):
            offset = at
            let text =
                String(decoding: buffer[at..<min(at + 4, buffer.count)], as: UTF8.self).unicodeScalars.first
                .map { String($0) } ?? "?"
            diagnostic = .textAfterQuote(text == "\r" ? "\\r" : text, at: SourceRange(start: position.location(of: at)))
        case .invalidTimestamp(let start, let end, let contentStart, let contentEnd):
            offset = start
            let text = buffer[contentStart..<contentEnd]
            diagnostic = .invalidTimestamp(
                String(decoding: text, as: UTF8.self),
                reason: Timestamp.problem(text) ?? "it is not one of the accepted forms",
                at: position.range(from: start, to: end))
        case .emptyCustomer(let start, let end):
            offset = start
            diagnostic = .emptyCustomerID(at: position.range(from: start, to: end))
        case .cutAtEnd(let end):
            offset = rowStart
            diagnostic = .rowCutAtEnd(at: SourceRange(start: position.location(of: end)))
        }
        problems.append(diagnostic)
        sourceLines[diagnostic.location.line] = position.lineText(at: offset)
    }

    /// Takes in the problems of a later part of the input, whose lines were counted from 1;
    /// `lineShift` is the number of lines before it.
    mutating func merge(_ other: RowProblemCollector, lineShift: Int) {
        for var problem in other.problems {
            problem.range.start.line += lineShift
            problems.append(problem)
        }
        for (line, text) in other.sourceLines { sourceLines[line + lineShift] = text }
        count += other.count
    }

    /// The diagnostics for the malformed rows: those kept, and one counting the others.
    func diagnostics() -> [Diagnostic] {
        guard let first = problems.first else { return [] }
        if skipBadRows { return [.skippedRows(count, first: first)] }
        let limit = Diagnostic.reportedBadRowsLimit
        guard count > limit, problems.count > limit else { return problems }
        return Array(problems.prefix(limit)) + [.moreBadRows(count - limit, at: problems[limit].range)]
    }
}
