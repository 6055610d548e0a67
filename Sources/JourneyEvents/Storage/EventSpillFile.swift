import Glibc
import JourneyLanguage

/// A temporary file of funnel events whose writing is finished, read back one partition at a
/// time; `EventSpillWriter.finishWriting()` makes it.
///
/// Immutable, so `read` may be called from several threads at once (`pread` does not move a
/// shared offset).
struct EventSpillFile: Sendable {
    /// A stretch of the file holding `count` events of one partition.
    struct Run: Sendable {
        /// Where the run starts, in bytes from the start of the file.
        var offset: Int64
        var count: Int
    }

    /// The folder the file was created in, for messages.
    let directory: String
    let descriptor: SpillFileDescriptor
    /// Per partition, its runs in the order written.
    let runs: [[Run]]
    /// The events written.
    let count: Int

    /// The number of events of `partition`.
    func count(of partition: Int) -> Int {
        runs[partition].reduce(0) { $0 + $1.count }
    }

    /// Calls `body` with the events of `partition`, in the order written, a block of at most
    /// `scratch.count` (at least 1) at a time: memory holds a block, not the partition.
    func forEachBlock(
        of partition: Int, in scratch: inout [FunnelEvent],
        _ body: (UnsafeMutableBufferPointer<FunnelEvent>) -> Void
    ) throws(FileError) {
        precondition(!scratch.isEmpty, "reading blocks of events needs room for one")
        let stride = MemoryLayout<FunnelEvent>.stride
        let descriptor = descriptor.rawValue
        let failure: String? = scratch.withUnsafeMutableBufferPointer { block in
            for run in runs[partition] {
                var start = 0
                while start < run.count {
                    let count = min(block.count, run.count - start)
                    let byteCount = count * stride
                    let offset = run.offset + Int64(start * stride)
                    if let failure = Self.read(
                        byteCount, at: offset, from: descriptor, into: UnsafeMutableRawPointer(block.baseAddress!))
                    {
                        return failure
                    }
                    body(UnsafeMutableBufferPointer(rebasing: block[..<count]))
                    start += count
                }
            }
            return nil
        }
        if let failure { throw FileError(.cannotRead, path: directory, reason: failure) }
    }

    /// Appends the events of `partition` to `events`, in the order written.
    func read(partition: Int, into events: inout [FunnelEvent]) throws(FileError) {
        let first = events.count
        let total = count(of: partition)
        guard total > 0 else { return }
        events.append(contentsOf: repeatElement(FunnelEvent(customer: 0, stage: 0, time: 0), count: total))
        let stride = MemoryLayout<FunnelEvent>.stride
        let descriptor = descriptor.rawValue
        let failure: String? = events.withUnsafeMutableBytes { bytes in
            var position = first * stride
            for run in runs[partition] {
                let byteCount = run.count * stride
                if let failure = Self.read(
                    byteCount, at: run.offset, from: descriptor, into: bytes.baseAddress! + position)
                {
                    return failure
                }
                position += byteCount
            }
            return nil
        }
        if let failure {
            events.removeSubrange(first...)
            throw FileError(.cannotRead, path: directory, reason: failure)
        }
    }

    /// Reads `byteCount` bytes at `offset` of the file `descriptor` into `target`, however many
    /// calls that takes, retrying after EINTR; nil when done, else why not.
    private static func read(
        _ byteCount: Int, at offset: Int64, from descriptor: Int32, into target: UnsafeMutableRawPointer
    ) -> String? {
        var done = 0
        while done < byteCount {
            let result = pread(descriptor, target + done, byteCount - done, off_t(offset) + off_t(done))
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                return result == 0 ? "the file ended early" : FileSystem.lastErrorMessage()
            }
            done += result
        }
        return nil
    }
}
