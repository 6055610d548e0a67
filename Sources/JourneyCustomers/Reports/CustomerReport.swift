import Foundation
import JourneyAnalysis
import JourneyLanguage

/// A customer base as a person reads it (tables) or a program does (JSON).
public struct CustomerReport: Sendable {
    public var base: CustomerBase
    /// The purchase log's name, for the heading.
    public var source: String
    /// The backtest, when one was asked for, and its end day.
    public var backtest: (end: Int, results: [LostBacktest])?
    /// The recommend question's scale and the rows left unanswered, when a survey was read.
    public var survey: (scale: RecommendScale, unanswered: Int)?
    /// The days after the as-of date that a model's forecasts cover.
    public var horizon: Int
    /// With a model and a backtest: the rhythm rule's backtest beside the model's, and the
    /// purchase days the model expected against those that happened.
    public var modelBacktest: (rhythm: [LostBacktest], forecast: ForecastBacktest)?

    /// A journey's rung stages with the reach the ladder gives them, when `--journey` named one.
    public var ladderStages: LadderStages?

    /// How many at-risk customers the table names before it says how many more there are.
    public static let atRiskShown = 10

    public init(
        base: CustomerBase, source: String, backtest: (end: Int, results: [LostBacktest])? = nil,
        survey: (scale: RecommendScale, unanswered: Int)? = nil, ladderStages: LadderStages? = nil,
        horizon: Int = 90, modelBacktest: (rhythm: [LostBacktest], forecast: ForecastBacktest)? = nil
    ) {
        self.ladderStages = ladderStages
        self.base = base
        self.source = source
        self.backtest = backtest
        self.survey = survey
        self.horizon = horizon
        self.modelBacktest = modelBacktest
    }

    /// The share of `part` in `whole` as a percentage, or a dash for an empty whole.
    private static func share(_ part: Int, of whole: Int) -> String {
        whole > 0 ? NumberFormatting.percent(Double(part) / Double(whole)) : "–"
    }

    /// The heading, the categories, the ladder and the backtest, each line ending with a newline.
    public func text() -> String {
        let total = base.customerCount
        let gap = base.populationGap.map { "usual gap \(NumberFormatting.plain($0, maximumFractionDigits: 1)) days" }
        let lost =
            switch base.lostRule {
            case .rhythm: "lost after \(NumberFormatting.plain(base.rules.lostAfter)) × the usual gap"
            case .model(let fit, let threshold):
                "lost when P(alive) < \(NumberFormatting.plain(threshold)) (\(fit.model.name))"
            }
        let rules = "\(lost), fan from \(base.rules.fanPurchaseDays) purchase days"
        var lines = [
            "Customers of \(source) as of \(UTCDay.text(ofDay: base.asOf))",
            "\(NumberFormatting.grouped(total)) customers; \(gap ?? "no customer has two purchase days yet"); \(rules)",
            "",
        ]
        var categories = TextTable(headers: ["Category", "Customers", "Share"], alignments: [.left, .right, .right])
        for (category, count) in base.categoryCounts {
            categories.rows.append([category.rawValue, NumberFormatting.grouped(count), Self.share(count, of: total)])
        }
        lines.append(categories.rendered())
        var ladder = TextTable(
            headers: ["Rung", "At it or higher", "Of the rung below", "Lost"],
            alignments: [.left, .right, .right, .right])
        var below: Int?
        for (rung, count, lost) in base.customersAtOrAbove {
            ladder.rows.append([
                rung.rawValue, NumberFormatting.grouped(count), below.map { Self.share(count, of: $0) } ?? "",
                Self.share(lost, of: count),
            ])
            below = count
        }
        lines.append(ladder.rendered())
        if let fit = base.lostRule.fit { lines.append(contentsOf: modelLines(fit)) }
        if let ladderStages { lines.append(contentsOf: Self.stageLines(ladderStages)) }
        if let survey { lines.append(contentsOf: recommendLines(scale: survey.scale, unanswered: survey.unanswered)) }
        if let backtest {
            lines.append(
                "Backtest: flagged lost on \(UTCDay.text(ofDay: base.asOf)), bought again by \(UTCDay.text(ofDay: backtest.end))"
            )
            lines.append(contentsOf: backtestLines(backtest.results, end: backtest.end))
        }
        return lines.joined(separator: "\n")
    }

