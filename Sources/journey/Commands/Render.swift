import ArgumentParser
import JourneyCharts
import JourneyLanguage
import JourneyXML

extension JourneyCommand {
    /// `journey render`: draws a journey as an SVG chart, validated before it is written.
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the emotion curve, the funnel or both as an SVG chart.",
            discussion: """
                Charts: journey (the emotion curve, the default), funnel, dashboard (both). The \
                funnel and the dashboard need a reach on every stage. Themes: light (the default), \
                dark, print (greyscale), or the path of a JSON theme file of your own (see docs/charts.md).

                Every SVG is validated with libxml2 before it is written, against journey's SVG 1.1 \
                subset schema (built in) and, when the system XML catalog has it (Debian package \
                w3c-sgml-lib), the official SVG 1.1 DTD; an invalid chart is never written. The file \
                is written whole or not at all.

                The chart goes to the input's name with .svg, in the current folder, unless -o says \
                otherwise; -o - writes it to standard output.

                Examples:
                  journey render journeys/dressmate.journey
                  journey render --chart dashboard --theme dark -o deck/dressmate.svg journeys/dressmate.journey
                  journey render --chart funnel -o - shop.journey | rsvg-convert -o shop.png
                """
        )

        @OptionGroup var input: AnalysisInput

        @Option(name: .shortAndLong, help: "The SVG file to write; '-' writes to standard output.")
        var output: String?

        @Option(help: "The chart: journey, funnel or dashboard.")
        var chart: ChartKind = .journey

        @Option(help: "A bundled theme (light, dark, print) or the path of a JSON theme file.")
        var theme: String = Theme.defaultName

        func run() throws {
            let printer = input.printer
            let destination = try outputPath()
            let theme = try ThemeLoader.load(theme, printer: printer)
            let journey = try input.loadJourney { ChartRenderer.requirements(for: $0, chart: chart) }
            guard let rendered = ChartRenderer.render(journey, chart: chart, theme: theme) else {
                throw ExitCode.failure
            }
            let shownName = destination == "-" ? "<stdout>" : destination
            let validation = XMLValidator.validateSVG(rendered.svg, name: shownName)
            guard validation.isValid else {
                printer.printError(
                    "the chart is not valid SVG 1.1, so it was not written",
                    help: "this is a bug in journey: please report it with the journey file")
                printer.print(validation.diagnostics, in: SourceFile(name: shownName, text: rendered.svg))
                throw ExitCode.failure
            }
            guard try OutputPath.write(rendered.svg, to: destination, printer: printer) else { return }
            let size = "\(Int(rendered.width)) × \(Int(rendered.height)) px"
            print("Wrote \(destination) (\(chart.rawValue) chart, \(theme.name) theme, \(size)).")
        }

        /// Where the chart goes: `-o`, or the input's name with `.svg` in the current folder.
        private func outputPath() throws -> String {
            try OutputPath.resolve(
                output, input: input.file, dropping: ".journey", adding: "svg", what: "the chart's file")
        }
    }
}

extension ChartKind: ExpressibleByArgument {}
