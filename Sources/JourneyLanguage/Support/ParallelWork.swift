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

    /// `first()` on the calling thread and `second()` on a thread of its own, at the same time:
    /// both results, once both have returned.
    package static func both<First: Sendable, Second: Sendable>(
        _ first: @escaping @Sendable () -> First, _ second: @escaping @Sendable () -> Second
    ) -> (First, Second) {
        let results = Mutex<(First?, Second?)>((nil, nil))
        run(2) { piece in
            if piece == 0 {
                let result = first()
                results.withLock { $0.0 = result }
            } else {
                let result = second()
                results.withLock { $0.1 = result }
            }
        }
        return results.withLock { results in
            guard let first = results.0, let second = results.1 else {
                preconditionFailure("ParallelWork.run returns once every piece has returned")
            }
            return (first, second)
        }
    }
}
