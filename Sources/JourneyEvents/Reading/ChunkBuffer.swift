import Glibc
import JourneyLanguage

/// A growable byte buffer for the chunks of an event log: the unparsed rest of one chunk
/// (a row cut by the chunk's end) stays at the front and the next chunk is read behind it.
struct ChunkBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    /// The buffer's size in bytes; it doubles when a single row fills it.
    private(set) var capacity: Int
    /// The bytes read and not yet consumed, from the start.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes read and not yet consumed.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    var isFull: Bool { count == capacity }

    /// Reads the next chunk from `source` behind the bytes held; returns how many were read.
    mutating func fill(from source: inout ChunkSource) throws(FileError) -> Int {
        let read = try source.read(into: UnsafeMutableRawBufferPointer(start: base + count, count: capacity - count))
        count += read
        return read
    }

    /// Drops the first `consumed` bytes, moving the rest to the front.
    mutating func consume(_ consumed: Int) {
        guard consumed > 0 else { return }
        let rest = count - consumed
        if rest > 0 { memmove(base, base + consumed, rest) }
        count = rest
    }

    /// Drops every byte held, keeping the capacity.
    mutating func removeAll() {
        count = 0
    }

    /// Appends `bytes` behind those held, doubling the capacity until there is room for them and
    /// a byte more (so that the next `fill` reads something).
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        while capacity - count <= bytes.count { grow() }
        (base + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    /// Whether the buffer is full and may not grow: a row would need more than
    /// `InputLimit.eventLogRow` bytes (an input with no line break, such as `/dev/zero`).
    var isFullAtLimit: Bool { isFull && capacity >= InputLimit.eventLogRow.bytes }

    /// The error of a row that outgrew the buffer's limit, in the input at `path`.
    static func rowTooLong(in path: String) -> FileError {
        FileError(.tooLarge(.eventLogRow), path: path, reason: "")
    }

    /// Doubles the capacity, keeping the bytes held.
    mutating func grow() {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity *= 2
    }
}
