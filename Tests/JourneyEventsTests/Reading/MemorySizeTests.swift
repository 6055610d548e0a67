import Testing

@testable import JourneyEvents

@Suite struct MemorySizeTests {
    @Test(arguments: [
        ("64M", 64 << 20), ("1G", 1 << 30), ("512K", 512 << 10), ("64MiB", 64 << 20),
        ("2gib", 2 << 30), (" 8m ", 8 << 20), ("1K", 1 << 10), ("1024G", 1 << 40),
    ])
    func readsAWholeNumberAndAUnit(text: String, bytes: Int) throws {
        #expect(try MemorySize(parsing: text).bytes == bytes)
    }

    @Test(arguments: [
        ("", "it does not start with a whole number"), ("M", "it does not start with a whole number"),
        ("64", "it has no unit"), ("1.5G", "'.5g' is not a unit"), ("64MB", "'mb' is not a unit"),
        ("-1M", "it does not start with a whole number"), ("0K", "it is less than 1K"),
        ("1025G", "it is more than 1024G"), ("99999999999999999999999K", "it is more than 1024G"),
    ])
    func rejectsWhatIsNotAnAmount(text: String, reason: String) {
        #expect(throws: MemorySizeError(text: text, reason: reason)) {
            try MemorySize(parsing: text)
        }
    }

    @Test func theMessageSaysWhatToWrite() {
        let error = MemorySizeError(text: "64", reason: "it has no unit")
        #expect(
            error.description == "'64' is not an amount of memory: it has no unit; write a whole number "
                + "followed by K, M or G (powers of 1024), such as 64M or 1G")
    }

    @Test func describesItselfInTheLargestExactUnit() throws {
        #expect(try MemorySize(parsing: "2048K").description == "2M")
        #expect(try MemorySize(parsing: "1536M").description == "1536M")
        #expect(try MemorySize(parsing: "3G").description == "3G")
    }
}
