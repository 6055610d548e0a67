/// The bytes of an input read so far, told to a caller's progress callback: never more than
/// the input's size, never decreasing, and only when they grow.
struct ReadProgress {
    /// The input's size in bytes; nil for a pipe.
    let total: Int64?
    private let callback: ((Int64, Int64?) -> Void)?
    private var reported: Int64 = 0
    /// The bytes read by the caller's thread.
    var ownBytes: Int64 = 0

    init(total: Int64?, callback: ((Int64, Int64?) -> Void)?) {
        self.total = total
        self.callback = callback
    }

    /// Tells the callback that `bytes` bytes are read, unless that is no more than already told.
    mutating func report(_ bytes: Int64) {
        guard let callback else { return }
        let clamped = total.map { min($0, bytes) } ?? bytes
        if clamped > reported {
            reported = clamped
            callback(clamped, total)
        }
    }

    /// Counts a chunk of `count` bytes read by the caller's thread and reports the bytes read
    /// by it and by `otherThread` (in bytes).
    mutating func addOwn(_ count: Int, otherThread: Int64 = 0) {
        ownBytes += Int64(count)
        report(ownBytes + otherThread)
    }
}
