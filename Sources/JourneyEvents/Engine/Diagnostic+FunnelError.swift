import JourneyLanguage

// Why a funnel could not be computed from an event log that was read, placed at 1:1 of the log.

extension Diagnostic {
    /// `error` as a diagnostic about the event log: `cannot-spill-events` for its temporary
    /// file, `customer-outgrows-event-memory` for a customer with too many events.
    public static func funnelFailed(_ error: FunnelError) -> Diagnostic {
        switch error {
        case .spill(let error):
            return .cannotSpill(error)
        case .customerOutgrowsMemory(let customer, let events, let memoryLimit):
            let shown =
                customer.unicodeScalars.count > 100
                ? String(String.UnicodeScalarView(customer.unicodeScalars.prefix(100))) + "…" : customer
            let needed = events * FunnelEngine.bytesPerEventReadBack
            let neededMiB = (needed + (1 << 20) - 1) >> 20
            let limit = memoryLimit >= MemorySize.minimum ? "\(MemorySize(bytes: memoryLimit))" : "\(memoryLimit)B"
            return .error(
                "customer-outgrows-event-memory",
                "customer '\(shown)' has \(NumberFormatting.grouped(events)) funnel events: the funnel scans "
                    + "a customer's events together, which takes \(NumberFormatting.grouped(neededMiB)) MiB "
                    + "for these (\(FunnelEngine.bytesPerEventReadBack) bytes an event), more than "
                    + "--event-memory \(limit)",
                at: SourceRange(line: 1, column: 1),
                help: "raise --event-memory to \(neededMiB)M or more; or, if this customer is not a person "
                    + "(a bot, a load test, a shared test account), leave their rows out of the log")
        }
    }
}
