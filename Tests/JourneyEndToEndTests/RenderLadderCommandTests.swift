import Foundation
import JourneyTestSupport
import JourneyXML
import Testing

/// `journey render --chart ladder` and `--purchases`, run as a user runs them, from a temporary
/// working folder, on the hand-sized purchase log of `CustomersCommandTests`.
@Suite("journey render --chart ladder")
struct RenderLadderCommandTests {
    private var dressmate: String {
        Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
    }

    /// The SVG `name` in `folder`, expected valid SVG 1.1.
    private func validChart(_ name: String, in folder: URL) throws -> String {
        let svg = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let validation = XMLValidator.validateSVG(svg, name: name)
        #expect(validation.isValid, "\(name): \(validation.diagnostics.map(\.message))")
        return svg
    }

    @Test("without a journey, the ladder of the purchase log goes to the log's name with .svg")
    func ladderAlone() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(CustomersCommandTests.purchases, to: "purchases.csv")
            let result = try runJourney(
                ["render", "--chart", "ladder", "--purchases", "purchases.csv", "--as-of", "1971-02-05"],
                currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr == "")
            #expect(result.stdout.hasPrefix("Wrote purchases.svg (ladder chart, light theme, "), "\(result)")
            #expect(try contents(of: folder) == ["purchases.csv", "purchases.svg"])
            let svg = try validChart("purchases.svg", in: folder)
            // The figures of `journey customers` for the same log and date.
            for text in [
                "<title>Customers of purchases.csv: relationship ladder</title>", ">Customers of purchases.csv<",
                ">7<", ">28.6% lost<", ">↓ 100% reach tester<", ">↓ 71.4% reach buyer<", ">↓ 20% reach account<",
                ">↓ 0% reach patron<", ">no customer yet<", "Without contacts (--contacts)",
                "Without survey answers (--survey), nobody is a patron.",
            ] {
                #expect(svg.contains(text), "no \(text) in the chart")
            }
        }
    }

    @Test(
        "in every theme, byte-identical from run to run; contacts and a survey fill the ladder",
        arguments: ["light", "dark", "print"])
    func everyThemeWithSideFiles(_ theme: String) throws {
        try withTemporaryDirectory { folder in
            try folder.writing(CustomersCommandTests.purchases, to: "purchases.csv")
            try folder.writing(CustomersCommandTests.contacts, to: "contacts.csv")
            try folder.writing(CustomersCommandTests.survey, to: "survey.csv")
            let arguments = [
                "render", "--chart", "ladder", "--theme", theme, "--purchases", "purchases.csv", "--as-of",
                "1971-02-05", "--contacts", "contacts.csv", "--survey", "survey.csv", "-o", "-",
            ]
            let first = try runJourney(arguments, currentDirectory: folder)
            let second = try runJourney(arguments, currentDirectory: folder)
            #expect(first.status == 0, "\(first)")
            #expect(first.stderr == "")
            #expect(first.stdout == second.stdout)
            #expect(XMLValidator.validateSVG(first.stdout, name: "ladder-\(theme).svg").isValid)
            // lea is the one prospect alone; dan, who referred mo, the one sponsor, and so a patron's
            // rung or higher: the figures of `journey customers` with the same files.
            #expect(
                first.stdout.contains(
                    "as of 1971-02-05: prospect 8 (25% lost), tester 7 (28.6% lost), buyer 5 (20% lost), "
                        + "account 2 (0% lost), patron 1 (0% lost), sponsor 1 (0% lost).</desc>"), "\(first.stdout)")
            #expect(first.stdout.contains(">↓ 87.5% reach tester<"), "\(first.stdout)")
            #expect(first.stdout.contains(">↓ 100% reach sponsor<"), "\(first.stdout)")
            #expect(!first.stdout.contains("Without contacts"))
            #expect(!first.stdout.contains("Without survey answers"))
        }
    }

    @Test("with a journey, the ladder takes its title and its name; the dashboard adds the ladder")
    func withAJourney() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(CustomersCommandTests.purchases, to: "purchases.csv")
            let ladder = try runJourney(
                ["render", "--chart", "ladder", "--purchases", "purchases.csv", dressmate], currentDirectory: folder)
            #expect(ladder.status == 0, "\(ladder)")
            #expect(ladder.stdout.hasPrefix("Wrote dressmate.svg (ladder chart, light theme, "), "\(ladder)")
            let svg = try validChart("dressmate.svg", in: folder)
            #expect(svg.contains("<title>Dressmate — first order: relationship ladder</title>"))
            #expect(svg.contains("customers of purchases.csv as of 1971-03-07"))

            let dashboard = try runJourney(
                [
                    "render", "--chart", "dashboard", "--purchases", "purchases.csv", "--lost-after", "3x",
                    "--fan", "3", "-o", "dashboard.svg", dressmate,
                ], currentDirectory: folder)
            #expect(dashboard.status == 0, "\(dashboard)")
            let board = try validChart("dashboard.svg", in: folder)
            for text in [">Highs and lows<", ">Funnel<", ">Relationship ladder<", ">3 or more purchase days<"] {
                #expect(board.contains(text), "no \(text) in the dashboard")
            }
            #expect(board.contains("lost after 3 × their usual gap"))
        }
    }

    @Test("the journey's customers block gives the rules the options leave out")
    func customersBlock() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(CustomersCommandTests.purchases, to: "purchases.csv")
            try folder.writing(CustomersCommandTests.loyalty, to: "loyalty.journey")
            let arguments = [
                "render", "--chart", "ladder", "--purchases", "purchases.csv", "--as-of", "1971-02-05", "-o", "-",
                "loyalty.journey",
            ]
            let fromBlock = try runJourney(arguments, currentDirectory: folder)
            #expect(fromBlock.status == 0, "\(fromBlock)")
            // fan 3: eve, fay and gus are accounts, as `journey customers --journey` counts them.
            #expect(fromBlock.stdout.contains(">3 or more purchase days<"), "\(fromBlock.stdout)")
            #expect(fromBlock.stdout.contains("an account from 3 purchase"), "the title names the rules")
            #expect(fromBlock.stdout.contains("account 3 (33.3% lost)"), "\(fromBlock.stdout)")
            let overridden = try runJourney(arguments + ["--fan", "4"], currentDirectory: folder)
            #expect(overridden.status == 0, "\(overridden)")
            #expect(overridden.stdout.contains(">4 or more purchase days<"))
        }
    }

    @Test("the column options and --skip-bad-rows apply to the purchase log")
    func columns() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(
                "who,when\nana,1971-01-01T00:00:00Z\nbob,soon\nana,1971-01-09T00:00:00Z\n", to: "log.csv")
            let result = try runJourney(
                [
                    "render", "--chart", "ladder", "--purchases", "log.csv", "--customer-column", "who",
                    "--time-column", "when", "--skip-bad-rows", "-o", "-",
                ], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("prospect 1 (0% lost), tester 1 (0% lost), buyer 1 (0% lost)"))
        }
    }

    @Test(
        "bad input: a clear error, exit status 1, nothing written",
        arguments: [
            (
                ["render", "--chart", "ladder", "-o", "out.svg"],
                "journey: error: the ladder chart draws the customers of a purchase log: give it with --purchases\n"
                    + "  = help: journey render --chart ladder --purchases purchases.csv\n"
            ),
            (
                ["render", "--chart", "ladder", "--purchases", "missing.csv", "-o", "out.svg"],
                "missing.csv:1:1: error: cannot read 'missing.csv': No such file or directory\n"
            ),
            (
                ["render", "--chart", "funnel", "--purchases", "purchases.csv", "-o", "out.svg", "shop.journey"],
                "journey: error: --purchases draws the relationship ladder, which the funnel chart does not show\n"
            ),
            (
                [
                    "render", "--chart", "ladder", "--purchases", "purchases.csv", "--as-of", "1971-02-30", "-o",
                    "out.svg",
                ],
                "journey: error: --as-of 1971-02-30: not a date\n"
            ),
            (
                ["render", "--chart", "ladder", "--purchases", "purchases.csv", "--fan", "1", "-o", "out.svg"],
                "journey: error: --fan 1: a fan has at least 2 purchase days\n"
            ),
            (
                ["render", "--chart", "ladder", "--purchases", "empty.csv", "-o", "out.svg"],
                "journey: error: empty.csv has no purchase\n"
            ),
            (
                ["render", "--chart", "ladder", "--purchases", "bad.csv", "-o", "out.svg"],
                "bad.csv:2:5: error: 'yesterday' is not a valid timestamp"
            ),
            (
                ["render", "--chart", "ladder", "--purchases", "purchases.csv", "--contacts", "bad-contacts.csv"],
                "bad-contacts.csv:2:5: error: referred by 'dna', who is neither in the purchase log nor in the contacts"
            ),
            (
                ["render", "--chart", "ladder", "--purchases", "purchases.csv", "--events", "events.csv"],
                "journey: error: --events measures the stages of a journey, and the ladder chart was given none\n"
            ),
            (
                ["render", "--chart", "dashboard", "--purchases", "-", "-o", "out.svg", "-"],
                "journey: error: --purchases - reads standard input, which the journey reads too\n"
            ),
        ])
    func badInput(_ arguments: [String], _ stderrStart: String) throws {
        try withTemporaryDirectory { folder in
            try folder.writing(CustomersCommandTests.purchases, to: "purchases.csv")
            try folder.writing("customer_id,timestamp\n", to: "empty.csv")
            try folder.writing("customer_id,timestamp\nana,yesterday\n", to: "bad.csv")
            try folder.writing("customer_id,contacted,referred_by\nmo,,dna\n", to: "bad-contacts.csv")
            try folder.writing("journey \"Shop\"\nstage A\n  reach 10\n", to: "shop.journey")
            let before = try contents(of: folder)
            let result = try runJourney(arguments, currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix(stderrStart), "\(result)")
            #expect(try contents(of: folder) == before, "nothing is written")
        }
    }

    @Test("a chart other than the ladder needs a journey file: a usage error")
    func journeyRequired() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(CustomersCommandTests.purchases, to: "purchases.csv")
            let result = try runJourney(
                ["render", "--chart", "dashboard", "--purchases", "purchases.csv"], currentDirectory: folder)
            #expect(result.status == 64, "\(result)")
            #expect(
                result.stderr.hasPrefix(
                    "Error: Missing expected argument '<file>': the dashboard chart draws a journey file."),
                "\(result)")
            #expect(try contents(of: folder) == ["purchases.csv"])
        }
    }

    @Test("a failed run leaves an earlier chart as it was")
    func earlierChartKept() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(CustomersCommandTests.purchases, to: "purchases.csv")
            let first = try runJourney(
                ["render", "--chart", "ladder", "--purchases", "purchases.csv", "-o", "ladder.svg"],
                currentDirectory: folder)
            #expect(first.status == 0, "\(first)")
            let written = try Data(contentsOf: folder.appendingPathComponent("ladder.svg"))
            let failed = try runJourney(
                [
                    "render", "--chart", "ladder", "--purchases", "purchases.csv", "--lost-after", "0x", "-o",
                    "ladder.svg",
                ],
                currentDirectory: folder)
            #expect(failed.status == 1, "\(failed)")
            #expect(try Data(contentsOf: folder.appendingPathComponent("ladder.svg")) == written)
            #expect(try contents(of: folder) == ["ladder.svg", "purchases.csv"])
        }
    }
}
