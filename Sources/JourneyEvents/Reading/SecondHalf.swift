import Dispatch
import Foundation

/// The second half of an input, parsed on a thread of its own, and what the two threads share.
///
/// The input's rows are cut into pieces at line starts (`boundaries`). The caller's thread
/// reads from the first piece on, the worker from the last piece back, each piece forwards,
/// and each takes the next piece from its end until they meet: whichever is faster reads more,
/// so that neither waits for the other for longer than a piece takes.
///
/// `@unchecked Sendable` because `lock` guards every mutable property: the pieces taken, the
/// worker's count of bytes read and the caller's request to stop while it runs, then its parser
/// and how its part ended, which it stores before it signals `done`.
final class SecondHalf: @unchecked Sendable {
    /// Where each piece starts, and where the last ends: piece i is `boundaries[i]..<boundaries[i + 1]`.
    let boundaries: [Int64]
    /// Pieces `0..<front` are the caller's, `back...` the worker's.
    private var front = 1
    private var back: Int
    private let lock = NSLock()
    private var read: Int64 = 0
    private var cancelled = false
    private var parser: EventRowParser?
    private var partEnd: PartEnd?
    /// Signalled once the worker has stored its parser and how its part ended.
    private let done = DispatchSemaphore(value: 0)

    /// Pieces cut at `boundaries` (at least two pieces): the caller has the first, the worker the last.
    init(boundaries: [Int64]) {
        precondition(boundaries.count >= 3, "two pieces at least")
        self.boundaries = boundaries
        back = boundaries.count - 2
    }

    /// The number of pieces.
    var pieceCount: Int { boundaries.count - 1 }

    /// Takes the next piece for the caller: the end of the caller's part, or nil when the
    /// worker has the next piece already (the caller's part then ends where the worker's starts).
    func takeNextPieceForCaller() -> Int64? {
        lock.withLock {
            guard front < back else { return nil }
            front += 1
            return boundaries[front]
        }
    }

    /// Takes the piece before the worker's part for the worker, or nil when the caller has it.
    func takePreviousPieceForWorker() -> Int? {
        lock.withLock {
            guard back - 1 >= front else { return nil }
            back -= 1
            return back
        }
    }

    /// The bytes the worker has read so far.
    var bytesRead: Int64 { lock.withLock { read } }

    /// Asks the worker to stop after its current chunk.
    func cancel() { lock.withLock { cancelled = true } }

    /// Counts a chunk read by the worker; false when it should stop.
    func add(_ count: Int) -> Bool {
        lock.withLock {
            read += Int64(count)
            return !cancelled
        }
    }

    /// Stores what the worker made of its part and wakes the caller waiting for it.
    func finish(_ parser: consuming EventRowParser, end: PartEnd) {
        lock.lock()
        self.parser = consume parser
        partEnd = end
        lock.unlock()
        done.signal()
    }

    /// Waits for the worker to finish, calling `tick` every `interval` until it does.
    func wait(tickingEvery interval: DispatchTimeInterval, _ tick: () -> Void) {
        while done.wait(timeout: .now() + interval) == .timedOut { tick() }
    }

    /// Waits for the worker to finish.
    func wait() {
        done.wait()
    }

    /// Waits for the worker to finish, leaving the next `wait` to return at once.
    func waitLeavingSignal() {
        done.wait()
        done.signal()
    }

    /// The worker's parser, taken out when its part was read to the end; nil otherwise.
    ///
    /// Only once the worker has finished.
    func takeFinishedParser() -> EventRowParser? {
        lock.lock()
        defer { lock.unlock() }
        guard case .finished = partEnd else { return nil }
        return parser.take()
    }

    /// Drops the worker's parser, freeing its events and temporary file.
    ///
    /// Only once the worker has finished.
    func dropParser() {
        lock.withLock { _ = parser.take() }
    }
}
