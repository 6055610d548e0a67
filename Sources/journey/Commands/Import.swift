import ArgumentParser
import JourneyInterchange
import JourneyLanguage

extension JourneyCommand {
    /// `journey import`: turns a Mermaid diagram, or the project's JSON or XML, into a `.journey` file.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a Mermaid journey diagram, or a JSON or XML export, into a .journey file.",
            discussion: """
                The format comes from the file's extension (.mmd or .mermaid, .json, .xml), or else \
                from its first character. The journey is written in the layout of docs/language.md \
                and must check cleanly: when it does not, the problems are shown and nothing is \
                written. An existing file is not replaced unless --force is given.

                The file goes to the input's name with .journey in the current folder, unless -o \
                says otherwise; -o - writes to standard output.
                """
                    + HelpText.examples(
                        "journey import onboarding.mmd",
                        "journey import --format mermaid -o shop.journey - < diagram.txt",
                        "journey import -o dressmate.journey exports/dressmate.xml",
                    )
        )

        @Argument(
            help: "The file to import; '-' reads standard input.",
            completion: .file(extensions: InterchangeFormat.allCases.flatMap(\.recognisedExtensions)))
        var file: String

        @Option(help: "The format, when the file's name does not say: json, xml or mermaid.")
        var format: InterchangeFormat?

        @Option(
            name: .shortAndLong, help: "The .journey file to write; '-' writes to standard output.",
            completion: .file(extensions: ["journey"]))
        var output: String?

        @Flag(help: "Replace the output file if it exists.")
        var force = false

        @Option(
            help:
                "When to colour diagnostics: auto, always or never. auto colours only a terminal and honours NO_COLOR.")
        var color: ColorChoice = .auto

        func run() throws {
            let printer = DiagnosticPrinter(format: .text, usesColor: color.enabled(forDescriptor: 2))
            let destination = try outputPath()
            let bytes: [UInt8]
            let format: InterchangeFormat
            do {
                bytes = try FileSystem.read(file, limit: .interchange)
                format = self.format ?? InterchangeFormat.detect(path: file, bytes: bytes)
                // XML may be UTF-16, which holds NUL bytes; JSON and Mermaid are UTF-8 text.
                if format != .xml { try TextContent.requireText(bytes, path: file) }
            } catch {
                printer.printError(error)
                throw ExitCode.failure
            }
            let name = file == "-" ? "<stdin>" : file
            let imported = JourneyInterchange.parse(bytes, as: format, name: name)
            printer.print(imported.diagnostics, in: SourceFile(name: name, bytes: bytes))
            guard !imported.hasErrors else {
                printer.finish(
                    DiagnosticReport(diagnostics: imported.diagnostics.map { .init(file: name, diagnostic: $0) }))
                throw ExitCode.failure
            }

            // The journey must make a file that checks cleanly.
            let text = JourneyFormatter.format(imported.journey)
            let written = SourceFile(name: destination == "-" ? "<stdout>" : destination, text: text)
            let checked = JourneyChecker.check(written)
            printer.print(checked.diagnostics, in: written)
            let errors = checked.diagnostics.filter { $0.severity == .error }.count
            guard errors == 0 else {
                printer.printError(
                    "the imported journey has \(errors == 1 ? "a problem" : "\(errors) problems") (shown above), so it was not written",
                    help: "fix \(name) and import it again")
                throw ExitCode.failure
            }
            let existsHelp = "choose another name with -o, or replace it with --force"
            guard
                try OutputPath.write(
                    text, to: destination, replacing: force, existsHelp: existsHelp,
                    printer: printer)
            else { return }
            let stages = imported.journey.stages.count
            let touchpoints = imported.journey.touchpoints.count
            StandardStreams.writeOutput(
                "Wrote \(destination) from \(format.rawValue): \(stages) stages, \(touchpoints) touchpoints.\n")
        }

        private func outputPath() throws -> String {
            try OutputPath.resolve(output, input: file, dropping: nil, adding: "journey", what: "the file to write")
        }
    }
}
