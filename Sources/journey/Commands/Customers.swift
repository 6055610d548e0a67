import ArgumentParser
import JourneyCustomers
import JourneyLanguage

extension JourneyCommand {
    /// `journey customers`: who the customers are, where each stands on the ladder, who is lost.
    struct Customers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sort the customers of a purchase log into categories and ladder rungs, and find the lost ones.",
            discussion: """
                The purchase log is a CSV file with a header row and one purchase a row: a customer id \
                and a timestamp (an ISO 8601 date such as 1997-09-30, which is midnight UTC, or date and \
                time, or epoch seconds or milliseconds); other columns are ignored. \
                Purchases count as distinct UTC days per customer.

                A buyer is lost when their idle days at the as-of date are more than K times the larger \
                of their own median gap between purchase days and the population's (--lost-after Kx). \
                The categories, the ladder and the backtest are defined in docs/customers.md.

                With --model bgnbd or mbgnbd, a buyer is lost when their probability of being alive \
                under that model, fitted to the log, is below --alive-below; -o adds each customer's \
                P(alive) and their expected purchases in the next --horizon days.

                With --backtest END the command classifies at --as-of, then counts who bought again up \
                to END: how many flagged customers really stopped (precision), and how many of those who \
                stopped were flagged (recall). That is how to choose K, or the rule: with a model, the \
                rhythm rule's figures are printed beside it, with the purchases the model expected.
                """
                    + HelpText.examples(
                        "journey customers purchases.csv",
                        "journey customers --as-of 1997-09-30 --backtest 1998-06-30 purchases.csv",
                        "journey customers --lost-after 3x --fan 4 --format json purchases.csv",
                        "journey customers --model bgnbd --as-of 1997-09-30 --backtest 1998-06-30 purchases.csv",
                        "journey customers --contacts contacts.csv --survey survey.csv -o customers.csv purchases.csv",
                        "journey customers --journey loyalty.journey --apply purchases.csv",
                    )
        )

        @Argument(help: "The purchase log (CSV); '-' reads standard input.", completion: .file(extensions: ["csv"]))
        var purchases: String

        @OptionGroup var purchaseOptions: PurchaseLogOptions

        @OptionGroup var lostModel: LostModelOptions

        @Option(
            help: ArgumentHelp(
                "A journey file: its customers block sets the rules; its rung stages get the ladder's reach.",
                valueName: "file"),
            completion: .file(extensions: ["journey"]))
        var journey: String?

        @Flag(help: "Write the ladder's reach into the journey's rung stages (only their reach lines change).")
        var apply = false

        @Option(help: "Count who bought again between --as-of and this date, YYYY-MM-DD.")
        var backtest: String?

        @Option(help: "The output format: table, json, or csv for one row per customer.")
        var format: CustomersFormat = .table

        @Option(
            name: .shortAndLong, help: "Write one row per customer to this CSV file as well.",
            completion: .file(extensions: ["csv"]))
        var output: String?

        @Option(help: "The column holding customer ids.")
        var customerColumn: String = "customer_id"

        @Option(
            help: "The column holding timestamps (ISO 8601 dates or dates and times, or epoch seconds or milliseconds)."
        )
        var timeColumn: String = "timestamp"

        @Flag(help: "Skip and count malformed rows instead of stopping at them.")
        var skipBadRows = false

        func validate() throws {
            if apply, journey == nil {
                throw ValidationError("--apply writes into a journey file: name it with --journey.")
            }
            if apply, journey == "-" {
                throw ValidationError("--apply writes into the journey file: give its path, not '-'.")
            }
            if output == "-" {
                throw ValidationError("-o - would mix the list with the summary: pass --format csv to print the list.")
            }
        }

        func run() throws {
            let printer = DiagnosticPrinter(format: .text, usesColor: ColorChoice.auto.enabled(forDescriptor: 2))
            let backtestEnd = try backtest.map {
                try PurchaseLogOptions.day(of: $0, option: "--backtest", printer: printer)
            }
            let horizon = try lostModel.checkedHorizon(printer: printer)
            let journeyFile = try journey.map { try AnalysisInput.loadChecked($0, printer: printer) }
            if apply, let journeyFile, !journeyFile.journey.stages.contains(where: { $0.rung != nil }) {
                printer.printError(
                    "--apply: \(journeyFile.source.name) has no stage with a rung, so no reach to write",
                    help: "add `rung buyer` (or another rung) to the stages after the purchase")
                throw ExitCode.failure
            }
            let purchases = try purchaseOptions.classify(
                path: self.purchases, customerColumn: customerColumn, timeColumn: timeColumn,
                skipBadRows: skipBadRows, defaults: journeyFile?.journey.customers ?? RelationshipRules(),
                backtestEnd: backtestEnd, printer: printer)
            if let backtestEnd, backtestEnd <= purchases.base.asOf {
                printer.printError(
                    "--backtest \(backtest ?? ""): not after the as-of date, \(UTCDay.text(ofDay: purchases.base.asOf))",
                    help: "the backtest looks at purchases after the as-of date: give a later end")
                throw ExitCode.failure
            }
            let base = try lostModel.classify(purchases.base, printer: printer)
            if let output {
                _ = try OutputPath.write(CustomerListCSV.render(base, horizon: horizon), to: output, printer: printer)
            }
            let ladderStages = journeyFile.map { LadderStages(journey: $0.journey, file: $0.source.name, base: base) }
            let report = CustomerReport(
                base: base, source: purchases.source,
                backtest: backtestEnd.map { ($0, LostBacktest.run(base)) },
                survey: purchases.survey.map { ($0.scale, $0.answers.unanswered) }, ladderStages: ladderStages,
                horizon: horizon,
                modelBacktest: base.lostRule.fit.flatMap { fit in
                    backtestEnd.map { end in
                        (LostBacktest.run(purchases.base), ForecastBacktest.run(fit, base: base, end: end))
                    }
                })
            if apply, let journeyFile, let ladderStages {
                let rewritten = ReachRewriter.rewrite(
                    journeyFile.text, journey: journeyFile.journey, reaches: ladderStages.reachOfEachStage)
                do {
                    try FileSystem.write(Array(rewritten.utf8), to: journeyFile.source.name, replacing: true)
                } catch {
                    printer.printError(error.description)
                    throw ExitCode.failure
                }
            }
            switch format {
            case .table: StandardStreams.writeOutput(report.text())
            case .json: StandardStreams.writeOutput(report.json())
            case .csv: StandardStreams.writeOutput(CustomerListCSV.render(base, horizon: horizon))
            }
            if apply, let ladderStages {
                let count = ladderStages.rows.count
                StandardStreams.writeNote(
                    "Updated the reach of \(count == 1 ? "1 rung stage" : "\(count) rung stages") in \(ladderStages.file)."
                )
            }
        }
    }
}

/// How `journey customers` prints its report.
enum CustomersFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
