import Foundation
import JourneyTestSupport
import Testing

/// `journey funnel` and `--events`, run as a user runs them on a small hand-made log.
@Suite("journey funnel")
struct FunnelCommandTests {
    static let journey = """
        # A three-stage shop, reach to be measured
        journey Shop
        channel site owned

        stage Visit
          reach 1000   # a guess
          target 50%
          event page_view
          touchpoint "Lands" +1 via site
        stage Cart
          target 50%
          event add_to_cart
          touchpoint "Adds" +1 via site
        stage Order
          event order
          touchpoint "Pays" -1 via site

        """

    /// Four customers: a reaches Order, b reaches Cart, c only visits, d orders outside the window.
    static let events = """
        customer_id,timestamp,event,device
        a,2026-01-01T10:00:00Z,page_view,phone
        b,2026-01-01T10:00:00Z,page_view,"desktop, large"
        a,2026-01-01T10:05:00Z,add_to_cart,phone
        a,2026-01-02T09:00:00Z,order,phone
        b,2026-01-03T10:00:00Z,add_to_cart,desktop
        c,2026-01-01T11:00:00Z,page_view,phone
        c,2026-01-01T11:01:00Z,newsletter_signup,phone
        d,2026-01-01T12:00:00Z,page_view,phone
        d,2026-01-02T12:00:00Z,add_to_cart,phone
        d,2026-02-20T12:00:00Z,order,phone

        """

