import ArgumentParser
import JourneyAnalysis
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
                  journey customers --contacts contacts.csv --survey survey.csv -o customers.csv purchases.csv
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

        @Option(help: "The contacts (CSV: customer_id,contacted,referred_by).")
        var contacts: String?

        @Option(help: "The answers to the recommend question (CSV: customer_id,timestamp,score).")
        var survey: String?

        @Option(help: "The recommend question's scale: 1..10 or 0..10.")
        var recommend: String = "1..10"

        @Option(help: "The survey's column holding the scores.")
        var scoreColumn: String = "score"

        @Option(help: "The output format: table, json, or csv for one row per customer.")
        var format: CustomersFormat = .table

        @Option(name: .shortAndLong, help: "Write one row per customer to this CSV file as well.")
        var output: String?

        @Option(help: "The column holding customer ids.")
        var customerColumn: String = "customer_id"

        @Option(help: "The column holding timestamps (ISO 8601, or epoch seconds or milliseconds).")
        var timeColumn: String = "timestamp"

        @Flag(help: "Skip and count malformed rows instead of stopping at them.")
        var skipBadRows = false

        func validate() throws {
            if output == "-" {
                throw ValidationError("-o - would mix the list with the summary: pass --format csv to print the list.")
            }
        }

        func run() throws {
            let printer = DiagnosticPrinter(format: .text, usesColor: ColorChoice.auto.enabled(forDescriptor: 2))
            let rules = try self.rules(printer: printer)
            let scale = try recommendScale(printer: printer)
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
            let purchasers = Set(histories.map(\.id))
            let contactList = try contacts.map { try Self.contactList(at: $0, purchasers: purchasers, self, printer) }
            let known = purchasers.union(contactList?.contacts.map(\.id) ?? [])
            let answers = try survey.map { try Self.answers(at: $0, known: known, scale: scale, self, printer) }
            let joined = CustomerHistory.joining(
                histories, contacts: contactList, answers: answers?.latest(through: classifiedOn) ?? [:],
                asOf: classifiedOn)
            let base = CustomerBase(histories: joined, asOf: classifiedOn, rules: rules)
            if let output {
                _ = try OutputPath.write(CustomerListCSV.render(base), to: output, printer: printer)
            }
            let report = CustomerReport(
                base: base, source: shownName,
                backtest: backtestEnd.map { ($0, LostBacktest.run(base, histories: histories, end: $0)) },
                survey: answers.map { (scale, $0.unanswered) })
            switch format {
            case .table: StandardStreams.writeOutput(report.text())
            case .json: StandardStreams.writeOutput(report.json())
            case .csv: StandardStreams.writeOutput(CustomerListCSV.render(base))
            }
        }

        /// The contacts file at `path`, checked against the purchase log's customers, or its
        /// diagnostics printed and exit status 1.
        private static func contactList(
            at path: String, purchasers: Set<String>, _ command: Customers, _ printer: DiagnosticPrinter
        ) throws -> ContactList {
            let table = try table(
                at: path, columns: ContactList.columns(customerColumn: command.customerColumn), printer: printer)
            let (list, diagnostics) = ContactList.read(table)
            try finish(diagnostics + list.unknownReferrers(purchasers: purchasers), in: path, table, printer)
            return list
        }

        /// The survey file at `path`, checked against the known customers, or its diagnostics
        /// printed and exit status 1.
        private static func answers(
            at path: String, known: Set<String>, scale: RecommendScale, _ command: Customers,
            _ printer: DiagnosticPrinter
        ) throws -> SurveyAnswers {
            let columns = SurveyAnswers.columns(
                customerColumn: command.customerColumn, timeColumn: command.timeColumn,
                scoreColumn: command.scoreColumn)
            let table = try table(at: path, columns: columns, printer: printer)
            let (answers, diagnostics) = SurveyAnswers.read(table, scale: scale)
            try finish(diagnostics + answers.unknownCustomers(known: known), in: path, table, printer)
            return answers
        }

        /// The CSV file at `path`, read whole with `columns`, or the error printed and exit status 1.
        private static func table(
            at path: String, columns: [CSVTable.Column], printer: DiagnosticPrinter
        ) throws -> CSVTable {
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.read(path)
            } catch {
                printer.printError(error.description)
                throw ExitCode.failure
            }
            let (table, diagnostics) = CSVTable.read(bytes: bytes, columns: columns)
            try finish(diagnostics, in: path, table, printer)
            return table
        }

        /// How many diagnostics of a contacts or survey file are printed one by one.
        static let shownDiagnostics = 20

        /// Prints `diagnostics` of the file at `path`; when one is an error, the summary too and
        /// exit status 1.
        private static func finish(
            _ diagnostics: [Diagnostic], in path: String, _ table: CSVTable, _ printer: DiagnosticPrinter
        ) throws {
            let sorted = diagnostics.sortedByLocation()
            // A file of another shape can be wrong on every row: the first screenful is enough.
            let shown = Array(sorted.prefix(Self.shownDiagnostics))
            printer.print(shown, fileName: path) { table.lineText($0) }
            if sorted.count > shown.count {
                printer.printError(
                    "\(path): \(sorted.count - shown.count) more problems after these",
                    help: "fix the first ones and run again; a file in the wrong place or shape shows this")
            }
            if sorted.containsErrors {
                printer.finish(DiagnosticReport(diagnostics: sorted.map { .init(file: path, diagnostic: $0) }))
                throw ExitCode.failure
            }
        }

        /// The scale of `--recommend`, or the error printed and exit status 1.
        private func recommendScale(printer: DiagnosticPrinter) throws -> RecommendScale {
            switch recommend {
            case "1..10": if let scale = RecommendScale(lowest: 1) { return scale }
            case "0..10": if let scale = RecommendScale(lowest: 0) { return scale }
            default: break
            }
            printer.printError(
                "--recommend \(recommend): not a scale of the recommend question", help: "write 1..10 or 0..10")
            throw ExitCode.failure
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
    case table, json, csv
}
