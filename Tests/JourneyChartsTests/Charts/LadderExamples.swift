import JourneyCharts
import JourneyLanguage

/// Ladders to draw: the worked example of docs/customers.md, CDNOW's, and awkward ones.
enum LadderExamples {
    /// Figures for `counts` (customers at each rung or higher, from prospect up) and their lost customers.
    static func figures(
        _ counts: [Int], lost: [Int], source: String = "purchases.csv", notes: [String] = []
    ) -> LadderFigures {
        LadderFigures(
            rungs: zip(LadderRung.allCases, zip(counts, lost)).map {
                LadderFigures.Rung(rung: $0.0, customers: $0.1.0, lost: $0.1.1)
            },
            source: source, asOf: "1971-02-05", lostAfter: 2, fanPurchaseDays: 5, notes: notes)
    }

    /// The worked example of docs/customers.md at day 400: every rung has someone, gus and joe are lost.
    static let workedExample = figures([8, 7, 5, 2, 2, 1], lost: [2, 2, 1, 0, 0, 0])

    /// CDNOW's 23,570 customers as of 1998-06-30 with the default rules, as `journey customers` counts
    /// them: no contacts, no survey and no referrals, so prospect is tester and the top two rungs are empty.
    static let cdnow = LadderFigures(
        rungs: [
            .init(rung: .prospect, customers: 23_570, lost: 17_266),
            .init(rung: .tester, customers: 23_570, lost: 17_266),
            .init(rung: .buyer, customers: 11_516, lost: 5_212),
            .init(rung: .account, customers: 3_835, lost: 1_088),
            .init(rung: .patron, customers: 0, lost: 0),
            .init(rung: .sponsor, customers: 0, lost: 0),
        ],
        source: "CDNOW_master.csv", asOf: "1998-06-30", lostAfter: 2, fanPurchaseDays: 5,
        notes: [
            "Nobody stands on the prospect rung alone (contacted, never bought): its bar holds the customers "
                + "of the rungs above."
        ])

    /// Long numbers next to tiny ones, a rung whose every customer is lost, and empty rungs.
    static let awkward = figures(
        [1_234_567_890, 987_654_321, 12_345, 1, 1, 0], lost: [1_234_567_890, 3, 12_345, 1, 0, 0],
        source: "a purchase log with a very long name that goes on and on, from the data warehouse.csv")

    /// No customer on any rung.
    static let empty = figures([0, 0, 0, 0, 0, 0], lost: [0, 0, 0, 0, 0, 0])

    /// Every example, by name.
    static let all: [(name: String, figures: LadderFigures)] = [
        ("worked-example", workedExample), ("cdnow", cdnow), ("awkward", awkward), ("empty", empty),
    ]
}
