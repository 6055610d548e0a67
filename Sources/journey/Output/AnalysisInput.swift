import ArgumentParser
import JourneyKit

/// The journey file that an analysing command (`metrics`, `weakest`) reads, and how it reads it.
struct AnalysisInput: ParsableArguments {
    @Argument(help: "The journey file; '-' reads standard input.")
    var file: String

    @Option(help: "When to colour diagnostics: auto, always or never. auto colours only a terminal and honours NO_COLOR.")
    var color: ColorChoice = .auto

    /// The journey and its metrics, or diagnostics on standard error and exit status 1.
    ///
    /// Errors in the file stop the command as `journey check` would; warnings are printed
    /// and the command goes on; a stage without reach stops it with an error naming the stage.
    func load() throws -> (journey: Journey, metrics: FunnelMetrics) {
        let printer = DiagnosticPrinter(format: .text, usesColor: color.enabled(forDescriptor: 2))
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(file)
        } catch {
            printer.printError(error.description)
            throw ExitCode.failure
        }
        let source = SourceFile(name: file == "-" ? "<stdin>" : file, bytes: bytes)
        let checked = JourneyChecker.check(source)
        printer.print(checked.diagnostics, in: source)
        let requirements = checked.hasErrors ? [] : FunnelMetrics.requirements(for: checked.journey)
        printer.print(requirements, in: source)
        let all = checked.diagnostics + requirements
        guard !all.containsErrors, let metrics = FunnelMetrics(journey: checked.journey) else {
            printer.finish(DiagnosticReport(diagnostics: all.map { .init(file: source.name, diagnostic: $0) }))
            throw ExitCode.failure
        }
        return (checked.journey, metrics)
    }
}
