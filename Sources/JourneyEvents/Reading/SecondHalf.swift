import Dispatch
import Foundation

/// The second half of an input, parsed on a thread of its own, and what the two threads share.
///
/// `@unchecked Sendable` because `lock` guards every mutable property: the worker's count of
/// bytes read and the caller's request to stop while it runs, then its parser and how its
/// part ended, which it stores before it signals `done`.
final class SecondHalf: @unchecked Sendable {
    private let lock = NSLock()
    private var read: Int64 = 0
    private var cancelled = false
    private var parser: EventRowParser?
    private var partEnd: PartEnd?
    /// Signalled once the worker has stored its parser and how its part ended.
    private let done = DispatchSemaphore(value: 0)

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
