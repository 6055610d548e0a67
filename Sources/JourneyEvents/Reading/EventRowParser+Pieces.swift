/// A piece of the input that the second reading thread parsed (`EventLogReader` splits a file
/// into pieces that the two threads take from either end): where its events are in the
/// parser's `events` (while none are spilled), its lines, and its malformed rows, with lines
/// counted from 1.
struct ParsedPiece {
    /// The piece's place among the input's pieces, in file order.
    let index: Int
    let events: Range<Int>
    let lines: Int
    let problems: RowProblemCollector
}

extension EventRowParser {
    /// Closes the piece `index` whose rows were parsed since the previous piece closed: keeps
    /// its events' range, lines and malformed rows, and counts the next piece's lines from 1.
    ///
    /// Once events are spilled, the ranges say nothing (the reader then reads no more pieces).
    mutating func closePiece(_ index: Int) {
        let start = min(pieces.last?.events.upperBound ?? 0, events.count)
        pieces.append(
            ParsedPiece(index: index, events: start..<events.count, lines: line - 1, problems: problems))
        problems = RowProblemCollector(skipBadRows: problems.skipBadRows)
        line = 1
    }

    /// The pieces read, in file order.
    var piecesInFileOrder: [ParsedPiece] {
        pieces.sorted { $0.index < $1.index }
    }
}
