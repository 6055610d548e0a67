import ArgumentParser
import JourneyAnalysis
import JourneyLanguage

extension JourneyCommand {
    /// `journey funnel`: the funnel's real reach, conversion and time to convert, from an event log.
    struct Funnel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the funnel from an event log: reach, conversion, drop-off, time to convert.",
            discussion: """
                Each stage's event lines name the events that mark reaching it. Events are grouped \
                by customer and ordered by time; a customer reaches stage k when stages 1 to k \
                happen in order within the window counted from stage 1, as ClickHouse's \
                windowFunnel counts (docs/funnels.md). The verdict is computed with these numbers.

                --apply writes the measured reach into the journey file, changing only its reach \
                lines. metrics, weakest, render and report accept --events too.
                """
                    + HelpText.examples(
                        "journey funnel shop.journey --events events.csv",
                        "journey funnel shop.journey --events events.csv --window 36h --mode strict --format json",
                        "journey funnel shop.journey --events - --apply < export.csv",
                    )
        )

        @OptionGroup var input: AnalysisInput

        @Option(help: "The output format: table or json.")
        var format: FunnelFormat = .table

        @Flag(help: "Write the measured reach into the journey file (only its reach lines change).")
        var apply = false

        func validate() throws {
            guard input.eventOptions.events != nil else {
                throw ValidationError("Missing --events: the event log to measure the funnel from.")
            }
            if apply, input.file == "-" {
                throw ValidationError("--apply writes into the journey file: give its path, not '-'.")
            }
        }

        func run() throws {
            let printer = input.printer
            let (journey, source, text) = try input.loadChecked()
            guard let path = input.eventOptions.events else { throw ExitCode.failure }
            let (log, result) = try input.eventOptions.measure(journey, source: source, path: path, printer: printer)
            let measured = result.applyingReach(to: journey)
            // Stages the log does not measure (the ladder's rung stages) need their reach from the file.
            let needed = FunnelMetrics.requirements(for: measured)
            printer.print(needed, in: source)
            guard let metrics = FunnelMetrics(journey: measured) else {
                printer.finish(DiagnosticReport(diagnostics: needed.map { .init(file: source.name, diagnostic: $0) }))
                throw ExitCode.failure
            }
            let report = FunnelReport(journey: measured, log: log, result: result, metrics: metrics)
            switch format {
            case .table: StandardStreams.writeOutput(report.text())
            case .json: StandardStreams.writeOutput(report.json())
            }
            guard apply else { return }
            let rewritten = ReachRewriter.rewrite(text, journey: journey, reaches: result.reach)
            do {
                try FileSystem.write(Array(rewritten.utf8), to: input.file, replacing: true)
            } catch {
                printer.printError(error.description)
                throw ExitCode.failure
            }
            StandardStreams.writeNote("Updated the reach of \(journey.stages.count) stages in \(input.file).")
        }
    }

    enum FunnelFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }
}
