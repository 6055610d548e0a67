import JourneyLanguage

/// Why `FunnelEngine.compute` could not compute a funnel; only a log whose events are kept in
/// temporary files (`SpilledEvents`) can fail.
public enum FunnelError: Error, Hashable, Sendable {
    /// The events' temporary file could not be written or read back.
    case spill(FileError)
    /// One customer has more funnel events than `memoryLimit` bytes hold, at
    /// `FunnelEngine.bytesPerEventReadBack` bytes an event: a customer's events are scanned
    /// together, so they cannot be read back a part at a time.
    ///
    /// `customer` is the customer's id as the log wrote it.
    case customerOutgrowsMemory(customer: String, events: Int, memoryLimit: Int)
}
