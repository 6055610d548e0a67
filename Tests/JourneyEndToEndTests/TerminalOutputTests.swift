import Foundation
import JourneyTestSupport
import Testing

/// What journey prints to a terminal, run on a pseudo-terminal.
///
/// Text from files, and the names of files, cannot clear the screen, retitle the window or
/// reorder what a reader sees, for their control characters are shown as escapes
/// (`TerminalText`); a file or a pipe still gets the bytes as they are. And the metrics table
/// fits the terminal.
@Suite("terminal output", .enabled(if: OptionalTools.script != nil, OptionalTools.scriptMissing))
struct TerminalOutputTests {
    /// Clears the screen, sets the window's title, and the 8-bit form of the escape (CSI).
    private static let clear = "\u{1B}[2J"
    private static let title = "\u{1B}]0;owned\u{07}"
    private static let csi = "\u{9B}2J"
    private static let override = "\u{202E}"

    /// Whether `text` holds a character that drives a terminal: ESC, BEL, a C1 control, or a
    /// bidirectional override.
    private func drivesTerminal(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            [0x07, 0x1B, 0x9B, 0x202E].contains(scalar.value)
        }
    }

    private var dressmate: String {
        get throws {
            try String(
                contentsOf: Repository.journeysFolder.appendingPathComponent("dressmate.journey"), encoding: .utf8)
        }
    }

    /// Dressmate with a stage, a pain point and the title holding what drives a terminal:
    /// control characters that XML allows, so that the journey checks with a warning at most.
    private var trickyJourney: String {
        get throws {
            try dressmate
                .replacingOccurrences(of: "stage Purchase", with: "stage \"Purchase \(Self.csi)\"")
                .replacingOccurrences(
                    of: "\"Checkout asks her to create an account\"",
                    with: "\"Checkout asks \(Self.override)her to create an account\"")
        }
    }

    @Test("a theme's name from its file cannot retitle the window or clear the screen (render and report)")
    func themeName() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(#"{"name": "brand\u001b]0;owned\u0007\u001b[2J"}"#, to: "brand.json")
            try folder.writing(try dressmate, to: "shop.journey")
            for arguments in [
                ["render", "--theme", "brand.json", "-o", "shop.svg", "shop.journey"],
                ["report", "--theme", "brand.json", "-o", "shop.html", "shop.journey"],
            ] {
                let result = try runJourney(arguments, currentDirectory: folder, terminalColumns: 80)
                #expect(result.status == 0, "\(result)")
                #expect(!drivesTerminal(result.stdout), "\(result)")
                #expect(result.stdout.contains(#"brand\u{1B}]0;owned\u{7}\u{1B}[2J"#), "\(result)")
            }
        }
    }

    @Test("a file name printed by init, export or import cannot drive the terminal")
    func fileNames() throws {
        try withTemporaryDirectory { folder in
            let name = "shop\(Self.clear)"
            let created = try runJourney(["init", name + ".journey"], currentDirectory: folder, terminalColumns: 80)
            #expect(created.status == 0, "\(created)")
            #expect(!drivesTerminal(created.stdout), "\(created)")
            #expect(created.stdout.hasPrefix(#"Created shop\u{1B}[2J.journey from the"#), "\(created)")

            let exported = try runJourney(
                ["export", "--format", "mermaid", name + ".journey"], currentDirectory: folder, terminalColumns: 80)
            #expect(exported.status == 0, "\(exported)")
            #expect(exported.stdout == #"Wrote shop\u{1B}[2J.mmd (mermaid)."# + "\n", "\(exported)")

            let imported = try runJourney(
                ["import", "-o", "copy\(Self.title).journey", name + ".mmd"], currentDirectory: folder,
                terminalColumns: 80)
            #expect(imported.status == 0, "\(imported)")
            #expect(!drivesTerminal(imported.stdout), "\(imported)")
        }
    }

    @Test("names from a journey are escaped in the metrics table, the weakest stage and the funnel")
    func journeyText() throws {
        try withTemporaryDirectory { folder in
            try folder.writing(try trickyJourney, to: "shop.journey")
            try folder.writing(
                """
                customer_id,timestamp,event
                c1,2026-01-01,ad_view
                c1,2026-01-02,product_view
                c1,2026-01-03,checkout_started
                c2,2026-01-01,ad_view

                """, to: "events.csv")
            for arguments in [
                ["metrics", "shop.journey"], ["weakest", "shop.journey"],
                ["funnel", "shop.journey", "--events", "events.csv"],
            ] {
                let result = try runJourney(arguments, currentDirectory: folder, terminalColumns: 100)
                #expect(result.status == 0, "\(result)")
                #expect(!drivesTerminal(result.stdout), "\(arguments): \(result)")
                #expect(result.stdout.contains(#"Purchase \u{9B}2J"#), "\(arguments): \(result)")
                #expect(!drivesTerminal(result.stderr), "\(arguments): \(result)")
            }
            let weakest = try runJourney(["weakest", "shop.journey"], currentDirectory: folder, terminalColumns: 100)
            #expect(weakest.stdout.contains(#"Checkout asks \u{202E}her"#), "\(weakest)")

            // A file or a pipe gets the bytes as they are.
            let piped = try runJourney(["metrics", "shop.journey"], currentDirectory: folder)
            #expect(piped.stdout.contains("Purchase \(Self.csi)"), "\(piped)")
        }
    }

    @Test("a Mermaid task imported to standard output, and a customer id from a CSV file, are escaped")
    func mermaidAndCSV() throws {
        try withTemporaryDirectory { folder in
            try folder.writing("journey\ntitle Shop\nsection Find\nSearch \(Self.csi): 3: Me\n", to: "shop.mmd")
            let imported = try runJourney(
                ["import", "-o", "-", "shop.mmd"], currentDirectory: folder, terminalColumns: 80)
            #expect(imported.status == 0, "\(imported)")
            #expect(!drivesTerminal(imported.stdout), "\(imported)")
            #expect(imported.stdout.contains(#"Search \u{9B}2J"#), "\(imported)")

            try folder.writing(
                "customer_id,timestamp\nann\(Self.clear),2026-01-01\nann\(Self.clear),2026-02-01\nbob,2026-01-05\n",
                to: "purchases.csv")
            let customers = try runJourney(
                ["customers", "--format", "csv", "purchases.csv"], currentDirectory: folder, terminalColumns: 80)
            #expect(customers.status == 0, "\(customers)")
            #expect(!drivesTerminal(customers.stdout), "\(customers)")
            #expect(customers.stdout.contains(#"ann\u{1B}[2J"#), "\(customers)")
        }
    }

    @Test("validate names a file whose name holds an escape without driving the terminal")
    func validate() throws {
        try withTemporaryDirectory { folder in
            try folder.writing("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>\n", to: "chart\(Self.title).svg")
            let result = try runJourney(
                ["validate", "chart\(Self.title).svg"], currentDirectory: folder, terminalColumns: 80)
            #expect(result.status == 1, "\(result)")
            #expect(!drivesTerminal(result.stdout), "\(result)")
            #expect(!drivesTerminal(result.stderr), "\(result)")
            #expect(result.stdout.hasPrefix(#"chart\u{1B}]0;owned\u{7}.svg: failed well-formed XML"#), "\(result)")
        }
    }

    @Test("funnel --apply names the journey file on standard error without driving the terminal")
    func applyNote() throws {
        try withTemporaryDirectory { folder in
            let name = "shop\(Self.title).journey"
            try folder.writing(try dressmate, to: name)
            try folder.writing("customer_id,timestamp,event\nc1,2026-01-01,ad_view\n", to: "events.csv")
            let result = try runJourney(
                ["funnel", name, "--events", "events.csv", "--apply"], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(!drivesTerminal(result.stderr), "\(result)")
            #expect(result.stderr.contains(#"in shop\u{1B}]0;owned\u{7}.journey."#), "\(result)")
        }
    }

    @Test("the metrics table fits the terminal's width, which COLUMNS need not give", arguments: [100, 72, 50])
    func metricsWidth(_ columns: Int) throws {
        for file in Repository.journeyFiles(in: Repository.journeysFolder) {
            let result = try runJourney(["metrics", file.path], terminalColumns: columns)
            #expect(result.status == 0, "\(result)")
            // The examples hold no wide character: a character is a column.
            let widest = result.stdout.split(separator: "\n").map(\.count).max() ?? 0
            #expect(widest <= columns, "\(file.lastPathComponent) at \(columns) columns:\n\(result.stdout)")
        }
    }
}
