import Testing

@testable import JourneyEvents

/// Strings kept as bytes back to back: read back as they went in, whatever they hold.
@Suite struct PackedStringsTests {
    @Test func stringsReadBackInOrder() {
        let strings = ["ana", "", "Zoë", "a longer id than sixteen bytes", "🙂", "two\nlines"]
        let packed = PackedStrings(strings)
        #expect(packed.count == strings.count)
        #expect(Array(packed) == strings)
        #expect(packed[2] == "Zoë")
        #expect(packed.withBytes(at: 2) { Array($0) } == Array("Zoë".utf8))
        #expect(packed.withBytes(at: 1) { $0.count } == 0)
    }

    @Test func anArrayLiteralIsTheSameAsTheStrings() {
        let literal: PackedStrings = ["a", "bc"]
        #expect(literal == PackedStrings(["a", "bc"]))
        #expect(literal != PackedStrings(["ab", "c"]), "the same bytes cut in other places")
        #expect(literal != PackedStrings(["a"]))
    }

    @Test func bytesThatAreNotUTF8ReadAsTheReplacementCharacter() {
        var packed = PackedStrings()
        let bytes: [UInt8] = [0x61, 0xFF, 0x62]
        bytes.withUnsafeBufferPointer { packed.append($0) }
        #expect(packed[0] == "a\u{FFFD}b")
        #expect(packed.withBytes(at: 0) { Array($0) } == bytes)
    }

    @Test func appendingAnotherListShiftsItsElements() {
        var packed: PackedStrings = ["one", "two"]
        packed.append(contentsOf: ["three", "", "four"])
        #expect(Array(packed) == ["one", "two", "three", "", "four"])
        #expect(packed == ["one", "two", "three", "", "four"])
    }
}
