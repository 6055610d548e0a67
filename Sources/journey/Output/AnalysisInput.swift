import ArgumentParser
import JourneyKit

/// The journey file that an analysing command (`metrics`, `weakest`, `render`) reads, and how it reads it.
struct AnalysisInput: ParsableArguments {
    @Argument(help: "The journey file; '-' reads standard input.")
    var file: String

    @Option(help: "When to colour diagnostics: auto, always or never. auto colours only a terminal and honours NO_COLOR.")
    var color: ColorChoice = .auto

    /// Prints diagnostics of this command on standard error.
    var printer: DiagnosticPrinter {
        DiagnosticPrinter(format: .text, usesColor: color.enabled(forDescriptor: 2))
    }

    /// The checked journey, or diagnostics on standard error and exit status 1.
    ///
    /// Errors in the file stop the command as `journey check` would; warnings are printed
    /// and the command goes on. `requirements` adds what this command needs of the journey
    /// (a reach on every stage, say): its diagnostics stop the command too.
    func loadJourney(requirements: (Journey) -> [Diagnostic] = { _ in [] }) throws -> Journey {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(file)
        } catch {
            printer.printError(error.description)
            throw ExitCode.failure
        }
        let source = SourceFile(name: file == "-" ? "<stdin>" : file, bytes: bytes)
        let checked = JourneyChecker.check(source)
        let needed = checked.hasErrors ? [] : requirements(checked.journey)
        let all = checked.diagnostics + needed
        printer.print(all, in: source)
        if all.containsErrors {
            printer.finish(DiagnosticReport(diagnostics: all.map { .init(file: source.name, diagnostic: $0) }))
            throw ExitCode.failure
        }
        return checked.journey
    }

    /// The journey and its metrics, which need a reach on every stage.
    func load() throws -> (journey: Journey, metrics: FunnelMetrics) {
        let journey = try loadJourney(requirements: FunnelMetrics.requirements(for:))
        guard let metrics = FunnelMetrics(journey: journey) else { throw ExitCode.failure }
        return (journey, metrics)
    }
}
