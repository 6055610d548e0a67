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
///
/// Every look-up also counts the rows of its name (`nameCounts()`): the journey's names, and the
/// other names as they come, up to `EventNameCounts.otherNameLimit`, interned in the same table
/// so that a row costs one look-up still.
struct EventStageMap: ~Copyable {
    private var names: ByteKeyTable
    /// The stage of each name of `names`, -1 for a name no stage listens for.
    private var stageOfName: [Int32]
    /// The rows of each name of `names`.
    private var rowsOfName: [Int]
    /// How many names of `names` are the journey's (they come first).
    private let journeyNameCount: Int
    /// The stage of the empty name, or -1.
    private let stageOfEmptyName: Int32
    /// Rows with an empty name.
    private var rowsOfEmptyName = 0
    /// Rows of a name not interned, past the limit of other names.
    private var uncountedRows = 0

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
        self.rowsOfName = Array(repeating: 0, count: stages.count)
        self.journeyNameCount = stages.count
        self.stageOfEmptyName = stageOfEvent[""] ?? -1
    }

    /// The stage the `length` bytes at `start` name, or -1 when they name none; counts the row.
    @inline(__always)
    mutating func stage(_ start: UnsafePointer<UInt8>, length: Int) -> Int32 {
        if length == 0 {
            rowsOfEmptyName += 1
            return stageOfEmptyName
        }
        var index = Int(names.find(start, length: length))
        if index < 0 {
            guard names.count < journeyNameCount + EventNameCounts.otherNameLimit else {
                uncountedRows += 1
                return -1
            }
            index = Int(names.intern(start, length: length))
            stageOfName.append(-1)
            rowsOfName.append(0)
        }
        rowsOfName[index] += 1
        return stageOfName[index]
    }

    /// The rows of each name looked up so far; the journey's names are there with 0 rows too.
    func nameCounts() -> EventNameCounts {
        var rows: [String: Int] = [:]
        for index in 0..<names.count {
            let name = names.withKey(index) { String(decoding: $0, as: UTF8.self) }
            rows[name, default: 0] += rowsOfName[index]
        }
        if rowsOfEmptyName > 0 || stageOfEmptyName >= 0 { rows["", default: 0] += rowsOfEmptyName }
        return EventNameCounts(rows: rows, uncountedRows: uncountedRows)
    }
}
