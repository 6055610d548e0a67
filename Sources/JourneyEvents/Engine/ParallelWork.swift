import Dispatch
import Foundation

/// Runs numbered pieces of work at the same time, each on its own thread, and waits for them all.
///
/// `DispatchQueue.concurrentPerform` is not used: on Linux it runs the pieces one after the
/// other on the calling thread whenever Dispatch's pool looks busy, which it does from inside
/// Swift concurrency's cooperative threads (a command's `async` run, a test). Starting a thread
/// costs tens of microseconds, nothing next to the work handed out here.
enum ParallelWork {
    /// Calls `work(0)` … `work(count - 1)`, piece 0 on the calling thread and each other piece on
    /// a thread of its own, and returns once every piece has returned.
    static func run(_ count: Int, _ work: @escaping @Sendable (Int) -> Void) {
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
}
