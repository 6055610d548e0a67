import JourneyEvents

/// The `events` target's input: the reader's and the engine's settings, a journey and a log.
///
/// The first byte holds the settings, a bit or two each, so that the fuzzer reaches every path
/// of the reader with small inputs: small chunks (rows cut by a chunk's end), two threads on a
/// few bytes, events spilled to a temporary file after a few, each mode and a short window.
/// The journey follows, up to a line `---`; the log is the rest.
struct EventsInput {
    var mode: FunnelMode
    var skipsBadRows: Bool
    /// 1 or 2.
    var threads: Int
    /// In bytes: 1 MiB, as `journey` reads, or 16.
    var chunkSize: Int
    /// In bytes: 8 MiB, as `journey` reads, or 0, so that any log is cut in two.
    var parallelThreshold: Int64
    /// In bytes: nil keeps every event in memory; 128 spills after every 2 or 4 events, reads
    /// them back 2 or 4 at a time, and refuses a customer with more than 4.
    var eventMemoryLimit: Int?
    var window: ConversionWindow
    var journey: ArraySlice<UInt8>
    var log: ArraySlice<UInt8>

    /// The parts of `bytes`, or nil when it has no settings byte or no line `---`.
    init?(_ bytes: [UInt8]) {
        guard let settings = bytes.first else { return nil }
        let rest = bytes.dropFirst()
        let separator = Array("\n---\n".utf8)
        guard let cut = rest.indices.first(where: { rest[$0...].starts(with: separator) }) else { return nil }
        journey = rest[..<(cut + 1)]
        log = rest[(cut + separator.count)...]
        mode = FunnelMode.allCases[Int(settings & 0b11) % FunnelMode.allCases.count]
        skipsBadRows = settings & 0b100 != 0
        threads = settings & 0b1000 != 0 ? 2 : 1
        chunkSize = settings & 0b1_0000 != 0 ? 16 : 1 << 20
        parallelThreshold = settings & 0b10_0000 != 0 ? 0 : 8 << 20
        eventMemoryLimit = settings & 0b100_0000 != 0 ? 128 : nil
        window = settings & 0b1000_0000 != 0 ? (ConversionWindow.hours(1) ?? .default) : .default
    }
}
