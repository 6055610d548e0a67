import Dispatch
import Foundation
import Synchronization

/// Runs numbered pieces of work at the same time, each on its own thread, and waits for them all.
///
/// `DispatchQueue.concurrentPerform` is not used: on Linux it runs the pieces one after the
/// other on the calling thread whenever Dispatch's pool looks busy, which it does from inside
/// Swift concurrency's cooperative threads (a command's `async` run, a test). Starting a thread
/// costs tens of microseconds, nothing next to the work handed out here.
package enum ParallelWork {
    /// Calls `work(0)` … `work(count - 1)`, piece 0 on the calling thread and each other piece on
    /// a thread of its own, and returns once every piece has returned.
    package static func run(_ count: Int, _ work: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { work(0) }
            return
        }
        let finished = DispatchGroup()
        for piece in 1..<count {
            finished.enter()
            let thread = Thread {
                work(piece)
                finished.leave()
            }
            thread.start()
        }
        work(0)
        finished.wait()
    }

    /// Piece `part` of `parts` consecutive, nearly equal shares of `0..<total`, for the work of
    /// `run(_:_:)` to be shared out.
    package static func share(_ part: Int, of parts: Int, total: Int) -> Range<Int> {
        (total * part / parts)..<(total * (part + 1) / parts)
    }

    /// `first()` on the calling thread and `second()` on a thread of its own, at the same time:
    /// both results, once both have returned.
    ///
    /// When `first` throws, the error is rethrown once `second` has returned too.
    package static func both<First, Second: Sendable, Failure: Error>(
        _ first: () throws(Failure) -> First, _ second: @escaping @Sendable () -> Second
    ) throws(Failure) -> (First, Second) {
        let result = Mutex<Second?>(nil)
        let finished = DispatchGroup()
        finished.enter()
        Thread {
            let value = second()
            result.withLock { $0 = value }
            finished.leave()
        }
        .start()
        let firstResult = Result(catching: first)
        finished.wait()
        guard let secondResult = result.withLock({ $0 }) else {
            preconditionFailure("the second thread stores its result before it leaves")
        }
        return (try firstResult.get(), secondResult)
    }
}
