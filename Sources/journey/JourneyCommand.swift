import ArgumentParser
import Foundation
import JourneyLanguage

/// The `journey` command: customer-journey mapping and pain-point analysis.
@main
struct JourneyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journey",
        abstract: "Map customer journeys and find the stage that loses the most people.",
        discussion: """
            A journey file lists the stages of the funnel, how many people reach each one, \
            and the touchpoints inside them with how the customer feels there.
            """
                + HelpText.examples(
                    "journey init --template e-commerce shop.journey",
                    "journey check shop.journey",
                ),
        version: JourneyKitVersion.current,
        subcommands: [
            Check.self, Init.self, Metrics.self, Weakest.self, Funnel.self, Customers.self, Render.self, Report.self,
            Export.self,
            Import.self, Validate.self,
        ]
    )

    /// `journey` alone is a usage error, as a missing argument is: the help on standard error
    /// and exit status 64 (EX_USAGE), so that a script that forgot the subcommand fails.
    func run() throws {
        StandardStreams.writeError(HelpText.shown(Self.helpMessage()) + "\n")
        throw ExitCode.validationFailure
    }

    /// Runs the command as argument-parser's own `main()` does, its help and messages printed
    /// through `HelpText.shown(_:)`: help and version on standard output with exit status 0,
    /// errors on standard error with their status.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = exitCode(for: error)
            // What a shell's completion asks for (`---completion`) is file names, printed as they are.
            let asked = CommandLine.arguments.dropFirst().first == "---completion"
            let message = asked ? fullMessage(for: error) : HelpText.shown(fullMessage(for: error))
            if !message.isEmpty {
                if status.isSuccess {
                    print(message)
                } else {
                    StandardStreams.writeError(message + "\n")
                }
            }
            Foundation.exit(status.rawValue)
        }
    }
}
