import ArgumentParser
import JourneyLanguage

extension JourneyCommand {
    /// `journey check`: reports every error and warning in journey files.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check journey files and report every error and warning.",
            discussion: """
                Diagnostics go to standard error as FILE:LINE:COLUMN: SEVERITY: MESSAGE, \
                followed by the line, a caret under the column and a hint. With --format json \
                they go to standard output as one JSON document instead.

                Exit status: 0 when no file has an error, 1 when one has (or, with --strict, \
                when one has a warning).
                """
                    + HelpText.examples(
                        "journey check journeys/dressmate.journey",
                        "journey check --strict --format json *.journey",
                        "cat shop.journey | journey check -",
                    )
        )

        @Argument(
            help: "The journey files to check; '-' reads standard input.",
            completion: .file(extensions: ["journey"]))
        var files: [String]

        @Flag(help: "Fail on warnings as well as errors.")
        var strict = false

        @Option(help: "How to print diagnostics: text or json.")
        var format: DiagnosticOutputFormat = .text

        @Option(
            help:
                "When to colour text output: auto, always or never. auto colours only a terminal and honours NO_COLOR.")
        var color: ColorChoice = .auto

        func run() throws {
            let printer = DiagnosticPrinter(format: format, usesColor: color.enabled(forDescriptor: 2))
            let report = printer.diagnoseFiles(files, limit: .journey) { file, _ in
                JourneyChecker.check(file).diagnostics
            }
            if report.errors > 0 || (strict && report.warnings > 0) {
                throw ExitCode.failure
            }
        }
    }
}
