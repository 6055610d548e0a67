import Foundation
import JourneyTestSupport
import Testing

/// `journey metrics` and `journey weakest`, run as a user runs them.
@Suite("journey metrics and weakest")
struct MetricsCommandTests {
    private var dressmate: String {
        Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
    }

    @Test(
        "metrics runs clean on every example, and its JSON is byte-identical from run to run",
        arguments: Repository.journeyFiles(in: Repository.journeysFolder).map(\.path))
    func everyExample(_ path: String) throws {
        for format in ["table", "json", "csv"] {
            let first = try runJourney(["metrics", "--format", format, path])
            #expect(first.status == 0, "\(first)")
            #expect(first.stderr == "", "\(first)")
            #expect(!first.stdout.isEmpty)
            let second = try runJourney(["metrics", "--format", format, path])
            #expect(first.stdout == second.stdout, "\(format) output differs between runs")
        }
        let json = try runJourney(["metrics", "--format", "json", path])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["stages"] is [Any])
        #expect(object?["weakest"] is [String: Any])
    }

    @Test(
        "the metrics table fits 100 columns in a file or a pipe, and the width COLUMNS gives",
        arguments: [nil, 80, 40])
    func width(_ columns: Int?) throws {
        for file in Repository.journeyFiles(in: Repository.journeysFolder) {
            let result = try runJourney(
                ["metrics", file.path], environment: columns.map { ["COLUMNS": String($0)] } ?? [:])
            #expect(result.status == 0, "\(result)")
            // The examples hold no wide character: a character is a column.
            let widest = result.stdout.split(separator: "\n").map(\.count).max() ?? 0
            #expect(widest <= columns ?? 100, "\(file.lastPathComponent):\n\(result.stdout)")
            #expect(result.stdout.contains("\nStage "))
        }
        let dressmate = try runJourney(["metrics", dressmate])
        #expect(
            dressmate.stdout.hasPrefix(
                """
                Dressmate — first order

                Stage            Reach  Conversion  Target  Drop-off  Experience       Pains
                ─────────────  ───────  ──────────  ──────  ────────  ───────────────  ─────
                Awareness      120,000         25%     25%    90,000  +3 (+2 to +4)        0
                Consideration   30,000         30%     40%    21,000  0 (-3 to +3)         1
                Purchase         9,000       34.4%     50%     5,900  -1 (-4 to +2)        1
                Delivery         3,100       83.9%     90%       500  0 (-5 to +5)         1
                Loyalty          2,600           –       –         –  +3.5 (+3 to +4)      0

                Stage          Influence  Measurement  Control
                ─────────────  ─────────  ───────────  ───────
                Awareness            25%          50%    37.5%
                Consideration       100%          50%      75%
                Purchase            100%         100%     100%
                Delivery             75%           0%    37.5%
                Loyalty              50%          50%      50%

                Experience: mean score (lowest to highest). Control: the mean of influence (owned media 100%, paid
                and partner 50%, earned 0%) and measurement (share of touchpoints measured).

                """), "\(dressmate)")
    }

    @Test("the Dressmate verdict names Purchase and about 1174 people")
    func dressmateVerdict() throws {
        let table = try runJourney(["metrics", dressmate])
        #expect(table.stdout.contains("Weakest stage: Purchase."))
        let weakest = try runJourney(["weakest", dressmate])
        #expect(weakest.status == 0, "\(weakest)")
        #expect(weakest.stdout.contains("Weakest stage: Purchase\n"))
        #expect(weakest.stdout.contains("about 1,174 more people"))
        #expect(
            weakest.stdout.contains(
                "Consideration: 30% against a target of 40%, 10 points short (25% below target); about 867 more people")
        )
        let json = try runJourney(["weakest", "--format", "json", dressmate])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["weakest"] as? [String: Any])?["recoverable"] as? Int == 1174)
    }

    @Test("metrics lists the partners' levels, and weakest says how many reach profitability against 4 or 5")
    func partners() throws {
        let coffee = Repository.journeysFolder.appendingPathComponent("coffee-subscription.journey").path
        let table = try runJourney(["metrics", coffee])
        #expect(table.status == 0, "\(table)")
        #expect(
            table.stdout.contains(
                """
                Partner   Media    Ours           Theirs         Level
                ────────  ───────  ─────────────  ─────────────  ─────────────
                cafes     partner  profitability  profitability  profitability
                grinders  partner  profitability  credibility    credibility
                courier   partner  credibility    –              credibility
                blogger   earned   credibility    visibility     visibility
                Level: the lower of our view and theirs (visibility < credibility < profitability).
                1 of 4 partners reaches profitability: cafes.
                Aim for 4 or 5 partners at profitability, who send you customers as you send them theirs: 3 more.

                """))
        let json = try runJourney(["metrics", "--format", "json", coffee])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(
            (object?["partners"] as? [[String: Any]])?.map { $0["level"] as? String } == [
                "profitability", "credibility", "credibility", "visibility",
            ])
        #expect(object?["profitablePartners"] as? Int == 1)

        let weakest = try runJourney(["weakest", coffee])
        #expect(weakest.status == 0, "\(weakest)")
        #expect(
            weakest.stdout.hasSuffix(
                """

                Partners: 1 of 4 partners reaches profitability: cafes.
                  Aim for 4 or 5 partners at profitability, who send you customers as you send them theirs: 3 more. \
                The closest: grinders (credibility: profitability in our view, credibility in theirs), courier \
                (credibility), blogger (visibility: credibility in our view, visibility in theirs).

                """))
        let withoutPartners = try runJourney(["weakest", dressmate])
        #expect(!withoutPartners.stdout.contains("Partners"), "a journey that rates no partner gets no word of them")
    }

    @Test("--exit-code exits 3 when a stage is below target, 0 otherwise")
    func exitCode() throws {
        let below = try runJourney(["weakest", "--exit-code", dressmate])
        #expect(below.status == 3, "\(below)")
        #expect(below.stdout.contains("Weakest stage: Purchase"))
        try withTemporaryDirectory { folder in
            try folder.writing(
                """
                journey "On target"
                channel site owned
                stage A
                  reach 100
                  target 40%
                  touchpoint "Sees" +1 via site
                stage B
                  reach 50
                  touchpoint "Pays" +1 via site

                """, to: "good.journey")
            let good = try runJourney(["weakest", "--exit-code", "good.journey"], currentDirectory: folder)
            #expect(good.status == 0, "\(good)")
            let without = try runJourney(["weakest", dressmate])
            #expect(without.status == 0)
        }
    }

    @Test("a file with errors gets the diagnostics of journey check and exit 1")
    func fileWithErrors() throws {
        try withTemporaryDirectory { folder in
            try folder.writing("journey \"Bad\"\nstgae A\n", to: "bad.journey")
            for command in ["metrics", "weakest"] {
                let result = try runJourney([command, "bad.journey"], currentDirectory: folder)
                #expect(result.status == 1, "\(result)")
                #expect(result.stdout == "")
                #expect(result.stderr.hasPrefix("bad.journey:2:1: error: unknown keyword 'stgae'\n"))
                #expect(result.stderr.hasSuffix("1 error\n"))
            }
        }
    }

    @Test("stages without reach are named, with their line, and the command exits 1")
    func missingReach() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(
                """
                journey "No reach"
                channel site owned
                stage Awareness
                  touchpoint "Sees" +1 via site
                stage Purchase
                  touchpoint "Pays" +1 via site

                """, to: "noreach.journey")
            let result = try runJourney(["metrics", "noreach.journey"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(
                result.stderr.contains(
                    "noreach.journey:3:1: error: stage 'Awareness' has no reach, and metrics need it on every stage\n"))
            #expect(
                result.stderr.contains(
                    "noreach.journey:5:1: error: stage 'Purchase' has no reach, and metrics need it on every stage\n"))
            #expect(result.stderr.hasSuffix("2 errors\n"))
        }
    }

    @Test("warnings are shown on stderr but do not stop the metrics")
    func warningsDoNotStop() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(
                """
                journey "Grows"
                channel site owned
                stage A
                  reach 100
                  touchpoint "Sees" +1 via site
                stage B
                  reach 150
                  touchpoint "Pays" +1 via site

                """, to: "grows.journey")
            let result = try runJourney(["metrics", "--format", "csv", "grows.journey"], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("warning: stage 'B' reaches 150 people"))
            #expect(result.stdout.contains("A,100,1.5,"))
        }
    }

    @Test("a missing file is a clean error, exit 1")
    func missingFile() throws {
        let result = try runJourney(["metrics", "/nonexistent/x.journey"])
        #expect(result.status == 1)
        #expect(result.stderr == "journey: error: cannot read '/nonexistent/x.journey': No such file or directory\n")
    }

    @Test("help shows an example")
    func help() throws {
        #expect(try runJourney(["metrics", "--help"]).stdout.contains("journey metrics --format json"))
        #expect(try runJourney(["weakest", "--help"]).stdout.contains("journey weakest --exit-code"))
    }
}
