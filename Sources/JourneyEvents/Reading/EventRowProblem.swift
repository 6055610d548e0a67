/// What is wrong with a malformed event row, as offsets into the buffer being parsed.
///
/// `EventRowScanner` finds the problems of a row's shape, `EventRowParser` those of its
/// content; `RowProblemCollector` turns them into diagnostics.
enum EventRowProblem {
    /// The row has this many fields, fewer than the header; it ends at `rowEnd`.
    case tooFewFields(Int, rowEnd: Int)
    /// The row has this many fields, more than the header; the first extra one follows `extraComma`.
    case tooManyFields(Int, extraComma: Int)
    case unterminatedQuote(at: Int)
    case textAfterQuote(at: Int)
    /// The timestamp field spans `start..<end`, its quotes included; its text `contentStart..<contentEnd`.
    case invalidTimestamp(start: Int, end: Int, contentStart: Int, contentEnd: Int)
    /// The customer id field spans `start..<end`, its quotes included.
    case emptyCustomer(start: Int, end: Int)
    /// A stream ended at `end`, in this row, without a line break after it: the writer may
    /// have stopped in the middle of the row.
    case cutAtEnd(end: Int)
}
