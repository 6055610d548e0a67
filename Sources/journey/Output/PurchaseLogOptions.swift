import ArgumentParser
import JourneyCustomers
import JourneyEvents
import JourneyLanguage

/// How to classify the customers of a purchase log: the date and rules (`--as-of`,
/// `--lost-after`, `--fan`) and the side files (`--contacts`, `--survey` and their options).
///
/// `journey customers`, `render` and `report` share it, so that the ladder drawn is the ladder
/// `journey customers` prints. Each command names the log its own way (an argument, or
/// `--purchases`) and gives the column options it shares with the log.
struct PurchaseLogOptions: ParsableArguments {
    @Option(help: "The date to classify at, YYYY-MM-DD (default: the last purchase day in the log).")
    var asOf: String?

    @Option(
        help: ArgumentHelp(
            "How many of a customer's usual gaps they may stay idle before they count as lost, such as 2x.",
            discussion: "Default: the journey's customers block, else 2x."))
    var lostAfter: String?

    @Option(
        help: ArgumentHelp(
            "The purchase days that make a fan (2 or more).",
            discussion: "Default: the journey's customers block, else 5."))
    var fan: Int?

    @Option(help: "The contacts (CSV: customer_id,contacted,referred_by).", completion: .file(extensions: ["csv"]))
    var contacts: String?

    @Option(
        help: "The answers to the recommend question (CSV: customer_id,timestamp,score).",
        completion: .file(extensions: ["csv"]))
    var survey: String?

    @Option(
        help: ArgumentHelp(
            "The recommend question's scale: 1..10 or 0..10.",
            discussion: "Default: the journey's customers block, else 1..10."))
    var recommend: String?

    @Option(help: "The survey's column holding the scores.")
    var scoreColumn: String = "score"

    /// The customers of the purchase log at `path` (`-` is standard input), joined with the
    /// contacts and survey answers and classified at `--as-of` or the last purchase day; or the
    /// error printed and exit status 1.
    ///
    /// The options are checked before any file is read. A log without purchases, an as-of date
    /// before the first purchase, and any error in a side file stop the command. With
    /// `backtestEnd` (days since 1970-01-01), each customer's summary says whether they bought
    /// after the as-of date up to it, for `LostBacktest.run(_:)`.
    /// - Parameters:
    ///   - customerColumn: the column of customer ids, in the log and the side files.
    ///   - timeColumn: the column of timestamps, in the log and the survey.
    ///   - defaults: the rules an option not given falls back to: a journey's `customers` block,
    ///     or the standard ones.
    func classify(
        path: String, customerColumn: String, timeColumn: String, skipBadRows: Bool,
        defaults: RelationshipRules = RelationshipRules(), backtestEnd: Int? = nil, printer: DiagnosticPrinter
    ) throws -> ClassifiedPurchases {
        let rules = try self.rules(defaults: defaults, printer: printer)
        let scale = rules.recommendScale
        let asOfDay = try asOf.map { try Self.day(of: $0, option: "--as-of", printer: printer) }

        // The events are spilled past the reader's default memory limit and summed up a
        // partition of customers at a time: memory grows with the customers, not the rows.
        let reader = EventLogReader(
            stageOfEvent: [:], customerColumn: customerColumn, timeColumn: timeColumn, eventColumn: nil,
            skipBadRows: skipBadRows)
        let log = try reader.readShowingProgress(path: path, label: "purchases", printer: printer)
        let shownName = path == "-" ? "<stdin>" : path
        let purchases: PurchaseSummaries
        do {
            purchases = try PurchaseSummaries(log: log, asOf: asOfDay, backtestEnd: backtestEnd)
        } catch {
            printer.printError(error.description)
            throw ExitCode.failure
        }
        guard let firstDay = purchases.firstDay, let lastDay = purchases.lastDay else {
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

        var contactList: ContactList?
        var answers: SurveyAnswers?
        if contacts != nil || survey != nil {
            let purchasers = Set(purchases.customers)
            contactList = try contacts.map {
                try CustomerSideFiles.contactList(
                    at: $0, purchasers: purchasers, customerColumn: customerColumn, printer: printer)
            }
            let known = purchasers.union(contactList?.contacts.map(\.id) ?? [])
            answers = try survey.map {
                try CustomerSideFiles.answers(
                    at: $0, known: known, scale: scale,
                    columns: SurveyAnswers.columns(
                        customerColumn: customerColumn, timeColumn: timeColumn, scoreColumn: scoreColumn),
                    printer: printer)
            }
        }
        let base = CustomerBase(
            purchases: purchases, asOf: classifiedOn, rules: rules, contacts: contactList,
            answers: answers?.latest(through: classifiedOn) ?? [:])
        return ClassifiedPurchases(
            base: base, source: shownName, contacts: contactList, survey: answers.map { (scale, $0) })
    }

    /// The rules from `--lost-after`, `--fan` and `--recommend`, each falling back to `defaults`;
    /// or the error printed and exit status 1.
    private func rules(defaults: RelationshipRules, printer: DiagnosticPrinter) throws -> RelationshipRules {
        var rules = defaults
        if let lostAfter {
            let number = lostAfter.hasSuffix("x") ? String(lostAfter.dropLast()) : lostAfter
            guard let k = Double(number), k.isFinite, k > 0 else {
                printer.printError(
                    "--lost-after \(lostAfter): not a positive number of gaps",
                    help: "write a number such as 2x or 1.5x")
                throw ExitCode.failure
            }
            rules.lostAfter = k
        }
        if let fan {
            guard fan >= 2 else {
                printer.printError(
                    "--fan \(fan): a fan has at least 2 purchase days", help: "write 2 or more, such as 5")
                throw ExitCode.failure
            }
            rules.fanPurchaseDays = fan
        }
        if let recommend {
            guard let scale = RecommendScale(parsing: recommend) else {
                printer.printError(
                    "--recommend \(recommend): not a scale of the recommend question", help: "write 1..10 or 0..10")
                throw ExitCode.failure
            }
            rules.recommendScale = scale
        }
        return rules
    }

    /// The day number of `text`, given with `option`, or the error printed and exit status 1.
    static func day(of text: String, option: String, printer: DiagnosticPrinter) throws -> Int {
        guard let day = UTCDay.day(parsing: text) else {
            printer.printError(
                "\(option) \(text): not a date", help: "write a date as YYYY-MM-DD, such as 1997-09-30")
            throw ExitCode.failure
        }
        return day
    }
}
