import Testing

@testable import JourneyEvents

/// The table that interns customer ids and event names by their bytes.
@Suite struct ByteKeyTableTests {
    /// Keys of every length up to 40 bytes, and keys that differ in one byte only, at every
    /// position: those a record holds exactly (up to 15 bytes) and those compared in `keys`.
    static let keys: [[UInt8]] = {
        var keys: [[UInt8]] = []
        for length in 0...40 {
            let base = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            keys.append(base)
            for position in 0..<length {
                var changed = base
                changed[position] = UInt8(ascii: "0")
                keys.append(changed)
            }
        }
        // Same bytes but for a trailing zero, and keys of only zeros, told apart by length.
        keys += [[0], [0, 0], [0, 0, 0], [UInt8](repeating: 0, count: 8), [UInt8](repeating: 0, count: 16)]
        keys += [[0x61, 0], [0x61, 0, 0]]
        return keys
    }()

    static func intern(_ key: [UInt8], into table: inout ByteKeyTable) -> Int32 {
        key.withUnsafeBufferPointer { table.intern(ByteKeyTable.start(of: $0), length: $0.count) }
    }

    @Test func everyDistinctKeyGetsTheNextIndexAndKeepsIt() {
        // Sized for 4 keys: the table doubles many times on the way.
        var table = ByteKeyTable(expectedCount: 4)
        var seen: [[UInt8]: Int32] = [:]
        for key in Self.keys {
            let index = Self.intern(key, into: &table)
            if let known = seen[key] {
                #expect(index == known, "\(key)")
            } else {
                #expect(Int(index) == seen.count, "\(key) is new")
                seen[key] = index
            }
        }
        #expect(table.count == seen.count)
        for (key, index) in seen {
            #expect(Self.intern(key, into: &table) == index, "interned again: \(key)")
            #expect(key.withUnsafeBufferPointer { table.find(ByteKeyTable.start(of: $0), length: $0.count) } == index)
            #expect(table.withKey(Int(index)) { Array($0) } == key)
        }
        #expect(table.count == seen.count, "nothing new was added")
    }

    @Test func aKeyNeverInsertedIsNotFound() {
        var table = ByteKeyTable()
        for key in Self.keys where key.count % 2 == 0 { _ = Self.intern(key, into: &table) }
        for key in Self.keys where key.count % 2 == 1 {
            #expect(key.withUnsafeBufferPointer { table.find(ByteKeyTable.start(of: $0), length: $0.count) } == -1)
        }
    }

    @Test func manyKeysSurviveGrowing() {
        var table = ByteKeyTable(expectedCount: 16)
        let ids = (0..<50_000).map { Array("customer-\($0 * 7919 % 50_000)".utf8) }
        for (number, id) in ids.enumerated() { #expect(Self.intern(id, into: &table) == Int32(number)) }
        for (number, id) in ids.enumerated().reversed() { #expect(Self.intern(id, into: &table) == Int32(number)) }
        #expect(table.count == ids.count)
    }

    @Test func anotherTablesKeysAreFoundByTheirIndexHere() {
        var here = ByteKeyTable()
        var other = ByteKeyTable()
        for key in Self.keys.prefix(500) { _ = Self.intern(key, into: &here) }
        let otherKeys = Array(Self.keys.suffix(500))
        for key in otherKeys { _ = Self.intern(key, into: &other) }
        let indices = here.indices(of: other)
        #expect(indices.count == other.count)
        for (index, found) in indices.enumerated() {
            let key = other.withKey(index) { Array($0) }
            let expected = key.withUnsafeBufferPointer { here.find(ByteKeyTable.start(of: $0), length: $0.count) }
            #expect(found == expected, "\(key)")
        }
        #expect(indices.contains(-1) && indices.contains { $0 >= 0 }, "some keys are shared, some are not")
    }

    @Test func manyKeysAreLookedUpOnTwoThreadsAsOnOne() {
        // Enough keys for `indices(of:)` to share them out: half of the other's are here.
        var here = ByteKeyTable()
        var other = ByteKeyTable()
        for number in 0..<100_000 { _ = Self.intern(Array("c\(number * 2)".utf8), into: &here) }
        for number in 0..<100_000 { _ = Self.intern(Array("c\(number)".utf8), into: &other) }
        let twoThreads = here.indices(of: other, threads: 2)
        #expect(twoThreads == here.indices(of: other, threads: 1))
        for number in [0, 1, 2, 49_999, 50_000, 99_998, 99_999] {
            #expect(twoThreads[number] == (number % 2 == 0 ? Int32(number / 2) : -1), "c\(number)")
        }
    }

    @Test func takingTheKeysLeavesThemInOrder() {
        var table = ByteKeyTable()
        for id in ["b", "a", "a much longer customer id", "b"] {
            var id = id
            _ = id.withUTF8 { table.intern(ByteKeyTable.start(of: $0), length: $0.count) }
        }
        #expect(Array(table.takeKeys()) == ["b", "a", "a much longer customer id"])
    }

    @Test func keysAppendedAfterTheSlotsAreReleasedFollowInOrder() {
        var table = ByteKeyTable()
        for key in Self.keys.prefix(20) { _ = Self.intern(key, into: &table) }
        table.releaseSlots()
        for key in Self.keys.suffix(30) { key.withUnsafeBufferPointer { table.appendKey($0) } }
        #expect(table.count == 50)
        // A key of the table's own and an appended one, short and long, read back by index.
        #expect(table.withKey(19) { Array($0) } == Self.keys[19])
        #expect(table.withKey(49) { Array($0) } == Self.keys.last)
        let expected = (Self.keys.prefix(20) + Self.keys.suffix(30)).map { String(decoding: $0, as: UTF8.self) }
        #expect(Array(table.takeKeys()) == expected)
    }
}