    /// The backtest table, with the rhythm rule's rows beside a model's, and the model's
    /// expected purchase days against the actual ones; a blank line after each.
    private func backtestLines(_ results: [LostBacktest], end: Int) -> [String] {
        let compared = modelBacktest.map { comparison in
            [(ruleWords, results), ("idle > \(NumberFormatting.plain(base.rules.lostAfter)) × gap", comparison.rhythm)]
        }
        var table = TextTable(
            headers: (compared == nil ? [] : ["Rule"])
                + ["Customers", "Flagged lost", "Stopped buying", "Right", "Precision", "Recall"],
            alignments: (compared == nil ? [] : [.left]) + [.left, .right, .right, .right, .right, .right])
        for (rule, results) in compared ?? [("", results)] {
            for result in results {
                table.rows.append(
                    (compared == nil ? [] : [rule]) + [
                        result.population.rawValue, NumberFormatting.grouped(result.flagged),
                        NumberFormatting.grouped(result.stopped), NumberFormatting.grouped(result.truePositives),
                        result.precision.map { NumberFormatting.plain($0, maximumFractionDigits: 4) } ?? "–",
                        result.recall.map { NumberFormatting.plain($0, maximumFractionDigits: 4) } ?? "–",
                    ])
            }
        }
        var lines = [table.rendered()]
        if let forecast = modelBacktest?.forecast, let fit = base.lostRule.fit {
            let difference = forecast.error.map { error in
                " (" + (error > 0 ? "+" : "") + NumberFormatting.percent(error) + ")"
            }
            lines.append(
                "Purchase days from \(UTCDay.text(ofDay: base.asOf + 1)) to \(UTCDay.text(ofDay: end)): "
                    + "\(Self.grouped(forecast.expected)) expected by \(fit.model.name), "
                    + "\(NumberFormatting.grouped(forecast.actual)) bought\(difference ?? "")")
            lines.append("")
        }
        return lines
    }

    /// The model's lost rule in the backtest table: `P(alive) < 0.5`.
    private var ruleWords: String {
        guard case .model(_, let threshold) = base.lostRule else { return "" }
        return "P(alive) < \(NumberFormatting.plain(threshold))"
    }

    /// The fitted model: its parameters, how well it converged, what they mean, and what it
    /// expects over the horizon; a blank line after.
    private func modelLines(_ fit: ModelFit) -> [String] {
        let parameters = fit.parameters
        let tolerance = ScientificNotation.text(ModelFit.gradientTolerance, digits: 0)
        let convergence =
            "converged in \(fit.iterations) iterations (gradient \(ScientificNotation.text(fit.gradient, digits: 1)), within \(tolerance))"
        let perYear = NumberFormatting.plain(365 * parameters.r / parameters.alpha, maximumFractionDigits: 1)
        let leaving = NumberFormatting.percent(parameters.a / (parameters.a + parameters.b))
        let after = fit.model == .bgnbd ? "each repeat purchase" : "each purchase"
        let (expected, buyers) = CustomerForecast.totals(of: base, horizon: horizon) ?? (0, 0)
        return [
            "\(fit.model.name) fitted in days to \(NumberFormatting.grouped(fit.customers)) buyers "
                + "(\(NumberFormatting.grouped(fit.distinctSummaries)) distinct histories): \(convergence)",
            "r \(Self.decimals(parameters.r)), alpha \(Self.decimals(parameters.alpha)) days, "
                + "a \(Self.decimals(parameters.a)), b \(Self.decimals(parameters.b)); "
                + "log-likelihood \(NumberFormatting.plain(fit.logLikelihood, maximumFractionDigits: 2))",
            "While alive, a customer buys \(perYear) times a year on average (365 r / alpha); "
                + "after \(after), \(leaving) leave for good on average (a / (a + b))",
            "Next \(horizon) days: \(Self.grouped(expected)) purchase days expected, "
                + "\(Self.grouped(buyers)) buyers expected to buy at least once",
            "",
        ]
    }

