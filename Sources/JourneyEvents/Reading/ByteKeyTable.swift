import Glibc

/// Interns byte strings (customer ids, event names): each distinct key gets the next index
/// from 0, in order of first insertion, without making a `String` for a key already known.
///
/// An open-addressing hash table with linear probing, at most three quarters full, whose 32-byte slots
/// hold a key of up to 16 bytes in the slot itself, so that looking it up reads one cache
/// line: on the machine measured, a line outside the L2 cache takes 150–250 ns to arrive when
/// the next step waits for it (7–20 ns each when many independent loads are in flight), and
/// an earlier design of 16-byte slots pointing into the arena, two lines a look-up, read 1 M
/// rows of 100 K customers about half as fast. A longer key is compared in the arena after its
/// length, a 32-bit tag from its hash and its first 8 bytes match. Every key is also kept in
/// the arena, back to back, for `key(_:)` and `strings()`. Memory is 51 to 93 bytes a key
/// (slots at a load of 3/8 to 3/4, plus an offset), plus the key's own bytes.
///
/// Three quarters, not half: on the shared benchmark's 10 M events (3.9 M customers, about 2 M
/// a reading thread, just past the 2^21 keys that a half-full table of 4 M slots holds) the
/// peak fell from 777 to 577 MiB and the wall time from 2.23–2.32 s to 2.07–2.22 s; on 10 M
/// rows of 2 M customers (bench/generate_events.py) the peak stayed at 352–362 MiB and the
/// longer probes cost about 8% more user time.
struct ByteKeyTable: ~Copyable {
    /// One slot.
    ///
    /// `tagAndLength` is the tag (high 32 bits of the hash) and the key's length; `index` is the
    /// key's index + 1, 0 for an empty slot. A key of up to 16 bytes is `first` and `second` as
    /// `words` makes them; a longer one has its arena offset in `first` and its first 8 bytes in
    /// `second`.
    private struct Slot {
        var tagAndLength: UInt64
        var index: UInt64
        var first: UInt64
        var second: UInt64
    }

    /// The slots; `mask + 1` of them, a power of two.
    private var slots: UnsafeMutablePointer<Slot>
    private var mask: Int
    /// The keys' bytes, back to back, in index order.
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCount = 0
    private var arenaCapacity: Int
    /// Where each key starts in the arena; `starts[count]` is where the next one will.
    private var starts: UnsafeMutablePointer<Int>
    private var startsCapacity: Int
    /// The number of keys.
    private(set) var count = 0
    /// Where `indices(of:)` keeps what its cache-warming loads read, so that they are not dropped.
    private var sink: UInt64 = 0

