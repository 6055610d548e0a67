import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyEvents

/// The engine's levels against ClickHouse's own `windowFunnel`, run by chDB (ClickHouse in a Python module).
///
/// Skipped unless `JOURNEY_CHDB_PYTHON` names a Python with chDB installed, for example the one
/// `python3 bench/funnel_benchmark.py` sets up in bench/.venv:
/// `JOURNEY_CHDB_PYTHON=bench/.venv/bin/python swift test --filter FunnelClickHouseTests`.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["JOURNEY_CHDB_PYTHON"] != nil,
        "set JOURNEY_CHDB_PYTHON to a Python with chdb to compare with ClickHouse"))
struct FunnelClickHouseTests {
    /// Prints `customer,level` for every customer with an event, from `windowFunnel` on the CSV
    /// `customer,milliseconds,stage` (argv: file, window in ms, stages, extra windowFunnel mode or '').
    static let script = """
        import sys, chdb
        path, window, stages, mode = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
        conditions = ", ".join(f"s = {k}" for k in range(stages))
        parameters = f"{window}" + (f", '{mode}'" if mode else "")
        query = (f"SELECT c, windowFunnel({parameters})(t, {conditions}) FROM "
                 f"file('{path}', CSV, 'c UInt32, t UInt64, s UInt8') GROUP BY c ORDER BY c")
        sys.stdout.write(chdb.query(query, 'CSV').bytes().decode())
        """

    static func clickHouseLevels(_ log: EventLog, stageCount: Int, window: ConversionWindow, strict: Bool) throws
        -> [UInt8]
    {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "journey-funnel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("events.csv")
        var text = ""
        text.reserveCapacity(log.events.count * 24)
        for event in log.events {
            text += "\(event.customer),\(event.time),\(event.stage)\n"
        }
        try text.write(to: csv, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["JOURNEY_CHDB_PYTHON"]!)
        process.arguments = [
            "-c", script, csv.path, String(window.milliseconds), String(stageCount), strict ? "strict_order" : "",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        var levels = [UInt8](repeating: 0, count: log.customers.count)
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: ",")
            levels[Int(fields[0])!] = UInt8(fields[1])!
        }
        return levels
    }

    static func compare(_ log: EventLog, stageCount: Int, window: ConversionWindow) throws {
        for mode in [FunnelMode.ordered, .strict] {
            let engine = try FunnelEngine.compute(log: log, stageCount: stageCount, window: window, mode: mode)
            let clickHouse = try clickHouseLevels(log, stageCount: stageCount, window: window, strict: mode == .strict)
            let differing = log.customers.indices.filter { engine.customerLevels[$0] != clickHouse[$0] }
            #expect(
                differing.isEmpty,
                "\(mode), window \(window): \(differing.count) customers differ, first \(differing.prefix(5))")
            var perLevel = [Int](repeating: 0, count: stageCount + 1)
            for level in clickHouse { perLevel[Int(level)] += 1 }
            #expect(engine.customersPerLevel == perLevel, "\(mode), window \(window)")
        }
    }

    @Test func generatedLogsAgreeWithWindowFunnel() throws {
        var generator = SplitMix64(seed: 20_260_301)
        let log = FunnelBenchmarkLog.make(events: 300_000, stageCount: 5, generator: &generator)
        for window in ["14d", "3d", "36h", "1h"] {
            try Self.compare(log, stageCount: 5, window: ConversionWindow(parsing: window))
        }
    }

    @Test func tieHeavyLogsAgreeWithWindowFunnel() throws {
        // Few distinct seconds, so that ties and exact window edges are everywhere.
        var generator = SplitMix64(seed: 99)
        var lines: [(String, Int64, Int)] = []
        for customer in 0..<20_000 {
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                lines.append(
                    (
                        "c\(customer)", 1_767_225_600_000 + Int64.random(in: 0...20, using: &generator) * 1000,
                        Int.random(in: 0..<4, using: &generator)
                    ))
            }
        }
        let log = FunnelTestLog.make(milliseconds: lines)
        for seconds in [1, 3, 7] {
            try Self.compare(log, stageCount: 4, window: ConversionWindow.seconds(Int64(seconds))!)
        }
    }
}
