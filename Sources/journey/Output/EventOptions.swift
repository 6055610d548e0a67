import ArgumentParser
import JourneyAnalysis
import JourneyCustomers
import JourneyEvents
import JourneyLanguage

/// How to read an event log and turn it into a funnel: `--events` and its companions.
struct EventOptions: ParsableArguments {
    @Option(
        help: "An event log (CSV) to measure each stage's reach from; '-' reads standard input.",
        completion: .file(extensions: ["csv"]))
    var events: String?

    @Option(help: "The conversion window, counted from the first stage: 14d, 36h or 30m.")
    var window: String = "14d"

    @Option(help: "How stages must follow each other: ordered, strict or any.")
    var mode: FunnelMode = .ordered

    @Option(help: "The column holding customer ids.")
    var customerColumn: String = "customer_id"

    @Option(
        help: "The column holding timestamps (ISO 8601 dates or dates and times, or epoch seconds or milliseconds).")
    var timeColumn: String = "timestamp"

    @Option(help: "The column holding event names.")
    var eventColumn: String = "event"

    @Flag(help: "Skip and count malformed rows instead of stopping at them.")
    var skipBadRows = false

    @Flag(
        help: ArgumentHelp(
            "Fail (exit status 1) when the event log gives a warning, such as a journey event that never "
                + "occurs in it."))
    var strict = false

    @Option(
        help: ArgumentHelp(
            "Memory for funnel events while reading (4M or more, or auto: a quarter of the memory "
                + "the process may use); past it they go to a temporary file in TMPDIR.", valueName: "size"))
    var eventMemory: String = "auto"

    /// The funnel `journey` has in the event log, or diagnostics on standard error and exit status 1.
    ///
    /// - Parameter source: the journey file, for diagnostics about its stages and events.
    func measure(_ journey: Journey, source: SourceFile, path: String, printer: DiagnosticPrinter) throws
        -> (log: EventLog, result: FunnelResult)
    {
        let conversionWindow = try value(
            of: "--window", window, help: "write a window such as 14d, 36h or 30m",
            printer: printer
        ) { (text) throws(ConversionWindowError) in
            try ConversionWindow(parsing: text)
        }
        let memory = try value(
            of: "--event-memory", eventMemory, help: "write a size such as 64M or 1G, or auto",
            printer: printer
        ) { (text) throws(MemorySizeError) in
            text == "auto" ? MemorySize.automaticEventMemory : try MemorySize(parsing: text)
        }
        guard memory.bytes >= EventLogReader.smallestUsefulEventMemoryLimit else {
            printer.printError(
                "--event-memory \(eventMemory): at least 4M: smaller batches of events cost more memory "
                    + "to keep track of than they save", help: "write 4M or more, such as 64M")
            throw ExitCode.failure
        }
        let mapping = EventMapping.stageOfEvent(in: journey)
        if mapping.diagnostics.containsErrors {
            printer.print(mapping.diagnostics, in: source)
            printer.finish(
                DiagnosticReport(diagnostics: mapping.diagnostics.map { .init(file: source.name, diagnostic: $0) }))
            throw ExitCode.failure
        }
        var reader = EventLogReader(
            stageOfEvent: mapping.map, customerColumn: customerColumn, timeColumn: timeColumn,
            eventColumn: eventColumn, skipBadRows: skipBadRows)
        reader.eventMemoryLimit = memory.bytes
        let log = try reader.readShowingProgress(path: path, label: "events", printer: printer)
        let shownName = path == "-" ? "<stdin>" : path
        let result: FunnelResult
        var warnings = EventMapping.unseenEvents(in: journey, counts: log.eventNames, log: shownName)
        do {
            result = try FunnelEngine.compute(
                log: log, stageCount: EventMapping.measuredStageCount(in: journey),
                window: conversionWindow, mode: mode)
            if let advice = try WindowAdvice.check(result, log: log, journey: journey) {
                warnings.append(EventMapping.windowWarning(advice, in: journey))
            }
        } catch {
            let diagnostic = Diagnostic.funnelFailed(error)
            printer.print([diagnostic], fileName: shownName) { _ in nil }
            printer.finish(DiagnosticReport(diagnostics: [.init(file: shownName, diagnostic: diagnostic)]))
            throw ExitCode.failure
        }
        printer.print(warnings, in: source)
        if strict, !warnings.isEmpty {
            printer.printError(
                "--strict: the event log gave \(warnings.count) warning\(warnings.count == 1 ? "" : "s")",
                help: "fix what they say, or leave out --strict to go on with them")
            printer.finish(DiagnosticReport(diagnostics: warnings.map { .init(file: source.name, diagnostic: $0) }))
            throw ExitCode.failure
        }
        return (log, result)
    }

    /// What charts and the report say of the log at `path` that `result` was measured from.
    static func provenance(of path: String, log: EventLog, result: FunnelResult) -> ReachSource.Log {
        let day = { (time: Int64) -> String in
            // Milliseconds to whole days, rounding down before 1970 too.
            let dayNumber = time >= 0 ? time / 86_400_000 : (time + 1) / 86_400_000 - 1
            return UTCDay.text(ofDay: Int(dayNumber))
        }
        let name = path == "-" ? "standard input" : (path.split(separator: "/").last.map(String.init) ?? path)
        return ReachSource.Log(
            name: name, window: result.window.description, mode: result.mode.rawValue,
            firstDay: result.firstEventTime.map(day), lastDay: result.lastEventTime.map(day),
            customers: log.customers.count)
    }

    /// `read(text)`, or, when it fails, its error printed as `option text: message` with `help`,
    /// and exit status 1.
    private func value<Value, Failure: Error & CustomStringConvertible>(
        of option: String, _ text: String, help: String, printer: DiagnosticPrinter,
        _ read: (String) throws(Failure) -> Value
    ) throws -> Value {
        do throws(Failure) {
            return try read(text)
        } catch {
            printer.printError("\(option) \(text): \(error.description)", help: help)
            throw ExitCode.failure
        }
    }
}

extension FunnelMode: ExpressibleByArgument {}

extension EventLogReader {
    /// The log at `path` (`-` is standard input), read with a progress bar on a terminal; its
    /// diagnostics printed, and on an error the summary or JSON document and exit status 1.
    ///
    /// - Parameter label: the bar's name for standard input, such as "events".
    func readShowingProgress(path: String, label: String, printer: DiagnosticPrinter) throws -> EventLog {
        let progress = ProgressBar(label: path == "-" ? label : path)
        let outcome = readWithSourceLines(path: path, progress: progress.map { bar in { bar.update($0, of: $1) } })
        progress?.finish()
        let shownName = path == "-" ? "<stdin>" : path
        printer.print(outcome.diagnostics, fileName: shownName) { outcome.sourceLines[$0].map { Substring($0) } }
        if outcome.diagnostics.containsErrors {
            printer.finish(
                DiagnosticReport(diagnostics: outcome.diagnostics.map { .init(file: shownName, diagnostic: $0) }))
            throw ExitCode.failure
        }
        return outcome.log
    }
}
