/// Memory that concurrent workers share: each writes only elements no other worker touches, or all only read.
///
/// The engine allocates it, hands it to the workers of one `ParallelWork.run`,
/// and reads it once they have all returned.
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        self.base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
        self.count = buffer.count
    }

    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    /// Elements `range`, for one worker to sort and scan.
    func slice(_ range: Range<Int>) -> UnsafeMutableBufferPointer<Element> {
        UnsafeMutableBufferPointer(start: base + range.lowerBound, count: range.count)
    }
}
