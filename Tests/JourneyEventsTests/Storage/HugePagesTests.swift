import Foundation
import Testing

@testable import JourneyEvents

@Suite struct HugePagesTests {
    /// The `VmFlags` of the mapping of this process that holds `address`, from /proc/self/smaps.
    private func flags(at address: UInt) throws -> [Substring]? {
        // Read to the end: a file of /proc reports a size of 0.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps"))
        defer { try? handle.close() }
        let smaps = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        var inside = false
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let range = fields.first, range.contains("-"), !range.hasSuffix(":") {
                let bounds = range.split(separator: "-").compactMap { UInt($0, radix: 16) }
                inside = bounds.count == 2 && bounds[0] <= address && address < bounds[1]
            } else if inside, fields.first == "VmFlags:" {
                return Array(fields.dropFirst())
            }
        }
        return nil
    }

    @Test func anArrayOfSeveralHugePagesIsAdvisedAndKeepsItsElements() throws {
        var array = (0..<3_000_000).map { Int64($0) }
        HugePages.advise(&array)
        #expect(array.count == 3_000_000 && array[2_999_999] == 2_999_999)
        let mode = (try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? ""
        guard mode.contains("[madvise]") || mode.contains("[always]") else {
            print("HugePagesTests: transparent huge pages are off here; only the elements are checked")
            return
        }
        // The first whole huge page inside the array.
        let start = array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress!) }
        let inside = (start + UInt(HugePages.size) - 1) & ~UInt(HugePages.size - 1)
        let vmFlags = try #require(try flags(at: inside))
        #expect(vmFlags.contains("hg"), "VmFlags: \(vmFlags.joined(separator: " "))")
    }

    @Test func smallEmptyAndOddlyPlacedMemoryIsLeftAlone() {
        var empty: [UInt8] = []
        HugePages.advise(&empty)
        var small = [UInt8](repeating: 1, count: 100)
        HugePages.advise(&small)
        #expect(empty.isEmpty && small.allSatisfy { $0 == 1 })
        let raw = UnsafeMutableRawPointer.allocate(byteCount: 5 << 20, alignment: 64)
        defer { raw.deallocate() }
        // Less than two huge pages from an odd address, then exactly past one boundary.
        HugePages.advise(raw + 1, byteCount: (4 << 20) - 1)
        HugePages.advise(raw + 3, byteCount: (5 << 20) - 3)
        raw.storeBytes(of: 7, toByteOffset: (5 << 20) - 1, as: UInt8.self)
        #expect(raw.load(fromByteOffset: (5 << 20) - 1, as: UInt8.self) == 7)
    }
}
