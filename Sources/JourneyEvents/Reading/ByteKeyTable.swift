import Glibc
import JourneyLanguage

/// Interns byte strings (customer ids, event names): each distinct key gets the next index
/// from 0, in order of first insertion, without making a `String` for a key already known.
///
/// An open-addressing hash table with linear probing, at most three quarters full, of 8-byte
/// slots: a 32-bit tag (the high half of the key's hash, which also chooses where its probe
/// starts) and the key's index + 1 (0 for an empty slot). Each key also has a 16-byte record,
/// by index, holding a key of up to 15 bytes exactly (its bytes and length, see `record`) or,
/// for a longer key, its length and where its bytes are in `keys`; every key is kept in
/// `keys`, back to back, which the reader hands over as the log's customer ids.
///
/// Memory is 27 to 37 bytes a key (slots at a load of 3/8 to 3/4, plus the record), plus the
/// key's bytes and an 8-byte end in `keys`. The table before this one held the key in 32-byte
/// slots (one cache line a look-up, 51 to 93 bytes a key): on the shared benchmark's 10 M
/// events (3.9 M customers, about 2 M a reading thread) `journey funnel` peaked at 576 MiB
/// against 404–444 MiB with this one, and while reading 50 M events (19.7 M customers) at
/// about 2.1 GiB against 1.7 GiB, for about the same CPU time. A look-up reads two lines,
/// the slot and the record, which callers
/// that look up many keys at once hide by loading both ahead for a batch (`touch`,
/// `touchRecord`): a line outside the cache takes 150–250 ns to arrive when the next step waits
/// for it, 7–20 ns each when many independent loads are in flight.
///
/// Three quarters, not half: on the shared benchmark's 10 M events, about 2 M customers a
/// reading thread is just past the 2^21 keys that a half-full table of 4 M slots holds.
struct ByteKeyTable: ~Copyable {
    /// A key as `record(_:length:)` encodes it.
    ///
    /// A key of up to 15 bytes: `first` and the low 56 bits of `second` hold its bytes (with
    /// overlapping loads, every byte at least once), the top byte of `second` its length. A
    /// longer key: `first` is where its bytes start in `keys.bytes`, `second` is 0xFF in the top
    /// byte and the length below.
    struct Record: Equatable {
        var first: UInt64
        var second: UInt64
    }

    /// The slots; `mask + 1` of them, a power of two.
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask: Int
    /// The records of the keys, by index.
    private var records: UnsafeMutablePointer<Record>
    private var recordCapacity: Int
    /// The keys, in index order.
    private(set) var keys = PackedStrings()
    /// The number of keys.
    var count: Int { keys.count }
    /// Where `indices(of:)` keeps what its cache-warming loads read, so that they are not dropped.
    private var sink: UInt64 = 0

    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000
    private static let longKey: UInt64 = 0xFF << 56

