import ArgumentParser
import JourneyAnalysis

extension JourneyCommand {
    /// `journey weakest`: the one stage to fix first, and how.
    struct Weakest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Name the stage to fix first, what fixing it is worth, and how.",
            discussion: """
                The weakest stage converts the furthest below its target. The verdict says what \
                meeting the target is worth in people at the end of the funnel, whether the shortfall \
                is significant, how much of the stage the company controls and how to raise it, and \
                the pain points to address first, with their ideas.

                With --exit-code the command exits with status 3 when any stage is below its target, \
                so a CI job can fail on it.
                """
                    + HelpText.examples(
                        "journey weakest journeys/dressmate.journey",
                        "journey weakest --format json journeys/dressmate.journey",
                        "journey weakest --exit-code shop.journey || echo \"a stage is below target\"",
                    )
        )

        @OptionGroup var input: AnalysisInput

        @Option(help: "The output format: text or json.")
        var format: WeakestFormat = .text

        @Flag(help: "Exit with status 3 when any stage is below its target.")
        var exitCode = false

        func run() throws {
            let (journey, metrics) = try input.load()
            let report = WeakestStageReport(journey: journey, metrics: metrics)
            switch format {
            case .text: StandardStreams.writeOutput(report.text())
            case .json: StandardStreams.writeOutput(report.json())
            }
            if exitCode, !metrics.stagesBelowTarget.isEmpty {
                throw ExitCode(3)
            }
        }
    }

    enum WeakestFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }
}
