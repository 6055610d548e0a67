import Foundation
import Synchronization
import Testing

@testable import JourneyLanguage

/// Work on both cores: every piece runs, each once, and `both` returns each side's result.
@Suite struct ParallelWorkTests {
    @Test(arguments: [0, 1, 2, 5])
    func everyPieceRunsOnce(count: Int) {
        let runs = Mutex([Int](repeating: 0, count: count))
        ParallelWork.run(count) { piece in runs.withLock { $0[piece] += 1 } }
        #expect(runs.withLock { $0 } == [Int](repeating: 1, count: count))
    }

    @Test func bothReturnsEachSidesResultWhileTheOtherRuns() {
        let (first, second) = ParallelWork.both(
            { (1...1_000).reduce(0, +) }, { String(repeating: "ab", count: 3) })
        #expect(first == 500_500)
        #expect(second == "ababab")
    }

    @Test func theSecondRunsOnAnotherThread() {
        // Thread ids, not `Thread.current` objects: a wrapper made for a thread Foundation did
        // not start may be freed and its address reused for the next one. The calling thread
        // lives until both have returned, so no other thread can have its id meanwhile.
        let (first, second) = ParallelWork.both({ pthread_self() }, { pthread_self() })
        #expect(pthread_equal(first, second) == 0)
    }

    struct Failure: Error, Equatable {}

    @Test func aFailureOfTheFirstIsThrownOnceTheSecondHasReturned() {
        let secondRan = Mutex(false)
        #expect(throws: Failure()) {
            try ParallelWork.both(
                { () throws(Failure) -> Int in throw Failure() }, { secondRan.withLock { $0 = true } })
        }
        #expect(secondRan.withLock { $0 })
    }
}