    /// An empty table sized for `expectedCount` keys without growing, whose records and keys
    /// have room for `reservedCount` keys of 16 bytes.
    ///
    /// The room reserved is address space: memory holds only what keys are added. Reserving for
    /// as many keys as the input has rows spares the copies of growing the records and keys
    /// (on the shared benchmark's 50 M events, about 330 MB a reading thread that would
    /// otherwise be written twice, and the moments when the old and the new copies are both
    /// held). The slots grow from `expectedCount`: they are cleared when allocated.
    init(expectedCount: Int = 1024, reservedCount: Int = 0) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = ByteKeyTable.allocateSlots(capacity)
        recordCapacity = max(16, expectedCount, reservedCount)
        records = ByteKeyTable.allocateRecords(recordCapacity)
        keys.reserveCapacity(recordCapacity, bytes: recordCapacity * 16)
    }

    deinit {
        slots.deallocate()
        records.deallocate()
    }

    /// Calls `body` with the bytes of key `index`.
    @inline(__always)
    func withKey<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        keys.withBytes(at: index, body)
    }

    /// The keys, taking them out of the table, which is then empty.
    mutating func takeKeys() -> PackedStrings {
        var taken = PackedStrings()
        swap(&taken, &keys)
        releaseSlots()
        return taken
    }

    /// Frees the slots and records, keeping the keys.
    ///
    /// The table can still list its keys (`withKey(_:_:)`, `keys`) but must not be used to look
    /// up or intern any more. Done before making the customers' strings, it takes the slots
    /// and records (27 to 37 bytes a key) off the peak memory.
    mutating func releaseSlots() {
        slots.deallocate()
        slots = ByteKeyTable.allocateSlots(2)
        mask = 1
        records.deallocate()
        records = .allocate(capacity: 1)
        recordCapacity = 1
    }

    /// Appends a key to a table whose slots are released (`releaseSlots()`), which lists it
    /// with the next index but cannot look it up: how a merge adds another table's keys.
    mutating func appendKey(_ key: UnsafeBufferPointer<UInt8>) {
        precondition(mask == 1, "a key is appended only once the slots are released")
        keys.append(key)
    }

    /// The index of the key of `length` bytes at `start`, or -1 when it was never inserted.
    @inline(__always)
    func find(_ start: UnsafePointer<UInt8>, length: Int) -> Int32 {
        let hash = ByteKeyTable.hash(start, length)
        switch probe(start, length: length, hash: hash) {
        case .found(let index): return index
        case .empty: return -1
        }
    }

    /// The index of the key of `length` bytes at `start`, inserting it with the next index
    /// when it is new.
    mutating func intern(_ start: UnsafePointer<UInt8>, length: Int) -> Int32 {
        intern(start, length: length, hash: ByteKeyTable.hash(start, length))
    }

    /// `intern(_:length:)` with the key's `hash` already worked out.
    @inline(__always)
    mutating func intern(_ start: UnsafePointer<UInt8>, length: Int, hash: UInt64) -> Int32 {
        switch probe(start, length: length, hash: hash) {
        case .found(let index): return index
        case .empty(let position): return insert(start, length: length, hash: hash, at: position)
        }
    }

    /// Loads the slot where a look-up of `hash` starts, so that it is cached when `intern` needs it.
    ///
    /// A batch of independent loads arrives together (see `CustomerRegistry.internPendingEvents`).
    /// Returns a value to keep, so that the load is not optimised away; it means nothing.
    @inline(__always)
    func touch(_ hash: UInt64) -> UInt64 {
        Self.touch(hash, slots: slots, mask: mask)
    }

    @inline(__always)
    private static func touch(_ hash: UInt64, slots: UnsafeMutablePointer<UInt64>, mask: Int) -> UInt64 {
        slots[probeStart(hash, mask: mask)]
    }

    /// Loads the record of the first key whose tag is `hash`'s.
    ///
    /// Called once `touch` has loaded the slot, so that both are cached when `intern` needs
    /// them. Returns a value to keep.
    @inline(__always)
    func touchRecord(_ hash: UInt64) -> UInt64 {
        Self.touchRecord(hash, slots: slots, mask: mask, records: records)
    }

    @inline(__always)
    private static func touchRecord(
        _ hash: UInt64, slots: UnsafeMutablePointer<UInt64>, mask: Int, records: UnsafeMutablePointer<Record>
    ) -> UInt64 {
        let tag = hash & ByteKeyTable.tagMask
        var position = probeStart(hash, mask: mask)
        while true {
            let slot = slots[position]
            if slot == 0 { return 0 }
            if slot & ByteKeyTable.tagMask == tag { return records[ByteKeyTable.index(slot)].first }
            position = (position + 1) & mask
        }
    }

    /// Where the probe for `hash` starts: chosen by the tag's bits (the hash's high half), so
    /// that growing the table needs only the slots, not the keys.
    @inline(__always)
    private func probeStart(_ hash: UInt64) -> Int {
        Self.probeStart(hash, mask: mask)
    }

    @inline(__always)
    private static func probeStart(_ hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: hash >> 32) & mask
    }

    /// The index a full slot holds.
    @inline(__always)
    private static func index(_ slot: UInt64) -> Int {
        Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) &- 1
    }

    /// The index here of every key of `other`, in its index order; -1 for a key absent here.
    ///
    /// Looks keys up on `threads` threads, each a share of `other`'s keys, in batches, loading
    /// the slots and then the records of a batch before probing them (see `touch`). On the
    /// shared benchmark's 10 M events, looking up the second reading thread's 2 M customers
    /// took 0.27 s on one thread, the longest step that the reading does not share out.
    mutating func indices(of other: borrowing ByteKeyTable, threads: Int = 2) -> [Int32] {
        let count = other.count
        var indices = [Int32](repeating: -1, count: count)
        let here = LookUp(slots: slots, mask: mask, records: records, keys: keys)
        let theirs = other.keys
        let parts = count < 1 << 16 ? 1 : max(1, threads)
        var touched = [UInt64](repeating: 0, count: parts)
        indices.withUnsafeMutableBufferPointer { buffer in
            touched.withUnsafeMutableBufferPointer { touchedBuffer in
                let out = SharedBuffer(buffer)
                let touchedOut = SharedBuffer(touchedBuffer)
                ParallelWork.run(parts) { part in
                    touchedOut[part] = here.find(
                        theirs, in: ParallelWork.share(part, of: parts, total: count), into: out)
                }
            }
        }
        sink = touched.reduce(0, &+)
        return indices
    }

    /// The table as it stands, to look keys up from several threads at once.
    ///
    /// It points into the table's memory: only for while the table is neither changed nor freed.
    private struct LookUp: @unchecked Sendable {
        let slots: UnsafeMutablePointer<UInt64>
        let mask: Int
        let records: UnsafeMutablePointer<Record>
        let keys: PackedStrings

        /// Looks `other[range]` up, writing each one's index here, or -1, to `out`; returns what
        /// the cache-warming loads read, to keep, so that they are not dropped.
        func find(_ other: PackedStrings, in range: Range<Int>, into out: SharedBuffer<Int32>) -> UInt64 {
            let batch = 256
            var hashes = [UInt64](repeating: 0, count: batch)
            var touched: UInt64 = 0
            var first = range.lowerBound
            while first < range.upperBound {
                let end = min(first + batch, range.upperBound)
                for index in first..<end {
                    let hash = other.withBytes(at: index) { ByteKeyTable.hash($0) }
                    hashes[index - first] = hash
                    touched &+= ByteKeyTable.touch(hash, slots: slots, mask: mask)
                }
                for index in first..<end {
                    touched &+= ByteKeyTable.touchRecord(
                        hashes[index - first], slots: slots, mask: mask, records: records)
                }
                for index in first..<end {
                    let probed = other.withBytes(at: index) {
                        ByteKeyTable.probe(
                            ByteKeyTable.start(of: $0), length: $0.count, hash: hashes[index - first],
                            slots: slots, mask: mask, records: records, keys: keys)
                    }
                    out[index] = if case .found(let found) = probed { found } else { -1 }
                }
                first = end
            }
            return touched
        }
    }

    private enum Probe {
        case found(Int32)
        /// The key is absent; it belongs at this empty slot.
        case empty(Int)
    }

    @inline(__always)
    private func probe(_ start: UnsafePointer<UInt8>, length: Int, hash: UInt64) -> Probe {
        Self.probe(start, length: length, hash: hash, slots: slots, mask: mask, records: records, keys: keys)
    }

    @inline(__always)
    private static func probe(
        _ start: UnsafePointer<UInt8>, length: Int, hash: UInt64,
        slots: UnsafeMutablePointer<UInt64>, mask: Int, records: UnsafeMutablePointer<Record>, keys: PackedStrings
    ) -> Probe {
        let tag = hash & ByteKeyTable.tagMask
        let wanted = ByteKeyTable.record(start, length: length)
        var position = probeStart(hash, mask: mask)
        while true {
            let slot = slots[position]
            if slot == 0 { return .empty(position) }
            if slot & ByteKeyTable.tagMask == tag {
                let index = ByteKeyTable.index(slot)
                let record = records[index]
                if record.second == wanted.second {
                    if length < 16 {
                        if record.first == wanted.first { return .found(Int32(truncatingIfNeeded: index)) }
                    } else if keys.bytes.withUnsafeBufferPointer({
                        memcmp($0.baseAddress! + Int(record.first), start, length)
                    }) == 0 {
                        return .found(Int32(truncatingIfNeeded: index))
                    }
                }
            }
            position = (position + 1) & mask
        }
    }

    private mutating func insert(_ start: UnsafePointer<UInt8>, length: Int, hash: UInt64, at position: Int) -> Int32 {
        let index = count
        precondition(index < Int(Int32.max) - 1 && length < 1 << 56, "too many keys or too long a key")
        var record = ByteKeyTable.record(start, length: length)
        if length >= 16 { record.first = UInt64(keys.bytes.count) }
        keys.append(UnsafeBufferPointer(start: start, count: length))
        if index == recordCapacity {
            let capacity = recordCapacity * 2
            let grown = ByteKeyTable.allocateRecords(capacity)
            grown.moveInitialize(from: records, count: index)
            records.deallocate()
            records = grown
            recordCapacity = capacity
        }
        (records + index).initialize(to: record)
        slots[position] = (hash & ByteKeyTable.tagMask) | UInt64(index + 1)
        if (index + 1) * 4 > (mask + 1) * 3 { grow() }  // past three quarters full
        return Int32(index)
    }

    /// Doubles the slots and places every key again.
    ///
    /// A key's slot comes from its tag alone, so the keys are not read again; and a key at
    /// position p moves to p or p + the old size (give or take its probe), so the old slots,
    /// read in order, are written in two nearly sequential streams. Recomputing positions
    /// from the keys' bytes instead took 11% of the time of reading 10 M rows.
    private mutating func grow() {
        let capacity = (mask + 1) * 2
        let old = slots
        let oldCount = mask + 1
        slots = ByteKeyTable.allocateSlots(capacity)
        mask = capacity - 1
        for i in 0..<oldCount where old[i] != 0 {
            let slot = old[i]
            var position = probeStart(slot)
            while slots[position] != 0 { position = (position + 1) & mask }
            slots[position] = slot
        }
        old.deallocate()
    }

    /// Room for `count` records, not initialised.
    private static func allocateRecords(_ count: Int) -> UnsafeMutablePointer<Record> {
        let records = UnsafeMutablePointer<Record>.allocate(capacity: count)
        HugePages.advise(records, byteCount: count * MemoryLayout<Record>.stride)
        return records
    }

    /// `count` empty slots, aligned on 64 bytes, so that a cache line holds eight whole slots.
    private static func allocateSlots(_ count: Int) -> UnsafeMutablePointer<UInt64> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<UInt64>.stride, alignment: 64)
        HugePages.advise(raw, byteCount: count * MemoryLayout<UInt64>.stride)
        return raw.initializeMemory(as: UInt64.self, repeating: 0, count: count)
    }

    /// The record of the key of `length` bytes at `start` (see `Record`); for a key of 16
    /// bytes or more, `first` is 0 and is for the caller to set.
    @inline(__always)
    static func record(_ p: UnsafePointer<UInt8>, length: Int) -> Record {
        if length >= 16 { return Record(first: 0, second: longKey | UInt64(truncatingIfNeeded: length)) }
        // Of a key of 8 to 15 bytes, `words` gives its first 8 bytes and its last 8, whose lowest
        // byte the first 8 hold: the 7 others go below the length.
        let (first, last) = words(p, length)
        return Record(first: first, second: (last >> 8) | (UInt64(truncatingIfNeeded: length) << 56))
    }

    // MARK: - Hashing

    @inline(__always)
    private static func load64(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    @inline(__always)
    private static func load32(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(UInt32(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)))
    }

    /// Two words that, with the length, tell apart any two keys of up to 16 bytes.
    ///
    /// They come from overlapping loads that touch no byte past the key. For a longer key, they
    /// are its first 8 bytes and 0.
    @inline(__always)
    static func words(_ p: UnsafePointer<UInt8>, _ count: Int) -> (UInt64, UInt64) {
        if count >= 8 {
            return count <= 16 ? (load64(p), load64(p + count - 8)) : (load64(p), 0)
        }
        if count >= 4 {
            return (load32(p) | (load32(p + count - 4) << 32), 0)
        }
        if count > 0 {
            return (UInt64(p[0]) | (UInt64(p[count >> 1]) << 8) | (UInt64(p[count - 1]) << 16), 0)
        }
        return (0, 0)
    }

    /// Multiplies to 128 bits and folds the halves: the mixing step of wyhash.
    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// Where the bytes of `key` start; a pointer never read when the key is empty.
    @inline(__always)
    static func start(of key: UnsafeBufferPointer<UInt8>) -> UnsafePointer<UInt8> {
        key.baseAddress ?? UnsafePointer(bitPattern: 1)!
    }

    /// The hash of the bytes of `key` (see `hash(_:_:)`).
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        hash(start(of: key), key.count)
    }

    /// A 64-bit hash of `count` bytes at `p`, in the manner of wyhash: 16 bytes a step, with
    /// overlapping loads at the end so that no byte past the key is read.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let k0: UInt64 = 0xA076_1D64_78BD_642F
        let k1: UInt64 = 0xE703_7ED1_A0B4_28DB
        let k2: UInt64 = 0x8EBC_6AF0_9C88_C6E3
        var seed = k0 ^ UInt64(count)
        let a: UInt64
        let b: UInt64
        if count <= 16 {
            (a, b) = words(p, count)
        } else {
            var i = 0
            while count - i > 16 {
                seed = mix(load64(p + i) ^ k1, load64(p + i + 8) ^ seed)
                i += 16
            }
            a = load64(p + count - 16)
            b = load64(p + count - 8)
        }
        return mix(k1 ^ UInt64(count), mix(a ^ k1, b ^ seed) ^ k2)
    }
}
