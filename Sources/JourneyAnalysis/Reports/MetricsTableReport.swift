import JourneyLanguage

/// `journey metrics --format table`: a table per stage and a short verdict, for a terminal,
/// then the partners' levels when the journey rates any.
public enum MetricsTableReport {
    /// The report for `metrics`, ending with a newline, in at most `width` columns (100 by
    /// default): the table split to fit (`TextTable.rendered(width:)`), the paragraphs wrapped.
    public static func render(_ metrics: FunnelMetrics, width: Int = 100) -> String {
        var table = TextTable(
            headers: [
                "Stage", "Reach", "Conversion", "Target", "Drop-off", "Experience", "Pains",
                "Influence", "Measurement", "Control",
            ],
            alignments: [.left, .right, .right, .right, .right, .left, .right, .right, .right, .right])
        // Split, the funnel, the experience and the control stay together.
        table.groupStarts = [5, 7]
        for stage in metrics.stages {
            table.rows.append([
                stage.name,
                NumberFormatting.grouped(stage.reach),
                stage.shownConversion ?? "–",
                stage.target.map { NumberFormatting.percent($0) } ?? "–",
                stage.dropOff.map(NumberFormatting.grouped) ?? "–",
                stage.experience.map(describe) ?? "–",
                String(stage.painPoints),
                NumberFormatting.percent(stage.control.influence),
                NumberFormatting.percent(stage.control.measurement),
                NumberFormatting.percent(stage.control.control),
            ])
        }
        var text = wrapped(metrics.journeyName, width: width) + "\n\n" + table.rendered(width: width) + "\n"
        text += wrapped(legend, width: width) + "\n"
        text += "\n" + wrapped(verdict(metrics), width: width) + "\n"
        text += partners(metrics.partners, width: width)
        return text
    }

    /// What the table's experience and control columns hold.
    static let legend =
        "Experience: mean score (lowest to highest). Control: the mean of influence (owned media 100%, "
        + "paid and partner 50%, earned 0%) and measurement (share of touchpoints measured)."

    /// The partners rated with `vcp` and their levels, after a blank line, in at most `width`
    /// columns; empty without any.
    static func partners(_ portfolio: PartnerPortfolio, width: Int = 100) -> String {
        guard let summary = portfolio.summary else { return "" }
        var table = TextTable(
            headers: ["Partner", "Media", "Ours", "Theirs", "Level"],
            alignments: [.left, .left, .left, .left, .left])
        for partner in portfolio.partners {
            table.rows.append([
                partner.channel, partner.media.rawValue, partner.standing.ours.rawValue,
                partner.standing.theirs?.rawValue ?? "–", partner.level.rawValue,
            ])
        }
        var text = "\n" + table.rendered(width: width)
        text += wrapped(
            "Level: the lower of our view and theirs (visibility < credibility < profitability).", width: width)
        text += "\n" + wrapped(summary, width: width) + "\n"
        if let recommendation = portfolio.recommendation {
            text += wrapped(recommendation, width: width) + "\n"
        }
        return text
    }

    /// One paragraph naming the weakest stage, what it is worth and how sure that is.
    public static func verdict(_ metrics: FunnelMetrics) -> String {
        guard let weakest = metrics.weakest else {
            return "A funnel needs two stages or more for a weakest stage."
        }
        var text = "Weakest stage: \(weakest.name). \(weakest.reason)"
        if let worth = WeakestStageReport.worth(weakest, metrics: metrics) {
            text += " " + worth
        }
        if let confidence = WeakestStageReport.confidence(weakest, metrics: metrics) {
            text += " " + confidence
        }
        if let nearTie = WeakestStageReport.nearTie(weakest) {
            text += " " + nearTie
        }
        return text
    }

    /// `text` broken at spaces into lines of at most `width` characters (longer words stay whole).
    static func wrapped(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    private static func describe(_ experience: Experience) -> String {
        "\(signed(experience.mean)) (\(signed(experience.lowest)) to \(signed(experience.highest)))"
    }

    package static func signed(_ score: Double) -> String {
        let text = NumberFormatting.plain(score, maximumFractionDigits: 1)
        return score > 0 && text != "0" ? "+" + text : text
    }
}
