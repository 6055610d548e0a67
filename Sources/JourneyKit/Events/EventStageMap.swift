/// Maps the bytes of an event name to the funnel stage it marks, or -1, a few nanoseconds a row.
///
/// Every row asks, and an event log has few distinct names, so the answers are kept in a
/// direct-mapped memo of 256 entries keyed by the name's length and its first 24 bytes,
/// read as three words without a branch on the length; names that mark no stage are
/// remembered too. A name the memo lacks (or one longer than 24 bytes) is looked up exactly
/// in a `ByteKeyTable` of the stages' names. Hashing every name into that table took 9% of
/// the time of reading the benchmark's log, the memo 3% (see EventLogReader.swift).
///
/// The memo reads up to 24 bytes from the start of a name, past its end: the buffer being
/// parsed must have at least `overread` readable bytes after its last byte (`ChunkBuffer` has).
struct EventStageMap: ~Copyable {
    /// The bytes that may be read past the end of the buffer a name is in.
    static let overread = 24

    /// One remembered name: its length (-1 for an empty entry), its first 24 bytes as words
    /// (zero past the name's end), and its stage.
    private struct Entry {
        var length: Int
        var words: (UInt64, UInt64, UInt64)
        var stage: Int32
    }

    private var names: ByteKeyTable
    private let stageOfName: [Int32]
    private var memo: [Entry]

    init(_ stageOfEvent: [String: Int32]) {
        var names = ByteKeyTable(expectedCount: stageOfEvent.count)
        var stages: [Int32] = []
        for (name, stage) in stageOfEvent.sorted(by: { $0.key < $1.key }) {
            var name = name
            name.withUTF8 { utf8 in
                // An empty name has no base address; any pointer does, as no byte is read.
                let start = utf8.baseAddress ?? UnsafePointer(bitPattern: 1)!
                if Int(names.intern(start, length: utf8.count)) == stages.count { stages.append(stage) }
            }
        }
        self.names = names
        self.stageOfName = stages
        self.memo = Array(repeating: Entry(length: -1, words: (0, 0, 0), stage: -1), count: 256)
    }

    /// The stage the `length` bytes at `start` name, or -1; reads up to `overread` bytes past them.
    @inline(__always)
    mutating func stage(_ start: UnsafePointer<UInt8>, length: Int) -> Int32 {
        guard length <= 24 else { return exactStage(start, length: length) }
        let raw = UnsafeRawPointer(start)
        let words = (EventStageMap.masked(raw.loadUnaligned(as: UInt64.self), length),
                     EventStageMap.masked(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self), length - 8),
                     EventStageMap.masked(raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), length - 16))
        let mixed = (words.0 &* 0x9E37_79B9_7F4A_7C15) ^ (words.1 &* 0xC2B2_AE3D_27D4_EB4F)
            ^ (words.2 &* 0x1656_67B1_9E37_79F9) ^ UInt64(length)
        let slot = Int(truncatingIfNeeded: ((mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9) >> 56)
        let entry = memo[slot]
        if entry.length == length, entry.words.0 == words.0, entry.words.1 == words.1, entry.words.2 == words.2 {
            return entry.stage
        }
        let stage = exactStage(start, length: length)
        memo[slot] = Entry(length: length, words: words, stage: stage)
        return stage
    }

    /// The low `bytes` bytes of `word` (all of them from 8 up, none below 1), the others zero.
    @inline(__always)
    private static func masked(_ word: UInt64, _ bytes: Int) -> UInt64 {
        let kept = min(max(bytes, 0), 8)
        return kept == 8 ? word : word & ((1 &<< UInt64(8 &* kept)) &- 1)
    }

    /// The stage the `length` bytes at `start` name, or -1, from the table of stage names.
    func exactStage(_ start: UnsafePointer<UInt8>, length: Int) -> Int32 {
        let index = names.find(start, length: length)
        return index < 0 ? -1 : stageOfName[Int(index)]
    }
}
