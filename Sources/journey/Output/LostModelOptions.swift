import ArgumentParser
import JourneyCustomers
import JourneyLanguage

/// How `journey customers` tells lost customers: by their rhythm, or by a purchase model's
/// P(alive) (`--model`, `--alive-below`, `--horizon`).
struct LostModelOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "How to tell lost customers: rhythm (idle past --lost-after gaps), or the bgnbd or mbgnbd model's P(alive).",
            valueName: "rule"))
    var model: LostModel = .rhythm

    @Option(help: "With a model: the P(alive) below which a buyer counts as lost, between 0 and 1 (default 0.5).")
    var aliveBelow: Double?

    @Option(help: "With a model: the days ahead of each customer's forecast in -o, such as 90d (default 90d).")
    var horizon: String?

    /// The days of `--horizon` (90 by default), or the error printed and exit status 1.
    ///
    /// It checks every option of the group: call it before reading the purchase log.
    func checkedHorizon(printer: DiagnosticPrinter) throws -> Int {
        if model == .rhythm {
            for (option, given) in [("--alive-below", aliveBelow != nil), ("--horizon", horizon != nil)] where given {
                printer.printError(
                    "\(option) applies to a model, and the lost rule is the rhythm", help: "add --model bgnbd or mbgnbd"
                )
                throw ExitCode.failure
            }
        }
        if let aliveBelow, !(aliveBelow > 0 && aliveBelow < 1) {
            printer.printError(
                "--alive-below \(NumberFormatting.plain(aliveBelow)): not a probability between 0 and 1",
                help: "write a number such as 0.5 or 0.3")
            throw ExitCode.failure
        }
        guard let horizon else { return 90 }
        let number = horizon.hasSuffix("d") ? String(horizon.dropLast()) : horizon
        guard let days = Int(number), days > 0, days <= 36_500 else {
            printer.printError(
                "--horizon \(horizon): not a number of days", help: "write a whole number of days, such as 90d")
            throw ExitCode.failure
        }
        return days
    }

    /// `base` classified by the model fitted to its buyers in days, or `base` itself.
    ///
    /// Under the rhythm rule nothing changes. A model that cannot be fitted prints its error
    /// and exits with status 1.
    func classify(_ base: CustomerBase, printer: DiagnosticPrinter) throws -> CustomerBase {
        let purchaseModel: PurchaseModel
        switch model {
        case .rhythm: return base
        case .bgnbd: purchaseModel = .bgnbd
        case .mbgnbd: purchaseModel = .mbgnbd
        }
        do {
            let fit = try ModelFit.fit(purchaseModel, to: SummaryGroups(base.frequencyRecencies))
            return base.classified(by: .model(fit, aliveBelow: aliveBelow ?? 0.5))
        } catch {
            printer.printError("--model \(model.rawValue): \(error.description)", help: error.help)
            throw ExitCode.failure
        }
    }
}

/// The lost rules of `journey customers --model`.
enum LostModel: String, ExpressibleByArgument, CaseIterable {
    case rhythm, bgnbd, mbgnbd
}