    /// An empty table sized for `expectedCount` keys without growing.
    init(expectedCount: Int = 1024) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = ByteKeyTable.allocateSlots(capacity)
        arenaCapacity = max(64, expectedCount * 16)
        arena = .allocate(capacity: arenaCapacity)
        startsCapacity = max(16, expectedCount + 1)
        starts = .allocate(capacity: startsCapacity)
        starts[0] = 0
    }

    deinit {
        slots.deallocate()
        arena.deallocate()
        starts.deallocate()
    }

    /// The bytes of key `index`.
    func key(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: arena + starts[index], count: starts[index + 1] - starts[index])
    }

    /// Frees the slots, keeping the keys.
    ///
    /// The table can still list its keys (`key(_:)`, `strings()`) but must not be used to look
    /// up or intern any more. Done before making the customers' strings, it takes the slots
    /// (64 to 128 bytes a key) off the peak memory.
    mutating func releaseSlots() {
        slots.deallocate()
        slots = ByteKeyTable.allocateSlots(2)
        mask = 1
    }

    /// The keys as strings, in index order; bytes that are not UTF-8 become U+FFFD.
    func strings() -> [String] {
        (0..<count).map { String(decoding: key($0), as: UTF8.self) }
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
        slots[probeStart(hash)].index
    }

    /// Where the probe for `hash` starts: chosen by the tag's bits (the hash's high half), so
    /// that growing the table needs only the slots, not the keys.
    @inline(__always)
    private func probeStart(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> 32) & mask
    }

    /// The index here of every key of `other`, in its index order; -1 for a key absent here.
    ///
    /// Looks keys up in batches, loading the slots of a batch before probing them (see `touch`).
    mutating func indices(of other: borrowing ByteKeyTable) -> [Int32] {
        let batch = 256
        var indices = [Int32](repeating: -1, count: other.count)
        var hashes = [UInt64](repeating: 0, count: batch)
        var touched: UInt64 = 0
        var first = 0
        while first < other.count {
            let end = min(first + batch, other.count)
            for index in first..<end {
                let key = other.key(index)
                let hash = ByteKeyTable.hash(key.baseAddress!, key.count)
                hashes[index - first] = hash
                touched &+= touch(hash)
            }
            for index in first..<end {
                let key = other.key(index)
                if case .found(let found) = probe(key.baseAddress!, length: key.count, hash: hashes[index - first]) {
                    indices[index] = found
                }
            }
            first = end
        }
        sink = touched
        return indices
    }

    private enum Probe {
        case found(Int32)
        /// The key is absent; it belongs at this empty slot.
        case empty(Int)
    }

    @inline(__always)
    private func probe(_ start: UnsafePointer<UInt8>, length: Int, hash: UInt64) -> Probe {
        let tagAndLength = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(truncatingIfNeeded: length)
        let (first, second) = ByteKeyTable.words(start, length)
        var position = probeStart(hash)
        while true {
            let slot = slots[position]
            if slot.index == 0 { return .empty(position) }
            if slot.tagAndLength == tagAndLength {
                if length <= 16 {
                    if slot.first == first, slot.second == second {
                        return .found(Int32(truncatingIfNeeded: slot.index &- 1))
                    }
                } else if slot.second == first, memcmp(arena + Int(slot.first), start, length) == 0 {
                    return .found(Int32(truncatingIfNeeded: slot.index &- 1))
                }
            }
            position = (position + 1) & mask
        }
    }

    private mutating func insert(_ start: UnsafePointer<UInt8>, length: Int, hash: UInt64, at position: Int) -> Int32 {
        let index = count
        precondition(index < Int(Int32.max) && length < Int(UInt32.max), "too many keys or too long a key")
        let needed = arenaCount + length
        if needed > arenaCapacity {
            var capacity = arenaCapacity * 2
            while capacity < needed { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = grown
            arenaCapacity = capacity
        }
        if index + 2 > startsCapacity {
            let capacity = startsCapacity * 2
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
            grown.update(from: starts, count: index + 1)
            starts.deallocate()
            starts = grown
            startsCapacity = capacity
        }
        let offset = arenaCount
        (arena + offset).update(from: start, count: length)
        arenaCount = needed
        starts[index + 1] = needed
        var (first, second) = ByteKeyTable.words(start, length)
        if length > 16 {
            second = first
            first = UInt64(offset)
        }
        slots[position] = Slot(
            tagAndLength: (hash & 0xFFFF_FFFF_0000_0000) | UInt64(truncatingIfNeeded: length),
            index: UInt64(index + 1), first: first, second: second)
        count += 1
        if count * 4 > (mask + 1) * 3 { grow() }  // past three quarters full
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
        for i in 0..<oldCount where old[i].index != 0 {
            let slot = old[i]
            var position = probeStart(slot.tagAndLength)
            while slots[position].index != 0 { position = (position + 1) & mask }
            slots[position] = slot
        }
        old.deallocate()
    }

    /// `count` empty slots, aligned on 64 bytes so that no slot straddles two cache lines
    /// (with malloc's 16-byte alignment, half of them may, and a look-up of one of those waits
    /// for a second line: reading 10 M rows took 3–7% longer).
    private static func allocateSlots(_ count: Int) -> UnsafeMutablePointer<Slot> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Slot>.stride, alignment: 64)
        return raw.initializeMemory(
            as: Slot.self, repeating: Slot(tagAndLength: 0, index: 0, first: 0, second: 0),
            count: count)
    }

    // MARK: - Hashing

    @inline(__always)
    private static func load64(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
    }

    @inline(__always)
    private static func load32(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(UnsafeRawPointer(p).loadUnaligned(as: UInt32.self))
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
