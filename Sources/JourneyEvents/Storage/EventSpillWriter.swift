import Glibc
import JourneyLanguage

/// Funnel events written to one temporary file in batches, each batch grouped by customer
/// partition, so that one partition's events can be read back without the others.
///
/// The file is unlinked as soon as it is created: it has no name, nothing is left behind
/// however the process ends, and the space is freed when the file is closed. Each batch is
/// sorted by partition (a counting sort) and written with one `write`; the file keeps, per
/// partition, where each batch's run of its events lies. Events are stored as they are in
/// memory (16 bytes, the machine's byte order): the file lives and dies with the process.
///
/// Used by one thread at a time while written (it is not `Sendable`); `finishWriting()` then
/// hands the file over as an `EventSpillFile`, which any thread may read.
final class EventSpillWriter {
    typealias Run = EventSpillFile.Run

    /// The folder the file was created in, for messages.
    let directory: String
    private let descriptor: SpillFileDescriptor
    /// Per partition, its runs in the order written.
    private(set) var runs: [[Run]]
    /// The events written.
    private(set) var count = 0
    private var end: Int64 = 0
    private var scratch: [FunnelEvent] = []

    /// Creates an empty file in `directory`, for events in `partitionCount` partitions.
    init(directory: String, partitionCount: Int) throws(FileError) {
        self.directory = directory
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        var template = Array("\(folder)journey-events-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw FileError(.cannotWrite, path: directory, reason: FileSystem.lastErrorMessage())
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = SpillFileDescriptor(descriptor)
        self.runs = [[Run]](repeating: [], count: partitionCount)
    }

    /// Appends `events` as one batch; `partitions[c]` is customer c's partition.
    func append(_ events: some Collection<FunnelEvent>, partitions: [UInt16]) throws(FileError) {
        guard !events.isEmpty else { return }
        let partitionCount = runs.count
        var starts = [Int](repeating: 0, count: partitionCount + 1)
        for event in events { starts[Int(partitions[Int(event.customer)]) + 1] += 1 }
        for index in 0..<partitionCount { starts[index + 1] += starts[index] }
        var cursors = starts
        if scratch.count < events.count {
            // Free the old room before making the new, and leave space for the few events by
            // which a reader's batches differ (up to a look-up batch), so that this happens once.
            scratch = []
            scratch = [FunnelEvent](repeating: FunnelEvent(customer: 0, stage: 0, time: 0), count: events.count + 256)
        }
        scratch.withUnsafeMutableBufferPointer { sorted in
            for event in events {
                let index = Int(partitions[Int(event.customer)])
                sorted[cursors[index]] = event
                cursors[index] += 1
            }
        }
        let byteCount = events.count * MemoryLayout<FunnelEvent>.stride
        // Batches are only ever appended (reads use pread), so the file's position is `end`.
        let failure = scratch.withUnsafeBytes {
            Self.writeAll(UnsafeRawBufferPointer(rebasing: $0.prefix(byteCount)), to: descriptor.rawValue)
        }
        if let failure { throw FileError(.cannotWrite, path: directory, reason: failure) }
        let stride = Int64(MemoryLayout<FunnelEvent>.stride)
        for index in 0..<partitionCount where starts[index + 1] > starts[index] {
            runs[index].append(
                Run(offset: end + Int64(starts[index]) * stride, count: starts[index + 1] - starts[index]))
        }
        end += Int64(byteCount)
        count += events.count
    }

    /// Frees the memory used to sort batches and returns the file to read, once the last
    /// batch is written.
    func finishWriting() -> EventSpillFile {
        scratch = []
        return EventSpillFile(directory: directory, descriptor: descriptor, runs: runs, count: count)
    }

    /// Writes all of `bytes` at `descriptor`'s position, however many calls that takes,
    /// retrying after EINTR and after short writes; nil when done, else the system's reason.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return FileSystem.lastErrorMessage()
            }
            offset += written
        }
        return nil
    }
}
