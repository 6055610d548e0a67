/// Maps the bytes of an event name to the funnel stage it marks, or -1, without a `String`.
///
/// The stages' event names are interned in a `ByteKeyTable`; a row's name is looked up by its
/// bytes, compared exactly (case and spaces included). A direct-mapped memo of recent names in
/// front of the table, which spared hashing, read the benchmark's 10 M rows only 1–5% faster,
/// within the machine's noise, and was not kept.
///
/// The empty name is answered without the table: a log with no event column, such as a purchase
/// log, maps it to stage 0 for every row. Reading and classifying the customers benchmark's 1 M
/// purchases took 1,349,716,723 instructions with the look-up and 1,275,734,317 with the test
/// (callgrind), which costs the funnel benchmark's 1 M rows, whose names are never empty,
/// 3 instructions each: 1,239,932,469 before, 1,243,015,850 after.
struct EventStageMap: ~Copyable {
    private var names: ByteKeyTable
    private let stageOfName: [Int32]
    /// The stage of the empty name, or -1.
    private let stageOfEmptyName: Int32

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
        self.stageOfEmptyName = stageOfEvent[""] ?? -1
    }

    /// The stage the `length` bytes at `start` name, or -1 when they name none.
    @inline(__always)
    func stage(_ start: UnsafePointer<UInt8>, length: Int) -> Int32 {
        if length == 0 { return stageOfEmptyName }
        let index = names.find(start, length: length)
        return index < 0 ? -1 : stageOfName[Int(index)]
    }
}
