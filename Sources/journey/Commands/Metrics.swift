import ArgumentParser
import JourneyAnalysis

extension JourneyCommand {
    /// `journey metrics`: conversion, drop-off, experience and control at every stage.
    struct Metrics: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute conversion, drop-off, experience and control at every stage.",
            discussion: """
                Every stage needs a reach. The table ends with the weakest stage; `journey weakest` \
                explains it. JSON and CSV give ratios from 0 to 1; the definitions are in docs/metrics.md.
                """
                    + HelpText.examples(
                        "journey metrics journeys/dressmate.journey",
                        "journey metrics --format json journeys/dressmate.journey",
                        "journey metrics --format csv shop.journey > shop.csv",
                    )
        )

        @OptionGroup var input: AnalysisInput

        @Option(help: "The output format: table, json or csv.")
        var format: MetricsFormat = .table

        func run() throws {
            let (_, metrics) = try input.load()
            switch format {
            case .table: StandardStreams.writeOutput(MetricsTableReport.render(metrics, width: TerminalWidth.report))
            case .json: StandardStreams.writeOutput(MetricsJSONReport.render(metrics))
            case .csv: StandardStreams.writeOutput(MetricsCSVReport.render(metrics))
            }
        }
    }

    enum MetricsFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }
}
