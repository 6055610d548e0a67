import ArgumentParser
import JourneyInterchange
import JourneyLanguage

extension JourneyCommand {
    /// `journey export`: writes a journey as JSON, XML or a Mermaid diagram.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a journey as JSON, XML or a Mermaid journey diagram.",
            discussion: """
                json and xml hold the whole journey and its metrics in the project's documented \
                formats (docs/formats.md); xml is validated against the project's XSD with libxml2 \
                before it is written. mermaid is a Mermaid journey diagram that GitHub draws; what \
                Mermaid cannot show goes into %% comments (docs/mermaid.md). Every export is read \
                back before it is written, and must give the same journey.

                The file goes to the input's name with .json, .xml or .mmd in the current folder, \
                unless -o says otherwise; -o - writes to standard output. A file of that default \
                name is not replaced unless --force is given; a file named with -o is. A device or \
                a FIFO (-o /dev/null) is written to, never replaced, and a replaced file keeps its \
                permissions (docs/files.md).
                """
                    + HelpText.examples(
                        "journey export --format json journeys/dressmate.journey",
                        "journey export --format mermaid -o - journeys/dressmate.journey >> README.md",
                        "journey export --format xml -o exports/dressmate.xml journeys/dressmate.journey",
                    )
        )

        @OptionGroup var input: AnalysisInput

        @Option(help: "The format: json, xml or mermaid.")
        var format: InterchangeFormat

        @Option(
            name: .shortAndLong, help: "The file to write; '-' writes to standard output.",
            completion: .file(extensions: InterchangeFormat.allCases.map(\.fileExtension)))
        var output: String?

        @Flag(help: "Replace the file of the default name if it exists (a file named with -o is always replaced).")
        var force = false

        func run() throws {
            let printer = input.printer
            let destination = try outputPath()
            let journey = try input.loadJourney()
            let shownName = destination == "-" ? "<stdout>" : destination
            let exported = JourneyInterchange.export(journey, as: format, name: shownName)
            guard exported.diagnostics.isEmpty else {
                printer.printError(
                    "the \(format.rawValue) export failed its own checks, so it was not written",
                    help: "this is a bug in journey: please report it with the journey file")
                printer.print(exported.diagnostics, in: SourceFile(name: shownName, text: exported.text))
                throw ExitCode.failure
            }
            guard
                try OutputPath.write(
                    exported.text, to: destination, replacing: OutputPath.replaces(output: output, force: force),
                    existsHelp: OutputPath.defaultNameExistsHelp, printer: printer)
            else { return }
            StandardStreams.writeOutput("Wrote \(destination) (\(format.rawValue)).\n")
        }

        private func outputPath() throws -> String {
            try OutputPath.resolve(
                output, input: input.file, dropping: ".journey", adding: format.fileExtension, what: "the file to write"
            )
        }
    }
}

extension InterchangeFormat: ExpressibleByArgument {}