    /// A number with one decimal and its thousands grouped: `16,873.7`.
    private static func grouped(_ value: Double) -> String {
        let text = NumberFormatting.plain(value, maximumFractionDigits: 1)
        let parts = text.split(separator: ".", maxSplits: 1)
        guard let whole = Int(parts[0]) else { return text }
        return NumberFormatting.grouped(whole) + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A parameter with four decimals, or four significant digits when it is smaller than 0.1.
    private static func decimals(_ value: Double) -> String {
        value >= 0.1
            ? NumberFormatting.plain(value, maximumFractionDigits: 4) : ScientificNotation.text(value, digits: 3)
    }

    /// The recommend question's score and the customers at risk, with a blank line after each.
    private func recommendLines(scale: RecommendScale, unanswered: Int) -> [String] {
        let score = base.recommendScore
        let skipped =
            unanswered == 0
            ? ""
            : unanswered == 1
                ? "; 1 row without a score left out"
                : "; \(NumberFormatting.grouped(unanswered)) rows without a score left out"
        var lines = [
            "Recommend question (\(scale.lowest)..\(scale.highest)): \(answers(score.answers)), the latest per customer\(skipped)"
        ]
        if let nps = score.netPromoterScore, let error = score.standardError {
            let signed = (nps > 0 ? "+" : "") + NumberFormatting.plain(nps, maximumFractionDigits: 1)
            lines.append(
                "NPS \(signed) (standard error \(NumberFormatting.plain(error, maximumFractionDigits: 1)) points)"
                    + (score.isSmallSample ? "; a small sample, under \(RecommendScore.smallSample) answers" : ""))
            var table = TextTable(headers: ["Answer", "Customers", "Share"], alignments: [.left, .right, .right])
            for (name, count) in [
                ("promoters (9–10)", score.promoters), ("passives (7–8)", score.passives),
                ("detractors (\(scale.lowest)–6)", score.detractors),
            ] {
                table.rows.append([name, NumberFormatting.grouped(count), Self.share(count, of: score.answers)])
            }
            lines.append(table.rendered())
        } else {
            lines.append("")
        }
        let atRisk = base.customersAtRisk
        if atRisk.isEmpty {
            lines.append("At risk: no client or fan is a detractor")
        } else {
            let named = atRisk.prefix(Self.atRiskShown).map(\.id).joined(separator: ", ")
            let more =
                atRisk.count > Self.atRiskShown
                ? " and \(NumberFormatting.grouped(atRisk.count - Self.atRiskShown)) more (-o lists them all)" : ""
            let who =
                atRisk.count == 1
                ? "1 client or fan is a detractor"
                : "\(NumberFormatting.grouped(atRisk.count)) clients and fans are detractors"
            lines.append("At risk: \(who): \(named)\(more)")
        }
        lines.append("")
        return lines
    }

    /// The rung stages of a journey with their reach in the file and from the ladder.
    private static func stageLines(_ stages: LadderStages) -> [String] {
        guard !stages.rows.isEmpty else {
            return [
                "\(stages.file) has no stage with a rung: add `rung buyer` (say) to a stage after the purchase", "",
            ]
        }
        var table = TextTable(
            headers: ["Stage", "Rung", "Reach in the file", "At the rung or higher"],
            alignments: [.left, .left, .right, .right])
        for row in stages.rows {
            table.rows.append([
                row.stage, row.rung.rawValue, row.writtenReach.map(NumberFormatting.grouped) ?? "",
                NumberFormatting.grouped(row.measuredReach),
            ])
        }
        return ["Rung stages of \(stages.file)", table.rendered()]
    }

    private func answers(_ count: Int) -> String {
        count == 1 ? "1 answer" : "\(NumberFormatting.grouped(count)) answers"
    }

    /// The report as pretty-printed JSON, ending with a newline; the same input gives the same bytes.
    public func json() -> String {
        var members: [(String, JSONValue)] = [
            ("source", .string(source)),
            ("asOf", .string(UTCDay.text(ofDay: base.asOf))),
            ("lostAfter", .number(base.rules.lostAfter)),
            ("fanPurchaseDays", .integer(base.rules.fanPurchaseDays)),
            ("populationGapDays", .number(base.populationGap)),
            ("customers", .integer(base.customerCount)),
            (
                "categories",
                .object(base.categoryCounts.map { ($0.category.rawValue, JSONValue.integer($0.count)) })
            ),
            (
                "ladder",
                .array(
                    base.customersAtOrAbove.map { rung, count, lost in
                        .object([
                            ("rung", .string(rung.rawValue)), ("atOrAbove", .integer(count)), ("lost", .integer(lost)),
                        ])
                    })
            ),
        ]
        if let ladderStages {
            members.append(
                (
                    "stages",
                    .array(
                        ladderStages.rows.map { row in
                            .object([
                                ("stage", .string(row.stage)), ("rung", .string(row.rung.rawValue)),
                                ("reachInFile", row.writtenReach.map(JSONValue.integer) ?? .null),
                                ("atOrAbove", .integer(row.measuredReach)),
                            ])
                        })
                ))
        }
        if let survey {
            let score = base.recommendScore
            members.append(
                (
                    "recommend",
                    .object([
                        ("scale", .string("\(survey.scale.lowest)..\(survey.scale.highest)")),
                        ("answers", .integer(score.answers)),
                        ("unanswered", .integer(survey.unanswered)),
                        ("promoters", .integer(score.promoters)),
                        ("passives", .integer(score.passives)),
                        ("detractors", .integer(score.detractors)),
                        ("netPromoterScore", .number(score.netPromoterScore)),
                        ("standardError", .number(score.standardError)),
                        ("smallSample", .bool(score.isSmallSample)),
                        ("atRisk", .array(base.customersAtRisk.map { .string($0.id) })),
                    ])
                ))
        }
        if let fit = base.lostRule.fit {
            members.insert(("model", modelJSON(fit)), at: members.firstIndex { $0.0 == "customers" }!)
        }
        if let backtest {
            var backtestMembers: [(String, JSONValue)] = [
                ("end", .string(UTCDay.text(ofDay: backtest.end))),
                ("populations", Self.json(backtest.results)),
            ]
            if let modelBacktest {
                backtestMembers += [
                    ("rhythmPopulations", Self.json(modelBacktest.rhythm)),
                    ("expectedPurchases", .number(modelBacktest.forecast.expected)),
                    ("actualPurchases", .integer(modelBacktest.forecast.actual)),
                ]
            }
            members.append(("backtest", .object(backtestMembers)))
        }
        return JSONValue.object(members).text()
    }

    /// The results of a backtest, one object per population.
    private static func json(_ results: [LostBacktest]) -> JSONValue {
        .array(
            results.map { result in
                .object([
                    ("customers", .string(result.population.rawValue)),
                    ("flagged", .integer(result.flagged)),
                    ("stopped", .integer(result.stopped)),
                    ("truePositives", .integer(result.truePositives)),
                    ("precision", .number(result.precision)),
                    ("recall", .number(result.recall)),
                ])
            })
    }

    /// The fitted model: parameters and log-likelihood with every digit, convergence, and the
    /// totals expected over the horizon.
    private func modelJSON(_ fit: ModelFit) -> JSONValue {
        guard case .model(_, let threshold) = base.lostRule else { return .null }
        let (expected, buyers) = CustomerForecast.totals(of: base, horizon: horizon) ?? (0, 0)
        return .object([
            ("name", .string(fit.model.name)),
            ("aliveBelow", .number(threshold)),
            ("timeUnit", .string("day")),
            (
                "parameters",
                .object([
                    ("r", .exactNumber(fit.parameters.r)), ("alpha", .exactNumber(fit.parameters.alpha)),
                    ("a", .exactNumber(fit.parameters.a)), ("b", .exactNumber(fit.parameters.b)),
                ])
            ),
            ("logLikelihood", .exactNumber(fit.logLikelihood)),
            ("iterations", .integer(fit.iterations)),
            ("gradient", .exactNumber(fit.gradient)),
            ("gradientTolerance", .exactNumber(ModelFit.gradientTolerance)),
            ("customers", .integer(fit.customers)),
            ("distinctSummaries", .integer(fit.distinctSummaries)),
            ("horizonDays", .integer(horizon)),
            ("expectedPurchases", .number(expected)),
            ("expectedBuyers", .number(buyers)),
        ])
    }
}
