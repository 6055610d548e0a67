import ArgumentParser
import JourneyCharts
import JourneyHTMLReport
import JourneyLanguage

extension JourneyCommand {
    /// `journey report`: one self-contained HTML report, checked before it is written.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a shareable, self-contained HTML report of a journey.",
            discussion: """
                The report holds the journey's title, personas, state and scale; a summary with the \
                weakest stage and what fixing it is worth; the dashboard chart inline; the metrics \
                table; the weakest stage explained; the pain points ranked with their ideas and \
                thoughts; and the opportunities. It needs no network and no scripts, and prints well \
                (see docs/report.md). It needs a reach on every stage.

                With --purchases, a section on the customers of a purchase log follows: the ladder \
                chart of journey render --chart ladder and a table of the rungs, the customers at each \
                rung or higher, the conversion between rungs and the lost share, classified as journey \
                customers classifies them, with the rules of the journey's customers block where \
                --lost-after, --fan and --recommend say nothing. --customer-column, --time-column and \
                --skip-bad-rows apply to the purchase log as to the event log.

                --template renders a Mustache template of your own instead of the bundled one \
                (docs/report.md lists the keys it sees). --theme colours the chart: light (the \
                default), dark, print, or the path of a JSON theme file.

                The report is checked with libxml2 before it is written: it must be well-formed XML, \
                with every id unique; one that is not is never written. The file is written whole or \
                not at all, to the input's name with .html in the current folder unless -o says \
                otherwise; -o - writes it to standard output. A file of that default name is not \
                replaced unless --force is given; a file named with -o is. A device or a FIFO \
                (-o /dev/null) is written to, never replaced, and a replaced file keeps its \
                permissions (docs/files.md).
                """
                    + HelpText.examples(
                        "journey report journeys/dressmate.journey",
                        "journey report --theme print -o share/dressmate.html journeys/dressmate.journey",
                        "journey report --template brand.mustache -o - shop.journey > shop.html",
                        "journey report --purchases purchases.csv --contacts contacts.csv shop.journey",
                    )
        )

        @OptionGroup var input: AnalysisInput

        @Option(
            name: .shortAndLong, help: "The HTML file to write; '-' writes to standard output.",
            completion: .file(extensions: ["html"]))
        var output: String?

        @Flag(help: "Replace the file of the default name if it exists (a file named with -o is always replaced).")
        var force = false

        @Option(
            help: "A Mustache template of your own instead of the bundled report template.",
            completion: .file(extensions: ["mustache"]))
        var template: String?

        @Option(
            help: "The chart's theme: a bundled theme (light, dark, print) or the path of a JSON theme file.",
            completion: ThemeLoader.completion)
        var theme: String = Theme.defaultName

        @Option(
            help: ArgumentHelp(
                "A purchase log (CSV) whose customers the report shows on the relationship ladder; "
                    + "'-' reads standard input."),
            completion: .file(extensions: ["csv"]))
        var purchases: String?

        @OptionGroup(title: "Purchase log") var purchaseOptions: PurchaseLogOptions

        func run() throws {
            let printer = input.printer
            let destination = try outputPath()
            // A template of one's own is read first, so that its mistakes come first; the bundled
            // one, which parses, is parsed on a thread of its own while the journey is read.
            let ownTemplate = try self.template.map { _ in try loadTemplate(printer: printer) }
            let theme = try ThemeLoader.load(theme, printer: printer)
            if purchases == "-", input.file == "-" || input.eventOptions.events == "-" {
                printer.printError(
                    "--purchases - reads standard input, which the \(input.file == "-" ? "journey" : "event log") "
                        + "reads too", help: "give one of them as a file")
                throw ExitCode.failure
            }
            let ((journey, metrics, reachSource), bundled) = try ParallelWork.both(
                { try input.loadWithSource() },
                {
                    ownTemplate == nil ? Result { () throws(ReportTemplateError) in try ReportTemplate.bundled() } : nil
                })
            let template = try ownTemplate ?? bundledTemplate(bundled, printer: printer)
            let ladder = try purchases.map { path in
                LadderFigures(
                    try purchaseOptions.classify(
                        path: path, customerColumn: input.eventOptions.customerColumn,
                        timeColumn: input.eventOptions.timeColumn, skipBadRows: input.eventOptions.skipBadRows,
                        defaults: journey.customers ?? RelationshipRules(), printer: printer))
            }
            let shownName = destination == "-" ? "<stdout>" : destination

            let report: RenderedReport
            do {
                report = try ReportRenderer.render(
                    journey, metrics: metrics, theme: theme, template: template,
                    name: shownName, ladder: ladder, reachSource: reachSource)
            } catch {
                printer.printError(
                    "the chart is not valid SVG 1.1, so the report was not written",
                    help: "this is a bug in journey: please report it with the journey file")
                printer.print(error.diagnostics, in: SourceFile(name: error.name, text: error.svg))
                throw ExitCode.failure
            }
            guard report.isValid else {
                let help =
                    self.template == nil
                    ? "this is a bug in journey: please report it with the journey file"
                    : "check the markup of the template '\(template.name)': every tag closed, attributes quoted, "
                        + "text inserted with {{key}} rather than {{{key}}}"
                printer.printError("the report is not well-formed XHTML, so it was not written", help: help)
                printer.print(report.validation.diagnostics, in: SourceFile(name: shownName, text: report.html))
                throw ExitCode.failure
            }
            guard
                try OutputPath.write(
                    report.html, to: destination, replacing: OutputPath.replaces(output: output, force: force),
                    existsHelp: OutputPath.defaultNameExistsHelp, printer: printer)
            else { return }
            let kilobytes = (report.html.utf8.count + 1023) / 1024
            StandardStreams.writeOutput(
                "Wrote \(destination) (\(template.name) template, \(theme.name) chart theme, \(kilobytes) KB).\n")
        }

        /// Where the report goes: `-o`, or the input's name with `.html` in the current folder.
        private func outputPath() throws -> String {
            try OutputPath.resolve(
                output, input: input.file, dropping: ".journey", adding: "html", what: "the report's file")
        }

        /// The bundled template parsed, or the error that says journey has a bug.
        private func bundledTemplate(
            _ parsed: Result<ReportTemplate, ReportTemplateError>?, printer: DiagnosticPrinter
        ) throws -> ReportTemplate {
            do {
                return try (parsed ?? Result { () throws(ReportTemplateError) in try ReportTemplate.bundled() }).get()
            } catch {
                printer.printError(error.description, help: "this is a bug in journey: the bundled template must parse")
                throw ExitCode.failure
            }
        }

        /// The bundled template, or the user's, parsed; a parse error is printed at its line.
        private func loadTemplate(printer: DiagnosticPrinter) throws -> ReportTemplate {
            do {
                guard let path = template else { return try ReportTemplate.bundled() }
                let bytes: [UInt8]
                do {
                    bytes = try FileSystem.read(path, limit: .reportTemplate)
                } catch {
                    printer.printError(error)
                    throw ExitCode.failure
                }
                let source = SourceFile(name: path, bytes: bytes)
                guard !source.decodingDiagnostics.containsErrors else {
                    printer.print(source.decodingDiagnostics, in: source)
                    throw ExitCode.failure
                }
                do {
                    return try ReportTemplate(text: String(decoding: bytes, as: UTF8.self), name: path)
                } catch  where error.name == path {
                    printer.print([error.diagnostic], in: source)
                    throw ExitCode.failure
                }
            } catch let error as ReportTemplateError {
                printer.printError(error.description, help: "this is a bug in journey: the bundled template must parse")
                throw ExitCode.failure
            }
        }
    }
}
