import JourneyLanguage

/// How parsing up to the end of a source (or its stop) ended.
enum PartEnd {
    /// Every row was read.
    case finished
    /// The source reached its stop; `leftover` bytes of an unfinished row were not parsed.
    case reachedStop(leftover: Int)
    /// The second thread was cancelled, or met a row too long for its buffer.
    case gaveUp
    case failed(FileError)
    /// Funnel events could not be written to a temporary file.
    case spillFailed(FileError)
}

extension EventRowParser {
    /// Parses the rows of `source`, a chunk at a time through `buffer`, until its end or its stop.
    ///
    /// `onChunk` is told the size of each chunk read and returns false to give up. A row that
    /// needs the buffer to grow past `maximumCapacity` bytes makes it give up too.
    mutating func parse(
        _ source: inout ChunkSource, _ buffer: inout ChunkBuffer, maximumCapacity: Int?,
        onChunk: (Int) -> Bool
    ) -> PartEnd {
        while true {
            if buffer.count > 0 {
                buffer.consume(parse(buffer.bytes, final: false))
                if let failure = spill.failure { return .spillFailed(failure) }
            }
            if buffer.isFull {
                if let maximumCapacity, buffer.capacity * 2 > maximumCapacity { return .gaveUp }
                if buffer.isFullAtLimit { return .failed(ChunkBuffer.rowTooLong(in: source.path)) }
                buffer.grow()
            }
            let count: Int
            do { count = try buffer.fill(from: &source) } catch { return .failed(error) }
            if count == 0 {
                if source.reachedStop { return .reachedStop(leftover: buffer.count) }
                buffer.consume(parse(buffer.bytes, final: true))
                if let failure = spill.failure { return .spillFailed(failure) }
                return .finished
            }
            if !onChunk(count) { return .gaveUp }
        }
    }
}
