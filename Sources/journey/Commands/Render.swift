import ArgumentParser
import JourneyCharts
import JourneyLanguage
import JourneyXML

extension JourneyCommand {
    /// `journey render`: draws a journey, or the customers of a purchase log, as an SVG chart,
    /// validated before it is written.
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the emotion curve, the funnel, both, or the relationship ladder as an SVG chart.",
            discussion: """
                Charts: journey (the emotion curve, the default), funnel, dashboard (both), ladder. The \
                funnel and the dashboard need a reach on every stage. Themes: light (the default), \
                dark, print (greyscale), or the path of a JSON theme file of your own (see docs/charts.md).

                The ladder chart draws the customers of a purchase log (--purchases) on the rungs of the \
                relationship ladder, classified as journey customers classifies them (docs/customers.md): \
                the customers at each rung or higher, the conversion between rungs and the lost share \
                of each. It needs no journey file; given one, it takes the journey's title, and the \
                journey's customers block gives the rules that --lost-after, --fan and --recommend \
                leave out. With --purchases, the dashboard adds the ladder below the funnel. \
                --customer-column, --time-column and --skip-bad-rows apply to the purchase log as to \
                the event log.

                Every SVG is validated with libxml2 before it is written, against journey's SVG 1.1 \
                subset schema (built in) and, when the system XML catalog has it (Debian package \
                w3c-sgml-lib), the official SVG 1.1 DTD; an invalid chart is never written. The file \
                is written whole or not at all.

                The chart goes to the input's name with .svg (the journey's, else the purchase log's), \
                in the current folder, unless -o says otherwise; -o - writes it to standard output. \
                A file of that default name is not replaced unless --force is given; a file named \
                with -o is. A device or a FIFO (-o /dev/null) is written to, never replaced, and a \
                replaced file keeps its permissions (docs/files.md).
                """
                    + HelpText.examples(
                        "journey render journeys/dressmate.journey",
                        "journey render --chart dashboard --theme dark -o deck/dressmate.svg journeys/dressmate.journey",
                        "journey render --chart funnel -o - shop.journey | rsvg-convert -o shop.png",
                        "journey render --chart ladder --purchases purchases.csv --as-of 1997-09-30",
                        "journey render --chart dashboard --purchases purchases.csv --contacts contacts.csv shop.journey",
                    )
        )

        @Argument(
            help: "The journey file; '-' reads standard input. The ladder chart needs none.",
            completion: .file(extensions: ["journey"]))
        var file: String?

        @Option(
            help:
                "When to colour diagnostics: auto, always or never. auto colours only a terminal and honours NO_COLOR."
        )
        var color: ColorChoice = .auto

        @OptionGroup(title: "Event log") var eventOptions: EventOptions

        @Option(
            name: .shortAndLong, help: "The SVG file to write; '-' writes to standard output.",
            completion: .file(extensions: ["svg"]))
        var output: String?

        @Flag(help: "Replace the file of the default name if it exists (a file named with -o is always replaced).")
        var force = false

        @Option(help: "The chart: journey, funnel, dashboard or ladder.")
        var chart: ChartKind = .journey

        @Option(
            help: "A bundled theme (light, dark, print) or the path of a JSON theme file.",
            completion: ThemeLoader.completion)
        var theme: String = Theme.defaultName

        @Option(
            help: ArgumentHelp(
                "A purchase log (CSV) whose customers the ladder chart draws, or the dashboard below the "
                    + "funnel; '-' reads standard input."),
            completion: .file(extensions: ["csv"]))
        var purchases: String?

        @OptionGroup(title: "Purchase log") var purchaseOptions: PurchaseLogOptions

        func validate() throws {
            if file == nil, chart != .ladder {
                throw ValidationError(
                    "Missing expected argument '<file>': the \(chart.rawValue) chart draws a journey file.")
            }
        }

        func run() throws {
            let printer = DiagnosticPrinter(format: .text, usesColor: color.enabled(forDescriptor: 2))
            try checkPurchaseLog(printer: printer)
            let destination = try outputPath()
            let theme = try ThemeLoader.load(theme, printer: printer)
            let loaded = try file.map { file in
                try AnalysisInput.loadJourneyAndSource(file, eventOptions: eventOptions, printer: printer) {
                    ChartRenderer.requirements(for: $0, chart: chart)
                }
            }
            let journey = loaded?.journey
            let ladder = try purchases.map { path in
                LadderFigures(
                    try purchaseOptions.classify(
                        path: path, customerColumn: eventOptions.customerColumn, timeColumn: eventOptions.timeColumn,
                        skipBadRows: eventOptions.skipBadRows,
                        defaults: journey?.customers ?? RelationshipRules(), printer: printer))
            }
            let rendered: RenderedChart
            if let journey {
                guard
                    let chart = ChartRenderer.render(
                        journey, chart: chart, theme: theme, ladder: ladder,
                        reachSource: loaded?.reachSource ?? .planned)
                else {
                    throw ExitCode.failure
                }
                rendered = chart
            } else if let ladder {
                rendered = ChartRenderer.render(ladder: ladder, theme: theme)
            } else {
                throw ExitCode.failure  // `validate()` and `checkPurchaseLog` leave one or the other.
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
            guard
                try OutputPath.write(
                    rendered.svg, to: destination, replacing: OutputPath.replaces(output: output, force: force),
                    existsHelp: OutputPath.defaultNameExistsHelp, printer: printer)
            else { return }
            let size = "\(Int(rendered.width)) × \(Int(rendered.height)) px"
            StandardStreams.writeOutput(
                "Wrote \(destination) (\(chart.rawValue) chart, \(theme.name) theme, \(size)).\n")
        }

        /// Stops with an error when the chart and `--purchases` do not go together, the log would
        /// share standard input with another file, or `--events` has no journey to measure;
        /// before anything is read.
        private func checkPurchaseLog(printer: DiagnosticPrinter) throws {
            switch (chart, purchases) {
            case (.ladder, nil):
                printer.printError(
                    "the ladder chart draws the customers of a purchase log: give it with --purchases",
                    help: "journey render --chart ladder --purchases purchases.csv")
                throw ExitCode.failure
            case (.journey, .some), (.funnel, .some):
                printer.printError(
                    "--purchases draws the relationship ladder, which the \(chart.rawValue) chart does not show",
                    help: "use --chart ladder, or --chart dashboard for the ladder below the funnel")
                throw ExitCode.failure
            case (_, "-") where file == "-" || eventOptions.events == "-":
                printer.printError(
                    "--purchases - reads standard input, which the \(file == "-" ? "journey" : "event log") reads too",
                    help: "give one of them as a file")
                throw ExitCode.failure
            case (.ladder, _) where file == nil && eventOptions.events != nil:
                printer.printError(
                    "--events measures the stages of a journey, and the ladder chart was given none",
                    help: "leave out --events, or give the journey file whose title the ladder takes")
                throw ExitCode.failure
            default:
                return
            }
        }

        /// Where the chart goes: `-o`, or the journey's name with `.svg` in the current folder
        /// (the purchase log's without a journey).
        private func outputPath() throws -> String {
            if let file {
                return try OutputPath.resolve(
                    output, input: file, dropping: ".journey", adding: "svg", what: "the chart's file")
            }
            return try OutputPath.resolve(
                output, input: purchases ?? "-", dropping: nil, adding: "svg", what: "the chart's file")
        }
    }
}

extension ChartKind: ExpressibleByArgument {}
