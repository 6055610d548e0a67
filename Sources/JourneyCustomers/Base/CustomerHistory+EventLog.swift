public import JourneyEvents
public import JourneyLanguage

extension CustomerHistory {
    /// Every customer's purchase days, from a purchase log read with no event column (each row
    /// one purchase), in the log's order of first appearance.
    ///
    /// Throws when events spilled to a temporary file cannot be read back.
    public static func histories(from log: EventLog) throws(FileError) -> [CustomerHistory] {
        var days = [[Int]](repeating: [], count: log.customers.count)
        func add(_ events: some Sequence<FunnelEvent>) {
            for event in events { days[Int(event.customer)].append(day(ofMilliseconds: event.time)) }
        }
        if let spilled = log.spilledEvents {
            for partition in 0..<SpilledEvents.partitionCount {
                add(try spilled.events(inPartition: partition))
            }
        } else {
            for run in log.eventRuns { add(run) }
        }
        return zip(log.customers, days).map { CustomerHistory(id: $0, purchaseDays: $1) }
    }

    /// The UTC day of an instant in milliseconds since the epoch, in days since 1970-01-01
    /// (rounded down, so that instants before 1970 fall on the right day too).
    public static func day(ofMilliseconds milliseconds: Int64) -> Int {
        let (days, rest) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        return Int(rest < 0 ? days - 1 : days)
    }
}
