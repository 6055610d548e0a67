import Foundation
import JourneyTestSupport
import JourneyXML
import Testing

/// `journey report --purchases`, run as a user runs it, from a temporary working folder, on the
/// hand-sized purchase log of `CustomersCommandTests`.
@Suite("journey report --purchases")
struct ReportLadderCommandTests {
    private var dressmate: String {
        Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
    }

    @Test("with a purchase log, the report has a ladder section: its chart and its table")
    func ladderSection() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(CustomersCommandTests.purchases, to: "purchases.csv")
            try folder.writing(CustomersCommandTests.contacts, to: "contacts.csv")
            let result = try runJourney(
                [
                    "report", "--purchases", "purchases.csv", "--as-of", "1971-02-05", "--contacts", "contacts.csv",
                    dressmate,
                ], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr == "")
            #expect(result.stdout.hasPrefix("Wrote dressmate.html (report.mustache template, light chart theme, "))
            #expect(try contents(of: folder) == ["contacts.csv", "dressmate.html", "purchases.csv"])
            let html = try String(contentsOf: folder.appendingPathComponent("dressmate.html"), encoding: .utf8)
            #expect(XMLValidator.checkWellFormed(html, name: "dressmate.html").isValid)
            #expect(html.contains("<section id=\"ladder\" class=\"section page-break\">"))
            #expect(html.contains("The customers of purchases.csv as of 1971-02-05, at each rung"))
            // With contacts, lea is a prospect alone and dan a sponsor (he referred mo): `journey
            // customers` counts 8, 7, 5, 1, 1, 1 with the same files, and 87.5% of the prospects test.
            #expect(
                html.contains(
                    """
                    <th scope="row">tester</th>
                    <td class="num">7</td>
                    <td class="num">87.5%</td>
                    <td class="num">2</td>
                    <td class="num">28.6%</td>
                    <td>one purchase day</td>
                    """), "\(html)")
            #expect(html.contains("Without survey answers (--survey), nobody is a patron."))
            #expect(!html.contains("Without contacts"))
        }
    }

    @Test("the journey's customers block gives the rules the options leave out")
    func customersBlock() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(CustomersCommandTests.purchases, to: "purchases.csv")
            try folder.writing(
                """
                journey "Shop"
                channel site owned

                customers
                  fan 3

                stage Visit
                  reach 100
                  touchpoint "Lands" +1 via site
                stage Buy
                  reach 10
                  touchpoint "Pays" +2 via site

                """, to: "shop.journey")
            let result = try runJourney(
                ["report", "--purchases", "purchases.csv", "--as-of", "1971-02-05", "-o", "-", "shop.journey"],
                currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("lost after 2 × their usual gap; an account from 3 purchase days"))
            #expect(result.stdout.contains("<td>3 or more purchase days</td>"), "\(result.stdout)")
        }
    }

    @Test("without a purchase log, the report has no ladder section")
    func noLadder() throws {
        let result = try runJourney(["report", "-o", "-", dressmate])
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.contains("ladder"))
    }

    @Test(
        "bad input: a clear error, exit status 1, no report written",
        arguments: [
            (
                ["--purchases", "missing.csv"],
                "missing.csv:1:1: error: cannot read 'missing.csv': No such file or directory\n"
            ),
            (["--purchases", "purchases.csv", "--as-of", "1970-01-01"], "journey: error: --as-of 1970-01-01: before"),
            (["--purchases", "purchases.csv", "--lost-after", "soon"], "journey: error: --lost-after soon: not a"),
            (
                ["--purchases", "purchases.csv", "--survey", "survey.csv"],
                "survey.csv:2:26: error: 11 is off the recommend scale 1..10"
            ),
        ])
    func badInput(_ options: [String], _ stderrStart: String) throws {
        try withTemporaryDirectory { folder in
            try folder.writing(CustomersCommandTests.purchases, to: "purchases.csv")
            try folder.writing("customer_id,timestamp,score\ndan,1971-01-01T00:00:00Z,11\n", to: "survey.csv")
            let result = try runJourney(["report"] + options + ["-o", "out.html", dressmate], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix(stderrStart), "\(result)")
            #expect(try contents(of: folder) == ["purchases.csv", "survey.csv"], "no report is written")
        }
    }

    @Test("the journey and the purchase log cannot both come from standard input")
    func oneStandardInput() throws {
        let text = try String(contentsOfFile: dressmate, encoding: .utf8)
        let result = try runJourney(["report", "--purchases", "-", "-o", "-", "-"], stdin: Data(text.utf8))
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout == "")
        #expect(
            result.stderr.hasPrefix("journey: error: --purchases - reads standard input, which the journey reads too"),
            "\(result)")
    }
}
