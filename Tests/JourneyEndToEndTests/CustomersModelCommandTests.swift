import Foundation
import Testing

/// `journey customers --model`, run as a user runs it, from a temporary working folder.
@Suite("journey customers --model")
struct CustomersModelCommandTests {
    /// 300 customers who buy at rates of their own and leave after a purchase with chances of
    /// their own, from a fixed seed: first purchases in January 2024, purchases to the end of
    /// 2024, as epoch seconds.
    static let purchases: String = {
        var state: UInt64 = 11
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / 9_007_199_254_740_992
        }
        let start = 19_723  // 2024-01-01
        var rows = ["customer_id,timestamp"]
        for customer in 1...300 {
            let rate = -log(uniform()) / 30
            let leaving = 0.4 * uniform()
            var time = 31 * uniform()
            while time < 366 {
                rows.append("c\(customer),\((start + Int(time)) * 86_400 + 3600)")
                if rows.count > 1, uniform() < leaving { break }
                time += -log(uniform()) / rate
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }()

    @Test("the report names the model, its fit and the rhythm rule's backtest beside the model's")
    func table() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.purchases, to: "purchases.csv")
            let result = try runJourney(
                [
                    "customers", "--model", "bgnbd", "--as-of", "2024-09-30", "--backtest", "2024-12-31",
                    "purchases.csv",
                ],
                currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr == "")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(
                lines[1].hasPrefix("300 customers; usual gap ")
                    && lines[1].hasSuffix("; lost when P(alive) < 0.5 (BG/NBD), fan from 5 purchase days"),
                "\(result)")
            #expect(lines.contains { $0.hasPrefix("BG/NBD fitted in days to 300 buyers (") }, "\(result)")
            #expect(lines.contains { $0.contains("converged in ") && $0.contains("within 1e-9)") }, "\(result)")
            #expect(
                lines.contains { $0.hasPrefix("r ") && $0.contains(" days, a ") && $0.contains("; log-likelihood -") })
            #expect(
                lines.contains {
                    $0.hasPrefix("Next 90 days: ") && $0.hasSuffix(" buyers expected to buy at least once")
                })
            #expect(
                lines.contains {
                    $0.hasPrefix("Rule            Customers      Flagged lost  Stopped buying")
                })
            for rule in ["P(alive) < 0.5", "idle > 2 × gap"] {
                for population in ["all buyers", "repeat buyers"] {
                    #expect(lines.contains { $0.hasPrefix("\(rule)  \(population) ") }, "\(rule), \(population)")
                }
            }
            #expect(
                lines.contains {
                    $0.hasPrefix("Purchase days from 2024-10-01 to 2024-12-31: ")
                        && $0.contains(" expected by BG/NBD, ")
                }, "\(result)")
        }
    }

    @Test(
        "-o adds P(alive), the expected purchases and the chance of one in the horizon; MBG/NBD can lose a one-time buyer"
    )
    func list() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.purchases, to: "purchases.csv")
            let result = try runJourney(
                [
                    "customers", "--model", "mbgnbd", "--alive-below", "0.6", "--horizon", "30d", "-o", "list.csv",
                    "purchases.csv",
                ],
                currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            let list = try String(contentsOf: folder.appendingPathComponent("list.csv"), encoding: .utf8)
            let rows = list.split(separator: "\r\n").map(String.init)
            #expect(
                rows[0]
                    == "customer_id,category,rung,purchase_days,idle_days,own_gap_days,lost,recommend,reason,"
                    + "p_alive,expected_purchases_30d,p_purchase_30d")
            #expect(rows.count == 301)
            for row in rows.dropFirst() {
                let fields = row.split(separator: ",", omittingEmptySubsequences: false)
                #expect(fields.count == 12, "\(row)")
                let alive = Double(fields[9]) ?? -1
                let expected = Double(fields[10]) ?? -1
                let chance = Double(fields[11]) ?? -1
                #expect(alive >= 0 && alive <= 1 && chance >= 0 && chance <= alive && expected >= chance, "\(row)")
                #expect(fields[6] == (alive < 0.6 ? "yes" : "no"), "\(row)")
                #expect(fields[8].hasPrefix("P(alive) ") && fields[8].hasSuffix(" 0.6 (MBG/NBD)"), "\(row)")
            }
            #expect(rows.contains { $0.contains(",lost,tester,1,") }, "a one-time buyer lost under MBG/NBD")
        }
    }

    @Test("--format json carries the fit with every digit, byte-identical from run to run")
    func json() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.purchases, to: "purchases.csv")
            let arguments = [
                "customers", "--model", "bgnbd", "--format", "json", "--as-of", "2024-09-30", "--backtest",
                "2024-12-31",
                "purchases.csv",
            ]
            let first = try runJourney(arguments, currentDirectory: folder)
            let second = try runJourney(arguments, currentDirectory: folder)
            #expect(first.status == 0, "\(first)")
            #expect(first.stdout == second.stdout)
            let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
            let model = object?["model"] as? [String: Any]
            #expect(model?["name"] as? String == "BG/NBD")
            #expect(model?["aliveBelow"] as? Double == 0.5)
            #expect(model?["customers"] as? Int == 300)
            #expect(model?["horizonDays"] as? Int == 90)
            let parameters = model?["parameters"] as? [String: Double]
            #expect(parameters.map { Set($0.keys) } == ["r", "alpha", "a", "b"])
            #expect((model?["gradient"] as? Double ?? 1) <= 1e-9)
            let backtest = object?["backtest"] as? [String: Any]
            #expect((backtest?["rhythmPopulations"] as? [Any])?.count == 2)
            #expect(backtest?["expectedPurchases"] is Double)
            #expect(backtest?["actualPurchases"] is Int)
        }
    }

    @Test(
        "a log the model cannot be fitted to is a clear error, exit status 1, nothing on standard output",
        arguments: [
            (
                "customer_id,timestamp\nana,1000000\nana,2000000\n",
                "journey: error: --model bgnbd: a model of a customer base needs more than one customer, "
                    + "and only one had bought by the as-of date\n"
            ),
            (
                "customer_id,timestamp\nana,1000000\nben,2000000\ncy,3000000\n",
                "journey: error: --model bgnbd: none of the 3 customers bought on two different days by the as-of "
                    + "date: without repeat purchases, nothing tells how often customers buy or when they leave\n"
            ),
            (
                "customer_id,timestamp\nana,1000000\nben,1000060\ncy,1000120\n",
                "journey: error: --model bgnbd: every purchase by the as-of date is on the same day: nobody has "
                    + "bought again yet, so nothing tells how often customers buy or when they leave\n"
            ),
        ])
    func degenerateLogs(_ log: String, _ firstLine: String) throws {
        try withTemporaryDirectory { folder in
            try folder.writing(log, to: "purchases.csv")
            let result = try runJourney(
                ["customers", "--model", "bgnbd", "-o", "list.csv", "purchases.csv"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix(firstLine), "\(result)")
            #expect(result.stderr.contains("= help: "), "\(result)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("list.csv").path))
        }
    }

    @Test(
        "bad model options: a clear error, exit status 1, before the log is read",
        arguments: [
            (
                ["--model", "bgnbd", "--alive-below", "1.5"],
                "journey: error: --alive-below 1.5: not a probability between 0 and 1\n"
            ),
            (["--model", "bgnbd", "--horizon", "3w"], "journey: error: --horizon 3w: not a number of days\n"),
            (
                ["--alive-below", "0.3"],
                "journey: error: --alive-below applies to a model, and the lost rule is the rhythm\n"
            ),
            (
                ["--model", "bgnbd", "--as-of", "1970-01-01"],
                "journey: error: --as-of 1970-01-01: before the first purchase in purchases.csv, on 2024-01-01\n"
            ),
        ])
    func badOptions(_ options: [String], _ firstLine: String) throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.purchases, to: "purchases.csv")
            let result = try runJourney(["customers"] + options + ["purchases.csv"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix(firstLine), "\(result)")
        }
    }
}
