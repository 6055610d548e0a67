import JourneyAnalysis
import JourneyLanguage

/// One row per customer, for a spreadsheet or a mailing tool: `journey customers -o FILE.csv`.
public enum CustomerListCSV {
    /// The header row's columns, in order.
    public static let columns = [
        "customer_id", "category", "rung", "purchase_days", "idle_days", "own_gap_days", "lost", "recommend",
        "reason",
    ]

    /// The customers of `base`, sorted by id, as CSV with CRLF line endings (RFC 4180).
    ///
    /// Empty fields: `rung` for someone on no rung, `idle_days` and `own_gap_days` when there is
    /// no purchase or no gap, `recommend` without an answer, `reason` without a purchase.
    public static func render(_ base: CustomerBase) -> String {
        var lines = [columns.joined(separator: ",")]
        lines.reserveCapacity(base.standings.count + 1)
        for standing in base.standings {
            let fields = [
                standing.id, standing.category.rawValue, standing.rung?.rawValue ?? "", String(standing.purchaseDays),
                standing.idleDays.map(String.init) ?? "",
                standing.ownGap.map { NumberFormatting.plain($0, maximumFractionDigits: 1) } ?? "",
                standing.isLost ? "yes" : "no", standing.recommendAnswer.map(String.init) ?? "", standing.reason,
            ]
            lines.append(fields.map(MetricsCSVReport.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
