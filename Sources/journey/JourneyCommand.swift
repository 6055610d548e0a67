import ArgumentParser
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

            Examples:
              journey init --template e-commerce shop.journey
              journey check shop.journey
            """,
        version: JourneyKitVersion.current,
        subcommands: [
            Check.self, Init.self, Metrics.self, Weakest.self, Funnel.self, Customers.self, Render.self, Report.self,
            Export.self,
            Import.self, Validate.self,
        ]
    )
}