    @Test("reach per stage, conversion and the verdict from the log")
    func measuresReach() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey, to: "shop.journey")
            try folder.writing(Self.events, to: "events.csv")
            let result = try runJourney(
                ["funnel", "shop.journey", "--events", "events.csv", "--format", "json"],
                currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let stages = try #require(object["stages"] as? [[String: Any]])
            #expect(stages.map { $0["reach"] as? Int } == [4, 3, 1])
            let events = try #require(object["events"] as? [String: Any])
            #expect(events["rows"] as? Int == 10)
            #expect(events["ignored"] as? Int == 1)
            #expect(events["customers"] as? Int == 4)
            // a: page_view → add_to_cart in 5 minutes; b: 2 days; d: 1 day.
            let times = try #require(stages[0]["timeToNext"] as? [String: Any])
            #expect(times["count"] as? Int == 3)
            #expect(times["medianSeconds"] as? Int == 86_400)

            let table = try runJourney(["funnel", "shop.journey", "--events", "events.csv"], currentDirectory: folder)
            #expect(table.stdout.contains("Weakest stage: Cart."))
        }
    }

    @Test("an event the log never carries is a warning at its line, and --strict fails on it")
    func anEventTheLogNeverCarries() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(
                Self.journey.replacingOccurrences(of: "event order", with: "event ordr"), to: "shop.journey")
            try folder.writing(Self.events, to: "events.csv")
            let arguments = ["funnel", "shop.journey", "--events", "events.csv"]
            let result = try runJourney(arguments, currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(
                result.stderr.contains(
                    "shop.journey:15:9: warning: event 'ordr' of stage 'Order' never occurs in events.csv: "
                        + "the stage's reach from it is 0\n"))
            #expect(
                result.stderr.contains("help: did you mean 'order'? the log has it in 2 rows, and no stage uses it"))
            #expect(
                result.stdout.contains("Events no stage uses, with their rows: order (2), newsletter_signup (1).\n"))
            #expect(result.stdout.contains("Events of the journey that never occur in the log: ordr.\n"))

            let strict = try runJourney(arguments + ["--strict"], currentDirectory: folder)
            #expect(strict.status == 1, "\(strict)")
            #expect(strict.stdout.isEmpty)
            #expect(strict.stderr.contains("error: --strict: the event log gave 1 warning"))
            // The spelling the log has passes --strict.
            try folder.writing(Self.journey, to: "shop.journey")
            #expect(try runJourney(arguments + ["--strict"], currentDirectory: folder).status == 0)
        }
    }

    @Test("a window too short for the funnel is a warning that suggests one from the data")
    func aWindowTooShort() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey, to: "shop.journey")
            // a and e order 40 days after their visit; within 14 days nobody does.
            let late = """
                customer_id,timestamp,event
                a,2026-01-01T10:00:00Z,page_view
                a,2026-01-01T10:05:00Z,add_to_cart
                a,2026-02-10T10:00:00Z,order
                e,2026-01-01T10:00:00Z,page_view
                e,2026-01-01T10:05:00Z,add_to_cart
                e,2026-02-10T10:00:00Z,order

                """
            try folder.writing(late, to: "events.csv")
            let arguments = ["funnel", "shop.journey", "--events", "events.csv"]
            let result = try runJourney(arguments, currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(
                result.stderr.contains(
                    "shop.journey:14:1: warning: the 14d window cuts the funnel short at stage 'Order': 0 reach it "
                        + "within 14d of 'Visit', 2 with no window\n"))
            #expect(result.stderr.contains("help: try --window 40d: "))
            let longer = try runJourney(arguments + ["--window", "40d", "--strict"], currentDirectory: folder)
            #expect(longer.status == 0, "\(longer)")
            #expect(!longer.stderr.contains("window cuts"))
        }
    }

    @Test("charts and the report made with --events say which log, window, mode, dates and customers")
    func chartsAndReportNameTheLog() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey, to: "shop.journey")
            try folder.writing(Self.events, to: "events.csv")
            let source =
                "Reach measured from events.csv: 4 customers, events from 2026-01-01 to 2026-02-20, strict mode, "
                + "30d window"
            let options = ["--events", "events.csv", "--mode", "strict", "--window", "30d"]
            let render = try runJourney(
                ["render", "shop.journey", "--chart", "funnel", "-o", "shop.svg"] + options, currentDirectory: folder)
            #expect(render.status == 0, "\(render)")
            let svg = try String(contentsOf: folder.appendingPathComponent("shop.svg"), encoding: .utf8)
            #expect(svg.contains(">\(source)<"))
            let report = try runJourney(
                ["report", "shop.journey", "-o", "shop.html"] + options, currentDirectory: folder)
            #expect(report.status == 0, "\(report)")
            let html = try String(contentsOf: folder.appendingPathComponent("shop.html"), encoding: .utf8)
            #expect(html.contains("<p class=\"provenance\">\(source).</p>"))
            // 4 people: the Fix first card warns that they are too few.
            #expect(
                html.contains(
                    "<p class=\"caveat\">Careful: only 3 people entered it, too few (under 30) to trust its conversion.</p>"
                ))
            // Without --events the reach is the file's plan, and the report says so.
            let dressmate = Repository.journeysFolder.appendingPathComponent("dressmate.journey").path
            let planned = try runJourney(["report", dressmate, "-o", "planned.html"], currentDirectory: folder)
            #expect(planned.status == 0, "\(planned)")
            let plannedHTML = try String(contentsOf: folder.appendingPathComponent("planned.html"), encoding: .utf8)
            #expect(plannedHTML.contains("<p class=\"provenance\">Reach as planned in the journey file.</p>"))
        }
    }

    @Test("--apply changes only the reach lines of the journey file")
    func applyWritesReach() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey, to: "shop.journey")
            try folder.writing(Self.events, to: "events.csv")
            let result = try runJourney(
                ["funnel", "shop.journey", "--events", "events.csv", "--apply"], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            // The file's own warnings (reach on one stage only) come first.
            #expect(result.stderr.hasSuffix("Updated the reach of 3 stages in shop.journey.\n"))
            let updated = try String(contentsOf: folder.appendingPathComponent("shop.journey"), encoding: .utf8)
            let expected = Self.journey
                .replacingOccurrences(of: "  reach 1000   # a guess", with: "  reach 4   # a guess")
                .replacingOccurrences(of: "stage Cart\n", with: "stage Cart\n  reach 3\n")
                .replacingOccurrences(of: "stage Order\n", with: "stage Order\n  reach 1\n")
            #expect(updated == expected)
            #expect(try contents(of: folder) == ["events.csv", "shop.journey"])
        }
    }

    @Test("metrics and weakest take their reach from --events")
    func eventsOnOtherCommands() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey, to: "shop.journey")
            try folder.writing(Self.events, to: "events.csv")
            let metrics = try runJourney(
                ["metrics", "--format", "csv", "shop.journey", "--events", "events.csv"],
                currentDirectory: folder)
            #expect(metrics.status == 0, "\(metrics)")
            #expect(metrics.stdout.contains("\r\nVisit,4,0.75,"))
            // Without --events, the file lacks reach on two stages.
            let without = try runJourney(["metrics", "shop.journey"], currentDirectory: folder)
            #expect(without.status == 1)
            #expect(without.stderr.contains("stage 'Cart' has no reach"))
        }
    }

    @Test("a malformed row names its line and column; --skip-bad-rows counts it instead")
    func badRows() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey, to: "shop.journey")
            try folder.writing(Self.events + "e,yesterday,page_view,phone\n", to: "events.csv")
            let failed = try runJourney(["funnel", "shop.journey", "--events", "events.csv"], currentDirectory: folder)
            #expect(failed.status == 1, "\(failed)")
            #expect(failed.stderr.contains("events.csv:12:3: error:"), "\(failed.stderr)")
            let skipped = try runJourney(
                ["funnel", "shop.journey", "--events", "events.csv", "--skip-bad-rows", "--format", "json"],
                currentDirectory: folder)
            #expect(skipped.status == 0, "\(skipped)")
            let object = try JSONSerialization.jsonObject(with: Data(skipped.stdout.utf8)) as? [String: Any]
            #expect((object?["events"] as? [String: Any])?["skipped"] as? Int == 1)
        }
    }

    @Test("a header without the customer column is an error that lists the columns")
    func missingColumn() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey, to: "shop.journey")
            try folder.writing("user,timestamp,event\na,2026-01-01T10:00:00Z,page_view\n", to: "events.csv")
            let result = try runJourney(["funnel", "shop.journey", "--events", "events.csv"], currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("events.csv:1:"))
            #expect(result.stderr.contains("customer_id"))
            let renamed = try runJourney(
                ["funnel", "shop.journey", "--events", "events.csv", "--customer-column", "user"],
                currentDirectory: folder)
            #expect(renamed.status == 0, "\(renamed)")
        }
    }

    @Test("a stage without event lines cannot be measured")
    func stageWithoutEvent() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey.replacingOccurrences(of: "  event order\n", with: ""), to: "shop.journey")
            try folder.writing(Self.events, to: "events.csv")
            let result = try runJourney(["funnel", "shop.journey", "--events", "events.csv"], currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("shop.journey:14:1: error: stage 'Order' has no event"))
        }
    }

    @Test("on a journey whose last stages are rungs, the event log measures the stages before them")
    func rungStagesAreLeftToTheLadder() throws {
        try withTemporaryDirectory { folder in
            let journey = Self.journey.replacingOccurrences(of: "  event order\n", with: "  rung buyer\n")
            let file = try folder.writing(journey, to: "shop.journey")
            try folder.writing(Self.events, to: "events.csv")
            let unmeasured = try runJourney(
                ["funnel", "shop.journey", "--events", "events.csv"], currentDirectory: folder)
            #expect(unmeasured.status == 1)
            #expect(
                unmeasured.stderr.contains("shop.journey:14:1: error: stage 'Order' has no reach"), "\(unmeasured)")
            #expect(unmeasured.stderr.contains("journey customers PURCHASES.csv --journey FILE --apply"))

            try folder.writing(
                journey.replacingOccurrences(of: "  rung buyer\n", with: "  rung buyer\n  reach 1\n"),
                to: "shop.journey")
            let result = try runJourney(
                ["funnel", "shop.journey", "--events", "events.csv", "--apply"], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            // Visit 4 and Cart 3 (a, b and d) from the log, Order's 1 kept from the file.
            let written = try String(contentsOf: file, encoding: .utf8)
            #expect(written.contains("stage Visit\n  reach 4   # a guess\n"), "\(written)")
            #expect(written.contains("stage Cart\n  reach 3\n"), "\(written)")
            #expect(written.contains("  rung buyer\n  reach 1\n"), "\(written)")
        }
    }

    @Test("a bad window is explained")
    func badWindow() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey, to: "shop.journey")
            try folder.writing(Self.events, to: "events.csv")
            let result = try runJourney(
                ["funnel", "shop.journey", "--events", "events.csv", "--window", "2w"],
                currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stderr.contains("--window 2w"))
        }
    }

    /// 200,000 rows of 500 customers, in no particular order: about 150,000 funnel events, more
    /// than one thread keeps with `--event-memory 4M` (131,072).
    static let largerLog: String = {
        var text = "customer_id,timestamp,event\n"
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<200_000 {
            let event = ["page_view", "add_to_cart", "order", "newsletter_signup"][next(4)]
            text += "cus-\(next(500)),\(1_767_261_600 + next(30 * 86_400)),\(event)\n"
        }
        return text
    }()

    /// Runs `body` in a temporary folder holding `shop.journey`, `log` as `events.csv` and an
    /// empty folder `tmp` for the spilled events (`temporary`).
    private func withSpillFolder(log: String, _ body: (_ folder: URL, _ temporary: URL) throws -> Void) throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey, to: "shop.journey")
            try folder.writing(log, to: "events.csv")
            let temporary = folder.appendingPathComponent("tmp", isDirectory: true)
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
            try body(folder, temporary)
        }
    }

    @Test("--event-memory spills the events to a temporary file, with the same result and nothing left behind")
    func spillsToATemporaryFile() throws {
        try withSpillFolder(log: Self.largerLog) { folder, temporary in
            let arguments = ["funnel", "shop.journey", "--events", "events.csv", "--format", "json"]
            let inMemory = try runJourney(arguments, currentDirectory: folder)
            #expect(inMemory.status == 0, "\(inMemory)")
            // More than one thread keeps under 4M: `spillFolderMissing` shows that this log spills.
            #expect(inMemory.stdout.contains("\"funnelEvents\": 149991,"))
            let spilled = try runJourney(
                arguments + ["--event-memory", "4M"], environment: ["TMPDIR": temporary.path],
                currentDirectory: folder)
            #expect(spilled.status == 0, "\(spilled)")
            #expect(spilled.stdout == inMemory.stdout)
            let fromStandardInput = try runJourney(
                [
                    "funnel", "shop.journey", "--events", "-", "--format", "json",
                    "--event-memory", "4M",
                ],
                stdin: Data(Self.largerLog.utf8),
                environment: ["TMPDIR": temporary.path], currentDirectory: folder)
            #expect(fromStandardInput.stdout == inMemory.stdout, "\(fromStandardInput)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
        }
    }

    /// 140,000 page views of one customer, `bot-7`, and a few of others: more funnel events
    /// than one customer may have under `--event-memory 4M` (4 MiB / 32 bytes = 131,072).
    static let oneHeavyCustomer: String = {
        var text = "customer_id,timestamp,event\n"
        for second in 0..<140_000 {
            text += "bot-7,\(1_767_261_600 + second),page_view\n"
            if second.isMultiple(of: 1_000) { text += "cus-\(second),\(1_767_261_600 + second),add_to_cart\n" }
        }
        return text
    }()

    @Test("one customer with more events than --event-memory holds is an error naming them and the option")
    func oneCustomerOutgrowsTheEventMemory() throws {
        try withSpillFolder(log: Self.oneHeavyCustomer) { folder, temporary in
            let arguments = ["funnel", "shop.journey", "--events", "events.csv", "--format", "json"]
            let refused = try runJourney(
                arguments + ["--event-memory", "4M"], environment: ["TMPDIR": temporary.path],
                currentDirectory: folder)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stdout.isEmpty, "\(refused)")
            #expect(
                refused.stderr.contains(
                    "events.csv:1:1: error: customer 'bot-7' has 140,000 funnel events: the funnel scans "
                        + "a customer's events together, which takes 5 MiB for these (32 bytes an event), "
                        + "more than --event-memory 4M"), "\(refused)")
            #expect(refused.stderr.contains("help: raise --event-memory to 5M or more"), "\(refused)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
            // As the help says: 5M holds the customer, and the result is the one computed in memory.
            let inMemory = try runJourney(arguments, currentDirectory: folder)
            #expect(inMemory.status == 0, "\(inMemory)")
            #expect(inMemory.stdout.contains("\"funnelEvents\": 140140,"), "\(inMemory)")
            let raised = try runJourney(
                arguments + ["--event-memory", "5M"], environment: ["TMPDIR": temporary.path],
                currentDirectory: folder)
            #expect(raised.status == 0, "\(raised)")
            #expect(raised.stdout == inMemory.stdout)
        }
    }

    @Test("a temporary folder that cannot be written is an error that says what to do")
    func spillFolderMissing() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey, to: "shop.journey")
            try folder.writing(Self.largerLog, to: "events.csv")
            let result = try runJourney(
                ["funnel", "shop.journey", "--events", "events.csv", "--event-memory", "4M"],
                environment: ["TMPDIR": "/nonexistent/journey-tmp"], currentDirectory: folder)
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr.contains(
                    "events.csv:1:1: error: cannot keep the funnel events in a temporary file "
                        + "in '/nonexistent/journey-tmp': No such file or directory"), "\(result)")
            #expect(result.stderr.contains("set TMPDIR to a folder with room, or raise --event-memory"))
            // About the whole file: no source line and caret under it.
            #expect(!result.stderr.contains(" 1 |"), "\(result)")
        }
    }

    @Test("a bad --event-memory is explained")
    func badEventMemory() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey, to: "shop.journey")
            try folder.writing(Self.events, to: "events.csv")
            let result = try runJourney(
                ["funnel", "shop.journey", "--events", "events.csv", "--event-memory", "64"],
                currentDirectory: folder)
            #expect(result.status == 1)
            #expect(
                result.stderr.contains("--event-memory 64: '64' is not an amount of memory: it has no unit"),
                "\(result)")
            let tooSmall = try runJourney(
                ["funnel", "shop.journey", "--events", "events.csv", "--event-memory", "1M"],
                currentDirectory: folder)
            #expect(tooSmall.status == 1)
            #expect(tooSmall.stderr.contains("--event-memory 1M: at least 4M"), "\(tooSmall)")
            #expect(tooSmall.stderr.contains("help: write 4M or more, such as 64M"), "\(tooSmall)")
        }
    }

    @Test("more stages than an event log measures: a warning from check, an error (not a crash) with --events")
    func moreStagesThanTheEngineMeasures() throws {
        try withTemporaryDirectory { folder in
            let stages = (1...256).map { "stage S\($0)\n  event e\($0)\n  touchpoint \"Step\" +1 via site\n" }
            try folder.writing("journey Long\nchannel site owned\n" + stages.joined(), to: "long.journey")
            try folder.writing("customer_id,timestamp,event\n", to: "events.csv")
            let check = try runJourney(["check", "long.journey"], currentDirectory: folder)
            #expect(check.status == 0, "\(check)")
            #expect(
                check.stderr.contains("long.journey:768:1: warning: stage 'S256' comes after 255 others"), "\(check)")
            for command in ["funnel", "metrics", "weakest", "render"] {
                let output = command == "render" ? ["-o", "long.svg"] : []
                let result = try runJourney(
                    [command, "long.journey", "--events", "events.csv"] + output, currentDirectory: folder)
                #expect(result.status == 1, "\(command): \(result)")
                #expect(
                    result.stderr.contains(
                        "long.journey:768:1: error: stage 'S256' comes after 255 others: an event log measures at "
                            + "most 255 stages"), "\(command): \(result)")
            }
        }
    }

    @Test("a log on standard input that stops in the middle of its last row is an error, not counted")
    func aCutStreamIsReported() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey, to: "shop.journey")
            // The stream stops in "order": "ord", with no line break after it.
            let cut =
                "customer_id,timestamp,event\na,2026-01-01T10:00:00Z,page_view\n"
                + "a,2026-01-01T10:05:00Z,add_to_cart\na,2026-01-02T09:00:00Z,ord"
            try folder.writing(cut, to: "cut.csv")
            // Through a real pipe: a file as standard input is read as a file, whole.
            let result = try Self.funnelThroughPipe(from: "cat cut.csv", in: folder)
            #expect(result.status == 1, "\(result)")
            #expect(
                result.stderr.contains(
                    "<stdin>:4:27: error: the input ends in this row, without a line break after it: it may have "
                        + "been cut"), "\(result)")
            let skipped = try Self.funnelThroughPipe(
                from: "cat cut.csv", options: "--skip-bad-rows --format json", in: folder)
            #expect(skipped.status == 0, "\(skipped)")
            #expect(skipped.stdout.contains("\"skipped\": 1"), "\(skipped.stdout)")
        }
    }

    @Test("an endless input without line breaks stops at 64 MiB a row, in bounded memory")
    func anEndlessRowStops() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(Self.journey, to: "shop.journey")
            let zero = try runJourney(["funnel", "shop.journey", "--events", "/dev/zero"], currentDirectory: folder)
            #expect(zero.status == 1, "\(zero)")
            #expect(
                zero.stderr.contains(
                    "/dev/zero:1:1: error: '/dev/zero' is larger than 64 MiB, the most journey reads of one row of "
                        + "an event log"), "\(zero)")
            #expect(zero.stderr.contains("help: check that this is a CSV event log: each row ends with a line break"))
            // A header, then 80 MB without a line break, through a pipe.
            let piped = try Self.funnelThroughPipe(
                from: "(printf 'customer_id,timestamp,event\\na,1795446245,page_view\\n'; head -c 80000000 /dev/zero)",
                in: folder)
            #expect(piped.status == 1, "\(piped)")
            #expect(piped.stderr.contains("<stdin>:1:1: error: '-' is larger than 64 MiB"), "\(piped)")
        }
    }

    /// `journey funnel shop.journey --events - OPTIONS` in `folder`, its standard input a real
    /// pipe from the shell command `producer` (a file given as standard input is read as a file).
    private static func funnelThroughPipe(from producer: String, options: String = "", in folder: URL) throws
        -> RunResult
    {
        try runExecutable(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", producer + " | \"$0\" funnel shop.journey --events - " + options, try JourneyBinary.url().path],
            currentDirectory: folder)
    }
}
