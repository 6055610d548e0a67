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

    /// A journey's rung stages with the reach the ladder gives them, when `--journey` named one.
    public var ladderStages: LadderStages?

    /// How many at-risk customers the table names before it says how many more there are.
    public static let atRiskShown = 10

    public init(
        base: CustomerBase, source: String, backtest: (end: Int, results: [LostBacktest])? = nil,
        survey: (scale: RecommendScale, unanswered: Int)? = nil, ladderStages: LadderStages? = nil
    ) {
        self.ladderStages = ladderStages
        self.base = base
        self.source = source
        self.backtest = backtest
        self.survey = survey
    }

    /// The share of `part` in `whole` as a percentage, or a dash for an empty whole.
    private static func share(_ part: Int, of whole: Int) -> String {
        whole > 0 ? NumberFormatting.percent(Double(part) / Double(whole)) : "–"
    }

    /// The heading, the categories, the ladder and the backtest, each line ending with a newline.
    public func text() -> String {
        let total = base.customerCount
        let gap = base.populationGap.map { "usual gap \(NumberFormatting.plain($0, maximumFractionDigits: 1)) days" }
        let rules =
            "lost after \(NumberFormatting.plain(base.rules.lostAfter)) × the usual gap, "
            + "fan from \(base.rules.fanPurchaseDays) purchase days"
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
        if let ladderStages { lines.append(contentsOf: Self.stageLines(ladderStages)) }
        if let survey { lines.append(contentsOf: recommendLines(scale: survey.scale, unanswered: survey.unanswered)) }
        if let backtest {
            lines.append(
                "Backtest: flagged lost on \(UTCDay.text(ofDay: base.asOf)), bought again by \(UTCDay.text(ofDay: backtest.end))"
            )
            var table = TextTable(
                headers: ["Customers", "Flagged lost", "Stopped buying", "Right", "Precision", "Recall"],
                alignments: [.left, .right, .right, .right, .right, .right])
            for result in backtest.results {
                table.rows.append([
                    result.population.rawValue, NumberFormatting.grouped(result.flagged),
                    NumberFormatting.grouped(result.stopped), NumberFormatting.grouped(result.truePositives),
                    result.precision.map { NumberFormatting.plain($0, maximumFractionDigits: 4) } ?? "–",
                    result.recall.map { NumberFormatting.plain($0, maximumFractionDigits: 4) } ?? "–",
                ])
            }
            lines.append(table.rendered())
        }
        return lines.joined(separator: "\n")
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
        if let backtest {
            members.append(
                (
                    "backtest",
                    .object([
                        ("end", .string(UTCDay.text(ofDay: backtest.end))),
                        (
                            "populations",
                            .array(
                                backtest.results.map { result in
                                    .object([
                                        ("customers", .string(result.population.rawValue)),
                                        ("flagged", .integer(result.flagged)),
                                        ("stopped", .integer(result.stopped)),
                                        ("truePositives", .integer(result.truePositives)),
                                        ("precision", .number(result.precision)),
                                        ("recall", .number(result.recall)),
                                    ])
                                })
                        ),
                    ])
                ))
        }
        return JSONValue.object(members).text()
    }
}
