import ArgumentParser
import JourneyCustomers
import JourneyEvents
import JourneyLanguage

extension JourneyCommand {
    /// `journey customers`: who the customers are, where each stands on the ladder, who is lost.
    struct Customers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sort the customers of a purchase log into categories and ladder rungs, and find the lost ones.",
            discussion: """
                The purchase log is a CSV file with a header row and one purchase a row: a customer id \
                and a timestamp (ISO 8601, or epoch seconds or milliseconds); other columns are ignored. \
                Purchases count as distinct UTC days per customer.

                A buyer is lost when their idle days at the as-of date are more than K times the larger \
                of their own median gap between purchase days and the population's (--lost-after Kx). \
                The categories, the ladder and the backtest are defined in docs/customers.md.

                With --backtest END the command classifies at --as-of, then counts who bought again up \
                to END: how many flagged customers really stopped (precision), and how many of those who \
                stopped were flagged (recall). That is how to choose K.

                Examples:
                  journey customers purchases.csv
                  journey customers --as-of 1997-09-30 --backtest 1998-06-30 purchases.csv
                  journey customers --lost-after 3x --fan 4 --format json purchases.csv
                """
        )

        @Argument(help: "The purchase log (CSV); '-' reads standard input.")
        var purchases: String

        @Option(help: "The date to classify at, YYYY-MM-DD (default: the last purchase day in the log).")
        var asOf: String?

        @Option(help: "How many of a customer's usual gaps they may stay idle before they count as lost, such as 2x.")
        var lostAfter: String = "2x"

        @Option(help: "The purchase days that make a fan (2 or more).")
        var fan: Int = 5

        @Option(help: "Count who bought again between --as-of and this date, YYYY-MM-DD.")
        var backtest: String?

        @Option(help: "The output format: table or json.")
        var format: CustomersFormat = .table

        @Option(help: "The column holding customer ids.")
        var customerColumn: String = "customer_id"

        @Option(help: "The column holding timestamps (ISO 8601, or epoch seconds or milliseconds).")
        var timeColumn: String = "timestamp"

        @Flag(help: "Skip and count malformed rows instead of stopping at them.")
        var skipBadRows = false

        func run() throws {
            let printer = DiagnosticPrinter(format: .text, usesColor: ColorChoice.auto.enabled(forDescriptor: 2))
            let rules = try self.rules(printer: printer)
            let asOfDay = try asOf.map { try day(of: $0, option: "--as-of", printer: printer) }
            let backtestEnd = try backtest.map { try day(of: $0, option: "--backtest", printer: printer) }

            var reader = EventLogReader(
                stageOfEvent: [:], customerColumn: customerColumn, timeColumn: timeColumn, eventColumn: nil,
                skipBadRows: skipBadRows)
            reader.eventMemoryLimit = nil
            let log = try reader.readShowingProgress(path: purchases, label: "purchases", printer: printer)
            let shownName = purchases == "-" ? "<stdin>" : purchases
            let histories = try Self.histories(from: log, printer: printer)
            guard let firstDay = histories.compactMap({ $0.purchaseDays.first }).min(),
                let lastDay = histories.compactMap({ $0.purchaseDays.last }).max()
            else {
                printer.printError(
                    "\(shownName) has no purchase", help: "a purchase log has a header, then one purchase a row")
                throw ExitCode.failure
            }
            let classifiedOn = asOfDay ?? lastDay
            guard classifiedOn >= firstDay else {
                printer.printError(
                    "--as-of \(asOf ?? ""): before the first purchase in \(shownName), on \(UTCDay.text(ofDay: firstDay))",
                    help: "give a date on or after \(UTCDay.text(ofDay: firstDay))")
                throw ExitCode.failure
            }
            if let backtestEnd, backtestEnd <= classifiedOn {
                printer.printError(
                    "--backtest \(backtest ?? ""): not after the as-of date, \(UTCDay.text(ofDay: classifiedOn))",
                    help: "the backtest looks at purchases after the as-of date: give a later end")
                throw ExitCode.failure
            }
            let base = CustomerBase(histories: histories, asOf: classifiedOn, rules: rules)
            let report = CustomerReport(
                base: base, source: shownName,
                backtest: backtestEnd.map { ($0, LostBacktest.run(base, histories: histories, end: $0)) })
            switch format {
            case .table: StandardStreams.writeOutput(report.text())
            case .json: StandardStreams.writeOutput(report.json())
            }
        }

        /// Every customer's purchase days, or the error printed and exit status 1.
        private static func histories(from log: EventLog, printer: DiagnosticPrinter) throws -> [CustomerHistory] {
            do {
                return try CustomerHistory.histories(from: log)
            } catch {
                printer.printError(error.description)
                throw ExitCode.failure
            }
        }

        /// The rules from `--lost-after` and `--fan`, or the error printed and exit status 1.
        private func rules(printer: DiagnosticPrinter) throws -> RelationshipRules {
            let number = lostAfter.hasSuffix("x") ? String(lostAfter.dropLast()) : lostAfter
            guard let k = Double(number), k.isFinite, k > 0 else {
                printer.printError(
                    "--lost-after \(lostAfter): not a positive number of gaps",
                    help: "write a number such as 2x or 1.5x")
                throw ExitCode.failure
            }
            guard fan >= 2 else {
                printer.printError(
                    "--fan \(fan): a fan has at least 2 purchase days", help: "write 2 or more, such as 5")
                throw ExitCode.failure
            }
            return RelationshipRules(lostAfter: k, fanPurchaseDays: fan)
        }

        /// The day number of `text`, or the error printed and exit status 1.
        private func day(of text: String, option: String, printer: DiagnosticPrinter) throws -> Int {
            guard let day = UTCDay.day(parsing: text) else {
                printer.printError(
                    "\(option) \(text): not a date", help: "write a date as YYYY-MM-DD, such as 1997-09-30")
                throw ExitCode.failure
            }
            return day
        }
    }
}

/// How `journey customers` prints its report.
enum CustomersFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
