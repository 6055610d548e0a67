import ArgumentParser
import JourneyXML

extension JourneyCommand {
    /// `journey validate`: checks SVG and XML files with libxml2, as journey does before writing them.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate SVG and XML files with libxml2, offline.",
            discussion: """
                Every file is checked for well-formed XML. A file with a DOCTYPE is also validated \
                against that DTD, found in the system XML catalog and never downloaded: an SVG \
                must name the SVG 1.1 DTD. When the SVG 1.1 DTD is not installed (Debian package \
                w3c-sgml-lib), an SVG is checked against journey's SVG 1.1 subset schema, which \
                ships inside the tool and covers what journey's charts use: a warning says so, and \
                an element or attribute outside it is a warning that it could not be checked. A \
                journey exported as XML (its root in the project's namespace) is validated against \
                the project's XSD, which ships inside the tool.

                Standard output names the checks that ran on each file: FILE: checked CHECKS for \
                those it passed, FILE: checked CHECKS; failed CHECKS when it failed one, and \
                FILE: failed well-formed XML for a file that is not XML, on which nothing else can \
                run. \
                libxml2's findings go to standard error as FILE:LINE:COLUMN: SEVERITY: MESSAGE, \
                followed by the line and a caret under the column. With --format json they go to \
                standard output as one JSON document instead.

                Exit status: 0 when every file is valid, 1 when one is not or cannot be read.
                """
                    + HelpText.examples(
                        "journey validate funnel.svg",
                        "journey validate --format json charts/*.svg",
                        "journey validate dressmate.xml",
                    )
        )

        @Argument(
            help: "The SVG or XML files to validate; '-' reads standard input.",
            completion: .file(extensions: ["svg", "xml"]))
        var files: [String]

        @Option(help: "How to print diagnostics: text or json.")
        var format: DiagnosticOutputFormat = .text

        @Option(
            help:
                "When to colour text output: auto, always or never. auto colours only a terminal and honours NO_COLOR.")
        var color: ColorChoice = .auto

        func run() throws {
            let printer = DiagnosticPrinter(format: format, usesColor: color.enabled(forDescriptor: 2))
            let report = printer.diagnoseFiles(
                files, limit: .xmlDocument,
                reportingChecks: { file, bytes in
                    let result = XMLValidator.validateRecognizingJourneyXML(bytes, name: file.name)
                    if format == .text {
                        StandardStreams.writeOutput("\(file.name): \(Self.summary(result))\n")
                    }
                    return (
                        result.diagnostics,
                        (result.checks.map(\.description), result.failedChecks.map(\.description))
                    )
                })
            if report.errors > 0 {
                throw ExitCode.failure
            }
        }

        /// The checks that ran, for a person, passed and failed.
        ///
        /// "checked well-formed XML and X", "checked well-formed XML; failed X" or "failed
        /// well-formed XML". A check that did not run is not named.
        static func summary(_ result: ValidationResult) -> String {
            let passed = result.checks.isEmpty && !result.failedChecks.isEmpty ? nil : "checked \(list(result.checks))"
            let failed = result.failedChecks.isEmpty ? nil : "failed \(list(result.failedChecks))"
            return [passed, failed].compactMap { $0 }.joined(separator: "; ")
        }

        /// The checks, for a person: "well-formed XML, X and Y".
        static func list(_ checks: [ValidationCheck]) -> String {
            let names = checks.map(\.description)
            guard let last = names.last, names.count > 1 else { return names.first ?? "nothing" }
            return names.dropLast().joined(separator: ", ") + " and " + last
        }
    }
}
