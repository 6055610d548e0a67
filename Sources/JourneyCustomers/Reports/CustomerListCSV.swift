import JourneyAnalysis
import JourneyLanguage

/// One row per customer, for a spreadsheet or a mailing tool: `journey customers -o FILE.csv`.
public enum CustomerListCSV {
    /// The header row's columns, in order.
    public static let columns = [
        "customer_id", "category", "rung", "purchase_days", "idle_days", "own_gap_days", "lost", "recommend",
        "reason",
    ]

    /// The columns a model adds, for a horizon of `horizon` days: `p_alive`,
    /// `expected_purchases_90d`, `p_purchase_90d`.
    public static func modelColumns(horizon: Int) -> [String] {
        ["p_alive", "expected_purchases_\(horizon)d", "p_purchase_\(horizon)d"]
    }

    /// The customers of `base`, sorted by id, as CSV with CRLF line endings (RFC 4180).
    ///
    /// Empty fields: `rung` for someone on no rung, `idle_days` and `own_gap_days` when there is
    /// no purchase or no gap, `recommend` without an answer, `reason` without a purchase. When
    /// `base` tells lost customers by a model, three columns follow: the probability that the
    /// customer is alive, the purchase days expected in the next `horizon` days and the
    /// probability of at least one, each with six decimals and empty without a purchase.
    ///
    /// The text is appended field by field to one string: a list of a million customers is
    /// written in one pass, without an array per row.
    public static func render(_ base: CustomerBase, horizon: Int = 90) -> String {
        let fit = base.lostRule.fit
        var text = (columns + (fit == nil ? [] : modelColumns(horizon: horizon))).joined(separator: ",")
        text += "\r\n"
        let standings = base.standings
        text.reserveCapacity(text.utf8.count + standings.count * (fit == nil ? 80 : 112))
        // Customers with the same summary have the same forecast: its fields are written once.
        var written: [FrequencyRecency: String] = [:]
        for standing in standings {
            // Only the id and the reason can hold a comma or a quote; the other fields are words or numbers.
            text += MetricsCSVReport.quoted(standing.id)
            text += ","
            text += standing.category.rawValue
            text += ","
            text += standing.rung?.rawValue ?? ""
            text += ","
            text += String(standing.purchaseDays)
            text += ","
            if let idleDays = standing.idleDays { text += String(idleDays) }
            text += ","
            if let ownGap = standing.ownGap { text += NumberFormatting.plain(ownGap, maximumFractionDigits: 1) }
            text += standing.isLost ? ",yes," : ",no,"
            if let answer = standing.recommendAnswer { text += String(answer) }
            text += ","
            text += MetricsCSVReport.quoted(standing.reason)
            if let fit {
                if let summary = standing.frequencyRecency, let known = written[summary] {
                    text += known
                } else if let summary = standing.frequencyRecency {
                    let forecast = CustomerForecast(summary, fit: fit, horizon: horizon)
                    let numbers = [forecast.aliveProbability, forecast.expectedPurchases, forecast.purchaseProbability]
                    let fields = "," + numbers.map { NumberFormatting.plain($0) }.joined(separator: ",")
                    written[summary] = fields
                    text += fields
                } else {
                    text += ",,,"
                }
            }
            text += "\r\n"
        }
        return text
    }
}
