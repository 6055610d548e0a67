/// A list of strings kept as their UTF-8 bytes back to back, each made a `String` only when read.
///
/// The customer ids of an event log (`EventLog.customers`) are kept this way: the reader's
/// customer table already holds them so, and hands them over without a copy. A `String` each
/// took 16 bytes a customer, plus a heap block for an id of more than 15 bytes (64 to 96
/// bytes for a 36-byte UUID), and 0.1 s on one thread to make for the 3.9 M customers of the
/// shared benchmark's 10 M events; here an id takes its bytes and an 8-byte end.
///
/// Elements are read as `String(decoding:as: UTF8.self)`: bytes that are not UTF-8 read as
/// U+FFFD. Two lists are equal when they hold the same bytes, element by element.
public struct PackedStrings: RandomAccessCollection, Equatable, Hashable, Sendable, ExpressibleByArrayLiteral {
    /// Every element's bytes, back to back.
    private(set) var bytes: [UInt8] = []
    /// Where each element's bytes end in `bytes`; element i starts where element i - 1 ends.
    private(set) var ends: [Int] = []

    public init() {}

    /// The strings of `strings`, in order.
    public init(_ strings: some Sequence<String>) {
        for string in strings {
            var string = string
            string.withUTF8 { append($0) }
        }
    }

    public init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(index: Int) -> String {
        withBytes(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of element `index`.
    public func withBytes<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
        -> Result
    {
        let start = index == 0 ? 0 : ends[index - 1]
        let end = ends[index]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Appends an element of the bytes `element`.
    mutating func append(_ element: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: element)
        ends.append(bytes.count)
    }

    /// Appends the elements of `other`.
    mutating func append(contentsOf other: PackedStrings) {
        let shift = bytes.count
        bytes.append(contentsOf: other.bytes)
        ends.reserveCapacity(ends.count + other.ends.count)
        for end in other.ends { ends.append(end + shift) }
    }

    /// Makes room for `count` elements of `byteCount` bytes in all without growing.
    mutating func reserveCapacity(_ count: Int, bytes byteCount: Int) {
        bytes.reserveCapacity(byteCount)
        ends.reserveCapacity(count)
        HugePages.advise(&bytes)
        HugePages.advise(&ends)
    }
}
