import JourneyCharts
import JourneyCustomers

extension LadderFigures {
    /// The ladder of `purchases`, as `journey customers` counts it, with notes on the rungs that
    /// a missing side file leaves empty or hollow.
    init(_ purchases: ClassifiedPurchases) {
        let base = purchases.base
        let rungs = base.customersAtOrAbove.map { Rung(rung: $0.rung, customers: $0.count, lost: $0.lost) }
        var notes: [String] = []
        if purchases.contacts == nil {
            notes.append(
                "Without contacts (--contacts), nobody stands on the prospect rung alone and nobody is a sponsor: "
                    + "the prospect bar holds the customers of the rungs above.")
        } else if rungs.count > 1, rungs[0].rung == .prospect, rungs[0].customers == rungs[1].customers {
            notes.append("Nobody stands on the prospect rung alone: every contact has bought.")
        }
        if purchases.survey == nil {
            notes.append("Without survey answers (--survey), nobody is a patron.")
        }
        self.init(
            // The file's name, not its path: a chart's title is read on a slide, far from the folder.
            rungs: rungs, source: purchases.source.split(separator: "/").last.map(String.init) ?? purchases.source,
            asOf: UTCDay.text(ofDay: base.asOf),
            lostAfter: base.rules.lostAfter, fanPurchaseDays: base.rules.fanPurchaseDays, notes: notes)
    }
}
