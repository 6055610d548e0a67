import Glibc
import JourneyLanguage

/// Where an event log's bytes come from, read a chunk at a time: a pipe or terminal read in
/// order with `read(2)`, a regular file read by position with `pread(2)` (so that two threads
/// can read two halves of one descriptor), or bytes already in memory (for tests).
struct ChunkSource: Sendable {
    enum Input: Sendable {
        /// A descriptor that can only be read in order, such as standard input from a pipe.
        case stream(Int32)
        /// A regular file, read by position.
        case file(Int32)
        /// Bytes in memory, handed out a chunk at a time like a file.
        case memory([UInt8])
    }

    let input: Input
    /// The path shown when reading fails.
    let path: String
    /// The offset of the next byte to read (a count of bytes read, for a stream).
    private(set) var position: Int64
    /// When set, reading stops at this offset as if the input ended there; see `reachedStop`.
    var stop: Int64?

    init(_ input: Input, path: String, position: Int64 = 0) {
        self.input = input
        self.path = path
        self.position = position
    }

    /// Whether reading stopped at `stop` rather than at the end of the input.
    var reachedStop: Bool { stop == position }

    /// Reads up to `buffer.count` bytes into `buffer` and returns how many; 0 at the end of
    /// the input or at `stop`.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
        var wanted = buffer.count
        if let stop { wanted = min(wanted, Int(stop - position)) }
        guard wanted > 0, let base = buffer.baseAddress else { return 0 }
        let count: Int
        switch input {
        case .memory(let bytes):
            count = max(0, min(wanted, bytes.count - Int(position)))
            if count > 0 {
                bytes.withUnsafeBytes { base.copyMemory(from: $0.baseAddress! + Int(position), byteCount: count) }
            }
        case .stream(let descriptor):
            count = try ChunkSource.retrying(path) { Glibc.read(descriptor, base, wanted) }
        case .file(let descriptor):
            count = try ChunkSource.retrying(path) { [position] in pread(descriptor, base, wanted, off_t(position)) }
        }
        position += Int64(count)
        return count
    }

    /// The offset just past the first line feed at or after `offset` in a regular file or in
    /// memory, or nil when there is none; reads 64 KiB at a time.
    func lineStart(after offset: Int64) throws(FileError) -> Int64? {
        let window = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { window.deallocate() }
        var probe = self
        probe.position = offset
        probe.stop = nil
        while true {
            let count = try probe.read(into: window)
            if count == 0 { return nil }
            if let index = window[..<count].firstIndex(of: UInt8(ascii: "\n")) {
                return probe.position - Int64(count) + Int64(index) + 1
            }
        }
    }

    /// Calls `body` until it is not interrupted by a signal; a negative result throws `errno`'s message.
    private static func retrying(_ path: String, _ body: () -> Int) throws(FileError) -> Int {
        while true {
            let count = body()
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw FileError(.cannotRead, path: path, reason: String(cString: strerror(errno)))
        }
    }
}
