/// A chunk of a stream read on two threads: its bytes, and once parsed, the events of its rows
/// whose customers are still to be interned (see `ChunkPipeline`).
///
/// `@unchecked Sendable` because it belongs to one thread at a time: the thread that took it
/// from `ChunkPipeline`'s queues, whose lock orders every hand-over.
final class PipelineChunk: @unchecked Sendable {
    /// The bytes read; its first rows were parsed and the rest is an unfinished row.
    var buffer: ChunkBuffer
    /// The events of the rows parsed, whose customer ids are in `buffer`.
    var pending: [CustomerRegistry.PendingEvent] = []
    /// The parser's counts once the rows were parsed.
    var tally: ParsedRowsTally?

    init(capacity: Int) {
        buffer = ChunkBuffer(capacity: capacity)
    }
}
