import ArgumentParser
import JourneyAnalysis
import JourneyLanguage

/// The journey file that an analysing command reads, and how it reads it.
///
/// With `--events`, the stages' reach comes from an event log instead of the file.
struct AnalysisInput: ParsableArguments {
    @Argument(help: "The journey file; '-' reads standard input.", completion: .file(extensions: ["journey"]))
    var file: String

    @Option(
        help: "When to colour diagnostics: auto, always or never. auto colours only a terminal and honours NO_COLOR.")
    var color: ColorChoice = .auto

    @OptionGroup(title: "Event log") var eventOptions: EventOptions

    /// Prints diagnostics of this command on standard error.
    var printer: DiagnosticPrinter {
        DiagnosticPrinter(format: .text, usesColor: color.enabled(forDescriptor: 2))
    }

    /// The checked journey as the file says it, its source, and the file's text; or diagnostics
    /// on standard error and exit status 1 when the file has errors (warnings are printed and
    /// the command goes on).
    func loadChecked() throws -> (journey: Journey, source: SourceFile, text: String) {
        try Self.loadChecked(file, printer: printer)
    }

    /// The checked journey in `file` ('-' is standard input), its source and text; or
    /// diagnostics on standard error and exit status 1 when the file has errors.
    static func loadChecked(
        _ file: String, printer: DiagnosticPrinter
    ) throws -> (journey: Journey, source: SourceFile, text: String) {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(file, limit: .journey)
        } catch {
            printer.printError(error)
            throw ExitCode.failure
        }
        let source = SourceFile(name: file == "-" ? "<stdin>" : file, bytes: bytes)
        let checked = JourneyChecker.check(source)
        printer.print(checked.diagnostics, in: source)
        try stopOnErrors(checked.diagnostics, in: source, printer: printer)
        return (checked.journey, source, String(decoding: bytes, as: UTF8.self))
    }

    /// The checked journey, its reach measured from `--events` when given; or diagnostics on
    /// standard error and exit status 1.
    ///
    /// `requirements` adds what this command needs of the journey (a reach on every stage,
    /// say), checked after the event log has given its reach: its errors stop the command too.
    func loadJourney(requirements: (Journey) -> [Diagnostic] = { _ in [] }) throws -> Journey {
        try Self.loadJourney(file, eventOptions: eventOptions, printer: printer, requirements: requirements)
    }

    /// The checked journey in `file` ('-' is standard input) with the reach of `eventOptions`.
    ///
    /// Its reach comes from the event log `eventOptions` names, if any, and it must meet
    /// `requirements`; otherwise diagnostics go to standard error, with exit status 1. For
    /// `journey render`, whose ladder chart does without a journey file.
    static func loadJourney(
        _ file: String, eventOptions: EventOptions, printer: DiagnosticPrinter,
        requirements: (Journey) -> [Diagnostic] = { _ in [] }
    ) throws -> Journey {
        try loadJourneyAndSource(file, eventOptions: eventOptions, printer: printer, requirements: requirements)
            .journey
    }

    /// `loadJourney`, with where its reach comes from: the file, or the event log.
    static func loadJourneyAndSource(
        _ file: String, eventOptions: EventOptions, printer: DiagnosticPrinter,
        requirements: (Journey) -> [Diagnostic] = { _ in [] }
    ) throws -> (journey: Journey, reachSource: ReachSource) {
        var (journey, source, _) = try loadChecked(file, printer: printer)
        var reachSource = ReachSource.planned
        if let events = eventOptions.events {
            let (log, result) = try eventOptions.measure(journey, source: source, path: events, printer: printer)
            journey = result.applyingReach(to: journey)
            reachSource = .measured(EventOptions.provenance(of: events, log: log, result: result))
        }
        let needed = requirements(journey)
        printer.print(needed, in: source)
        try Self.stopOnErrors(needed, in: source, printer: printer)
        return (journey, reachSource)
    }

    /// The journey and its metrics, which need a reach on every stage (from the file or `--events`).
    func load() throws -> (journey: Journey, metrics: FunnelMetrics) {
        let loaded = try loadWithSource()
        return (loaded.journey, loaded.metrics)
    }

    /// `load()`, with where the reach comes from, for what names it: charts and the report.
    func loadWithSource() throws -> (journey: Journey, metrics: FunnelMetrics, reachSource: ReachSource) {
        let (journey, reachSource) = try Self.loadJourneyAndSource(
            file, eventOptions: eventOptions, printer: printer, requirements: FunnelMetrics.requirements(for:))
        guard let metrics = FunnelMetrics(journey: journey) else { throw ExitCode.failure }
        return (journey, metrics, reachSource)
    }

    /// Ends with the summary and exit status 1 when one of `diagnostics` (already printed) is an error.
    private static func stopOnErrors(
        _ diagnostics: [Diagnostic], in source: SourceFile, printer: DiagnosticPrinter
    ) throws {
        guard diagnostics.containsErrors else {
            return
        }
        printer.finish(DiagnosticReport(diagnostics: diagnostics.map { .init(file: source.name, diagnostic: $0) }))
        throw ExitCode.failure
    }
}
