import Foundation
import Testing

/// `journey customers`, run as a user runs it, from a temporary working folder.
///
/// The log is the hand-sized one of `CustomerBaseTests` (docs/customers.md), purchases only, with
/// days since 1970-01-01 written as epoch seconds: day 400 is 1971-02-05, day 460 1971-04-06.
@Suite("journey customers")
struct CustomersCommandTests {
    static let purchases: String = {
        let days: [(String, [Int])] = [
            ("dan", [340, 370, 410]), ("eve", Array(stride(from: 100, through: 370, by: 30))),
            ("fay", [280, 310, 340]), ("gus", [279, 309, 339]), ("hal", [390, 392, 392]), ("ivy", [399]),
            ("joe", [200, 430]), ("kim", [401]),
        ]
        let rows = days.flatMap { customer, days in days.map { "\(customer),\($0 * 86_400)" } }
        return (["customer_id,timestamp"] + rows).joined(separator: "\n") + "\n"
    }()

    @Test("the categories, the ladder and the backtest, as worked out by hand")
    func table() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.purchases, to: "purchases.csv")
            let result = try runJourney(
                ["customers", "--as-of", "1971-02-05", "--backtest", "1971-04-06", "purchases.csv"],
                currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr == "")
            #expect(
                result.stdout == """
                    Customers of purchases.csv as of 1971-02-05
                    8 customers; usual gap 30 days; lost after 2 × the usual gap, fan from 5 purchase days

                    Category        Customers  Share
                    ──────────────  ─────────  ─────
                    potential               1  12.5%
                    referral                0     0%
                    prospect                0     0%
                    lost                    2    25%
                    one-time buyer          1  12.5%
                    fan                     1  12.5%
                    client                  3  37.5%

                    Rung      At it or higher  Of the rung below   Lost
                    ────────  ───────────────  ─────────────────  ─────
                    prospect                7                     28.6%
                    tester                  7               100%  28.6%
                    buyer                   5              71.4%    20%
                    account                 1                20%     0%
                    patron                  0                 0%      –
                    sponsor                 0                  –      –

                    Backtest: flagged lost on 1971-02-05, bought again by 1971-04-06
                    Customers      Flagged lost  Stopped buying  Right  Precision  Recall
                    ─────────────  ────────────  ──────────────  ─────  ─────────  ──────
                    all buyers                2               5      1        0.5     0.2
                    repeat buyers             1               4      1          1    0.25

                    """, "\(result)")
        }
    }

    @Test(
        "--format json carries the same figures, byte-identical from run to run; the as-of date defaults to the last purchase day"
    )
    func json() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.purchases, to: "purchases.csv")
            let arguments = ["customers", "--format", "json", "--lost-after", "3x", "--fan", "3", "purchases.csv"]
            let first = try runJourney(arguments, currentDirectory: folder)
            let second = try runJourney(arguments, currentDirectory: folder)
            #expect(first.status == 0, "\(first)")
            #expect(first.stdout == second.stdout)
            let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
            // The last purchase day is joe's, day 430: 1971-03-07.
            #expect(object?["asOf"] as? String == "1971-03-07")
            #expect(object?["lostAfter"] as? Double == 3)
            #expect(object?["customers"] as? Int == 8)
            let categories = object?["categories"] as? [String: Int]
            // Three or more purchase days and not lost: dan (idle 20 ≤ 3 × 35), eve and fay (idle 90,
            // exactly 3 × 30); gus, idle 91, is the one lost.
            #expect(categories?["fan"] == 3, "\(first.stdout)")
            #expect(categories?["lost"] == 1, "\(first.stdout)")
            let ladder = object?["ladder"] as? [[String: Any]] ?? []
            #expect(
                ladder.map { $0["rung"] as? String } == ["prospect", "tester", "buyer", "account", "patron", "sponsor"])
        }
    }

    @Test("a log of dates alone, as purchase logs are often exported, gives the same report")
    func datesAlone() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let rows = Self.purchases.split(separator: "\n").map { line in
            let fields = line.split(separator: ",")
            guard let seconds = Double(fields[1]) else { return String(line) }  // the header
            return "\(fields[0]),\(formatter.string(from: Date(timeIntervalSince1970: seconds)))"
        }
        #expect(rows[1] == "dan,1970-12-07")
        let arguments = ["customers", "--format", "json", "--as-of", "1971-02-05", "--backtest", "1971-04-06"]
        try withTemporaryDirectory { folder in
            try folder.writing(Self.purchases, to: "epoch.csv")
            try folder.writing(rows.joined(separator: "\n") + "\n", to: "dates.csv")
            let epoch = try runJourney(arguments + ["epoch.csv"], currentDirectory: folder)
            let dates = try runJourney(arguments + ["dates.csv"], currentDirectory: folder)
            #expect(dates.status == 0, "\(dates)")
            #expect(dates.stderr == "")
            #expect(dates.stdout == epoch.stdout.replacingOccurrences(of: "epoch.csv", with: "dates.csv"))
        }
    }

    @Test(
        "bad input: a clear error, exit status 1, nothing on standard output",
        arguments: [
            (["--as-of", "1971-02-30"], "journey: error: --as-of 1971-02-30: not a date\n"),
            (
                ["--as-of", "1970-01-01"],
                "journey: error: --as-of 1970-01-01: before the first purchase in purchases.csv, on 1970-04-11\n"
            ),
            (
                ["--backtest", "1971-03-07"],
                "journey: error: --backtest 1971-03-07: not after the as-of date, 1971-03-07\n"
            ),
            (["--lost-after", "0x"], "journey: error: --lost-after 0x: not a positive number of gaps\n"),
            (["--fan", "1"], "journey: error: --fan 1: a fan has at least 2 purchase days\n"),
        ])
    func badOptions(_ options: [String], _ firstLine: String) throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.purchases, to: "purchases.csv")
            let result = try runJourney(["customers"] + options + ["purchases.csv"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix(firstLine), "\(result)")
            #expect(result.stderr.contains("= help: "), "\(result)")
        }
    }

    @Test("a log with a header and no purchase is an error, not an empty report")
    func emptyLog() throws {
        try withTemporaryDirectory { folder in
            try folder.writing("customer_id,timestamp\n", to: "purchases.csv")
            let result = try runJourney(["customers", "purchases.csv"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("journey: error: purchases.csv has no purchase\n"), "\(result)")
        }
    }

    @Test("a malformed row is reported at its line and column, as for journey funnel")
    func malformedRow() throws {
        try withTemporaryDirectory { folder in
            try folder.writing("customer_id,timestamp\nana,yesterday\n", to: "purchases.csv")
            let result = try runJourney(["customers", "purchases.csv"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(
                result.stderr.hasPrefix("purchases.csv:2:5: error: 'yesterday' is not a valid timestamp"), "\(result)")
        }
    }

    /// Contacts for the hand-sized log: lea contacted before day 400, mo referred by dan, nat
    /// contacted after it (so only potential), and eve referred by nobody.
    static let contacts = """
        customer_id,contacted,referred_by
        lea,1971-01-01,
        mo,,dan
        nat,1971-03-01,
        eve,1970-01-10,

        """

    /// Answers: eve (a fan) and dan (a client) detractors, fay a promoter; ivy's answer after day
    /// 400 does not count; hal's earlier answer is replaced by his latest.
    static let survey = """
        customer_id,timestamp,score
        eve,1971-01-20T12:00:00Z,4
        dan,1971-02-01T12:00:00Z,2
        fay,1971-01-05T12:00:00Z,10
        hal,1971-01-01T12:00:00Z,1
        hal,1971-01-02T12:00:00Z,8
        ivy,1971-03-01T12:00:00Z,9

        """

    @Test("contacts and a survey add the prospects, referrals, sponsors, the NPS and who is at risk")
    func contactsAndSurvey() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.purchases, to: "purchases.csv")
            try folder.writing(Self.contacts, to: "contacts.csv")
            try folder.writing(Self.survey, to: "survey.csv")
            let arguments = [
                "customers", "--as-of", "1971-02-05", "--contacts", "contacts.csv", "--survey", "survey.csv",
                "-o", "list.csv", "purchases.csv",
            ]
            let result = try runJourney(arguments, currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr == "")
            // Potential: kim (bought after the as-of date) and nat (contacted after it); referral: mo;
            // prospect: lea. dan referred mo and bought on 2 days by then: the one sponsor.
            #expect(
                result.stdout.contains(
                    """
                    potential               2  18.2%
                    referral                1   9.1%
                    prospect                1   9.1%
                    """), "\(result)")
            #expect(result.stdout.contains("sponsor                 1"), "\(result)")
            // Four answers count (eve 4, dan 2, fay 10, hal 8; ivy's is later): one promoter, one passive, two detractors.
            #expect(
                result.stdout.contains(
                    """
                    Recommend question (1..10): 4 answers, the latest per customer
                    NPS -25 (standard error 41.5 points); a small sample, under 30 answers
                    """), "\(result)")
            #expect(result.stdout.contains("At risk: 2 clients and fans are detractors: dan, eve\n"), "\(result)")
            let list = try String(contentsOf: folder.appendingPathComponent("list.csv"), encoding: .utf8)
            #expect(
                list.hasPrefix(
                    "customer_id,category,rung,purchase_days,idle_days,own_gap_days,lost,recommend,reason\r\n"))
            #expect(list.contains("\r\ndan,client,sponsor,2,30,30,no,2,"), "\(list)")
            let csv = try runJourney(
                [
                    "customers", "--as-of", "1971-02-05", "--contacts", "contacts.csv", "--survey", "survey.csv",
                    "--format", "csv", "purchases.csv",
                ],
                currentDirectory: folder)
            #expect(csv.stdout == list, "--format csv prints the rows -o writes")
        }
    }

    @Test(
        "bad contacts and survey files: each mistake at its line and column, exit status 1, nothing written",
        arguments: [
            (
                "contacts.csv", "customer_id,contacted,referred_by\nmo,,dna\n",
                "contacts.csv:2:5: error: referred by 'dna', who is neither in the purchase log nor in the contacts"
            ),
            (
                "survey.csv", "customer_id,timestamp,score\ndan,1971-01-01T00:00:00Z,11\n",
                "survey.csv:2:26: error: 11 is off the recommend scale 1..10"
            ),
            (
                "survey.csv", "customer_id,timestamp,score\nzed,1971-01-01T00:00:00Z,9\n",
                "survey.csv:2:1: error: 'zed' is neither in the purchase log nor in the contacts"
            ),
            ("contacts.csv", "", "contacts.csv:1:1: error: the file is empty: it has no header row"),
        ])
    func badSideFiles(_ name: String, _ text: String, _ firstLine: String) throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.purchases, to: "purchases.csv")
            try folder.writing(text, to: name)
            let option = name == "survey.csv" ? "--survey" : "--contacts"
            let result = try runJourney(
                ["customers", option, name, "-o", "list.csv", "purchases.csv"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix(firstLine), "\(result)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("list.csv").path))
        }
    }

    @Test(
        "bad options of the side files: a clear error, exit status 1",
        arguments: [
            (["--recommend", "2..10"], "journey: error: --recommend 2..10: not a scale of the recommend question"),
            (["--contacts", "missing.csv"], "journey: error: "),
            (["-o", "-"], "Error: -o - would mix the list with the summary"),
        ])
    func badSideOptions(_ options: [String], _ firstLine: String) throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.purchases, to: "purchases.csv")
            let result = try runJourney(["customers"] + options + ["purchases.csv"], currentDirectory: folder)
            #expect(result.status != 0, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix(firstLine), "\(result)")
        }
    }

    /// A journey whose post-purchase stages stand for rungs, with a customers block.
    static let loyalty = """
        journey "Loyalty"
        channel site owned

        customers
          fan 3

        stage Visit
          reach 100
          touchpoint "Lands" +1 via site
        stage Trial
          rung tester
          touchpoint "First order" +2 via site
        stage Repeat
          rung buyer
          reach 1   # a guess
          touchpoint "Orders again" +2 via site
        stage Regulars
          rung account
          touchpoint "Orders every month" +3 via site

        """

    @Test("--journey takes the rules from the customers block; --apply writes the rung stages' reach and nothing else")
    func applyWritesTheLadderIntoTheRungStages() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.purchases, to: "purchases.csv")
            let journeyFile = try folder.writing(Self.loyalty, to: "loyalty.journey")
            let arguments = ["customers", "--as-of", "1971-02-05", "--journey", "loyalty.journey", "purchases.csv"]
            let preview = try runJourney(arguments, currentDirectory: folder)
            #expect(preview.status == 0, "\(preview)")
            // fan 3 from the block: eve, fay and gus have 3 purchase days or more by day 400 (dan's
            // third is later), and gus is lost but keeps his rung: 3 at account or higher; tester 7
            // and buyer 5 as before.
            #expect(preview.stdout.contains("fan from 3 purchase days"), "\(preview)")
            #expect(
                preview.stdout.contains(
                    """
                    Rung stages of loyalty.journey
                    Stage     Rung     Reach in the file  At the rung or higher
                    ────────  ───────  ─────────────────  ─────────────────────
                    Trial     tester                                          7
                    Repeat    buyer                    1                      5
                    Regulars  account                                         3
                    """), "\(preview)")
            #expect(try String(contentsOf: journeyFile, encoding: .utf8) == Self.loyalty, "no --apply, no change")

            let applied = try runJourney(arguments + ["--apply"], currentDirectory: folder)
            #expect(applied.status == 0, "\(applied)")
            #expect(applied.stderr.hasSuffix("Updated the reach of 3 rung stages in loyalty.journey.\n"), "\(applied)")
            let expected = Self.loyalty
                .replacingOccurrences(of: "stage Trial\n", with: "stage Trial\n  reach 7\n")
                .replacingOccurrences(of: "reach 1   # a guess", with: "reach 5   # a guess")
                .replacingOccurrences(of: "stage Regulars\n", with: "stage Regulars\n  reach 3\n")
            #expect(try String(contentsOf: journeyFile, encoding: .utf8) == expected)
            let check = try runJourney(["check", "loyalty.journey"], currentDirectory: folder)
            #expect(check.status == 0 && check.stderr == "", "\(check)")

            // An option given on the command line wins over the block.
            let fan4 = try runJourney(arguments + ["--fan", "4"], currentDirectory: folder)
            #expect(fan4.stdout.contains("fan from 4 purchase days"), "\(fan4)")
        }
    }

    @Test(
        "--apply needs a journey with rung stages; nothing is written otherwise",
        arguments: [
            (["--apply"], "Error: --apply writes into a journey file: name it with --journey."),
            (
                ["--apply", "--journey", "plain.journey"],
                "journey: error: --apply: plain.journey has no stage with a rung, so no reach to write"
            ),
            (["--journey", "broken.journey"], "broken.journey:3:8: error: unknown rung 'byer'"),
        ])
    func applyNeedsRungStages(_ options: [String], _ firstLine: String) throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.purchases, to: "purchases.csv")
            let plain = "journey Plain\nchannel site owned\nstage A\n  reach 10\n  touchpoint \"Pays\" +1 via site\n"
            let broken = "journey Broken\nstage A\n  rung byer\n"
            let plainFile = try folder.writing(plain, to: "plain.journey")
            try folder.writing(broken, to: "broken.journey")
            let result = try runJourney(["customers"] + options + ["purchases.csv"], currentDirectory: folder)
            #expect(result.status != 0, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix(firstLine), "\(result)")
            #expect(try String(contentsOf: plainFile, encoding: .utf8) == plain)
        }
    }
}
