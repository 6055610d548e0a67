import Dispatch
import Foundation

/// The two threads that read a stream, and what they share: the caller's thread reads chunks
/// and parses their rows, and a worker interns the customers of their events and keeps the
/// events; each chunk goes to the worker with its pending events and comes back to be filled
/// again.
///
/// The chunks are a fixed pool: the caller waits for one to come back when all are with the
/// worker, so that memory holds no more than the pool however far ahead the parsing is.
///
/// `@unchecked Sendable` because `condition` guards every mutable property: the two queues of
/// chunks, whether the caller has sent its last chunk, and the worker's spill failure; then the
/// worker's parser, which it stores before it signals `done`.
final class ChunkPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    /// Chunks parsed, in order, waiting for the worker.
    private var parsed: [PipelineChunk] = []
    /// Chunks the caller may fill.
    private var free: [PipelineChunk]
    private var closed = false
    /// Whether the worker could not spill events.
    private var failed = false
    /// The parser's counts after the chunk whose events the worker could not spill.
    private var failedAfter: ParsedRowsTally?
    private var worker: EventRowParser?
    /// Signalled once the worker has stored its parser.
    private let done = DispatchSemaphore(value: 0)

    /// A pipeline of `chunks` chunks of `capacity` bytes.
    init(chunks: Int, capacity: Int) {
        free = (0..<chunks).map { _ in PipelineChunk(capacity: capacity) }
    }

    // MARK: - The caller's side

    /// A chunk to fill, waiting for the worker to hand one back when it holds all of them.
    func takeFree() -> PipelineChunk {
        condition.lock()
        defer { condition.unlock() }
        while free.isEmpty { condition.wait() }
        return free.removeLast()
    }

    /// Passes a parsed chunk to the worker.
    func send(_ chunk: PipelineChunk) {
        condition.lock()
        parsed.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    /// Tells the worker that no more chunks come: it stops once it has taken in those sent.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the worker could not spill events; the caller then stops reading.
    var spillFailed: Bool { condition.withLock { failed } }

    /// Waits for the worker to take in every chunk sent, gives `parser` the worker's customers
    /// and events (`EventRowParser.takeInterned`), and returns, when the worker could not spill,
    /// the parser's counts after the chunk where that happened.
    ///
    /// Only once, after `close`.
    func finish(into parser: inout EventRowParser) -> ParsedRowsTally? {
        done.wait()
        condition.lock()
        defer { condition.unlock() }
        // The worker stores its parser before it signals `done`.
        if var worker = worker.take() { parser.takeInterned(from: &worker) }
        return failedAfter
    }

    // MARK: - The worker's side

    /// The next parsed chunk, waiting for the caller; nil once it has closed and none is left.
    func nextParsed() -> PipelineChunk? {
        condition.lock()
        defer { condition.unlock() }
        while parsed.isEmpty && !closed { condition.wait() }
        return parsed.isEmpty ? nil : parsed.removeFirst()
    }

    /// Hands a chunk the worker is done with back to the caller.
    func giveBack(_ chunk: PipelineChunk) {
        condition.lock()
        free.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    /// Records that the events of the chunk parsed up to `tally` could not be spilled.
    func recordSpillFailure(after tally: ParsedRowsTally?) {
        condition.withLock {
            failed = true
            failedAfter = tally
        }
    }

    /// Stores the worker's parser, once every chunk is taken in, and wakes the caller.
    func store(_ parser: consuming EventRowParser) {
        condition.lock()
        worker = consume parser
        condition.unlock()
        done.signal()
    }
}
