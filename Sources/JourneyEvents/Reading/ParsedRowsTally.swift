/// What a parser has counted of the rows it read: the rows, the ignored events, the next line
/// and the malformed rows.
///
/// Taken after each chunk of a stream read on two threads (`ChunkPipeline`), so that when the
/// interning thread cannot spill a chunk's events, the reading ends after that chunk as on one
/// thread, without the rows the parsing thread read ahead.
struct ParsedRowsTally {
    var rows: Int
    var ignoredEvents: Int
    var line: Int
    var problems: RowProblemCollector
}

extension EventRowParser {
    /// The counts of the rows read so far; set, it puts them back as they were.
    var tally: ParsedRowsTally {
        get { ParsedRowsTally(rows: rows, ignoredEvents: ignoredEvents, line: line, problems: problems) }
        set {
            rows = newValue.rows
            ignoredEvents = newValue.ignoredEvents
            line = newValue.line
            problems = newValue.problems
        }
    }
}
