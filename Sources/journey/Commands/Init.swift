import ArgumentParser
import JourneyLanguage

extension JourneyCommand {
    /// `journey init`: writes a starter journey to edit.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a starter journey from a template.",
            discussion: """
                The new file checks cleanly: replace its names, scores and numbers with your own. \
                An existing file is never overwritten.

                Templates: \(StarterTemplate.all.map(\.name).joined(separator: ", ")) \
                (default: \(StarterTemplate.defaultName)).
                """
                    + HelpText.examples(
                        "journey init shop.journey",
                        "journey init --template saas-onboarding trial.journey",
                        "journey init --list",
                    )
        )

        @Option(help: "The template to start from; see --list.", completion: .list(StarterTemplate.all.map(\.name)))
        var template: String = StarterTemplate.defaultName

        @Flag(help: "List the templates and exit.")
        var list = false

        @Argument(help: "The journey file to create.", completion: .file(extensions: ["journey"]))
        var file: String?

        func validate() throws {
            if !list && file == nil {
                throw ValidationError("Missing the journey file to create, for example: journey init shop.journey")
            }
            if !list, StarterTemplate.named(template) == nil {
                let names = StarterTemplate.all.map(\.name)
                let hint = Suggestion.closest(to: template, among: names).map { " Did you mean '\($0)'?" } ?? ""
                throw ValidationError(
                    "Unknown template '\(template)'.\(hint) Templates: \(names.joined(separator: ", ")).")
            }
        }

        func run() throws {
            if list {
                let width = StarterTemplate.all.map(\.name.count).max() ?? 0
                for template in StarterTemplate.all {
                    let padding = String(repeating: " ", count: width - template.name.count)
                    StandardStreams.writeOutput("\(template.name)\(padding)  \(template.summary)\n")
                }
                return
            }
            guard let file, let template = StarterTemplate.named(template) else { return }
            do {
                try FileSystem.write(Array(template.text.utf8), to: file, replacing: false)
            } catch {
                let printer = DiagnosticPrinter(format: .text, usesColor: ColorChoice.auto.enabled(forDescriptor: 2))
                if error.kind == .alreadyExists {
                    printer.printError(
                        error.description, help: "journey init never overwrites a file: choose another name")
                } else {
                    printer.printError(error.description)
                }
                throw ExitCode.failure
            }
            StandardStreams.writeOutput(
                "Created \(file) from the '\(template.name)' template.\nEdit it, then run: journey check \(file)\n")
        }
    }
}
