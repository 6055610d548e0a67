import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyLanguage

/// Each example journey, damaged as a hurried user would damage it, and what the verdict says.
///
/// An event renamed (a letter dropped), a stage with reach 0, a target 0.1 point above the
/// conversion: the verdict must name the break, never round a miss up to the target, and point
/// at the typo with the name the log has.
@Suite("damaged examples")
struct DamagedExamplesTests {
    static let examples = Repository.journeyFiles(in: Repository.journeysFolder)

    /// The example's text, its checked journey, and its lines.
    private static func load(_ url: URL) throws -> (journey: Journey, lines: [String]) {
        let text = try String(contentsOf: url, encoding: .utf8)
        let checked = JourneyChecker.check(SourceFile(name: url.lastPathComponent, text: text))
        #expect(!checked.diagnostics.containsErrors, "\(url.lastPathComponent)")
        return (checked.journey, text.components(separatedBy: "\n"))
    }

    /// `lines` with line `number` (from 1) rewritten as `text`, indented as it was.
    private static func replacing(_ lines: [String], line number: Int, with text: String) -> String {
        var lines = lines
        let indent = lines[number - 1].prefix { $0 == " " || $0 == "\t" }
        lines[number - 1] = indent + text
        return lines.joined(separator: "\n")
    }

    @Test("a stage with reach 0: the stage before it, which lost everyone, is named", arguments: examples)
    func aStageWithReachZero(url: URL) throws {
        let (journey, lines) = try Self.load(url)
        // The middle stage of those with a reach, and every stage after it, set to 0.
        let reached = journey.stages.indices.filter { journey.stages[$0].reachRange != nil }
        let broken = try #require(reached.dropFirst().first { $0 >= journey.stages.count / 2 } ?? reached.last)
        var text = lines
        for index in reached where index >= broken {
            let line = try #require(journey.stages[index].reachRange?.start.line)
            text = Self.replacing(text, line: line, with: "reach 0").components(separatedBy: "\n")
        }
        try withTemporaryDirectory { folder in
            try folder.writing(text.joined(separator: "\n"), to: "damaged.journey")
            let result = try runJourney(["weakest", "damaged.journey"], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            let before = journey.stages[broken - 1]
            #expect(result.stdout.contains("Weakest stage: \(before.name)\n"), "\(result.stdout)")
            #expect(
                result.stdout.contains(
                    "  Nobody of the \(NumberFormatting.grouped(before.reach ?? 0)) people who entered \(before.name) "
                        + "reached \(journey.stages[broken].name): it converts 0%"), "\(result.stdout)")
        }
    }

    @Test("a target 0.1 point above the conversion is 0.1 points short, never rounded to it", arguments: examples)
    func aTargetJustAboveTheConversion(url: URL) throws {
        let (journey, lines) = try Self.load(url)
        let first = journey.stages[0]
        let reach = try #require(first.reach)
        let next = try #require(journey.stages[1].reach)
        // The conversion as the table shows it, one decimal, and a target 0.1 point above it.
        let shown = (Double(next) / Double(reach) * 1000).rounded() / 10
        let target = NumberFormatting.plain(shown + 0.1, maximumFractionDigits: 1)
        let text: String
        if let line = first.targetRange?.start.line {
            text = Self.replacing(lines, line: line, with: "target \(target)%")
        } else {
            var added = lines
            added.insert("  target \(target)%", at: first.location.line)
            text = added.joined(separator: "\n")
        }
        try withTemporaryDirectory { folder in
            try folder.writing(text, to: "damaged.journey")
            let weakest = try runJourney(["weakest", "damaged.journey"], currentDirectory: folder)
            #expect(weakest.status == 0, "\(weakest)")
            let conversion = NumberFormatting.plain(shown, maximumFractionDigits: 1)
            #expect(
                weakest.stdout.contains(
                    "\(conversion)% of its people to the next stage against a target of \(target)%: 0.1 points short")
                    || weakest.stdout.contains(
                        "\(first.name): \(conversion)% against a target of \(target)%, 0.1 points short"),
                "\(weakest.stdout)")
            #expect(!weakest.stdout.contains("\(target)% against a target of \(target)%"))
            let chart = try runJourney(
                ["render", "damaged.journey", "--chart", "funnel", "-o", "damaged.svg"], currentDirectory: folder)
            #expect(chart.status == 0, "\(chart)")
            let svg = try String(contentsOf: folder.appendingPathComponent("damaged.svg"), encoding: .utf8)
            #expect(svg.contains("target \(target)%: 0.1 points short"))
            #expect(!svg.contains("↓ \(target)% continue"))
        }
    }

    @Test("an event renamed: a warning at it with the log's name, and the break named", arguments: examples)
    func anEventRenamed(url: URL) throws {
        let (journey, lines) = try Self.load(url)
        let measured = journey.stages.prefix { $0.rung == nil }
        try #require(measured.count >= 2)
        // A log of 60 customers, each reaching 1 to all of the measured stages, an hour apart.
        var log = "customer_id,timestamp,event\n"
        for customer in 0..<60 {
            for stage in 0...(customer % measured.count) {
                log += "c\(customer),2026-03-01T\(10 + stage):00:00Z,\(measured[stage].events[0])\n"
            }
        }
        // The middle stage's first event loses its last letter.
        let renamed = measured.count / 2
        let event = measured[renamed].events[0]
        let range = try #require(measured[renamed].eventRanges.first)
        let typo = String(event.dropLast())
        let text = Self.replacing(lines, line: range.start.line, with: "event \(typo)")
        try withTemporaryDirectory { folder in
            try folder.writing(text, to: "damaged.journey")
            try folder.writing(log, to: "events.csv")
            let arguments = ["funnel", "damaged.journey", "--events", "events.csv"]
            let result = try runJourney(arguments, currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(
                result.stderr.contains(
                    "damaged.journey:\(range.start.line):\(range.start.column): warning: event '\(typo)' of stage "
                        + "'\(measured[renamed].name)' never occurs in events.csv"), "\(result.stderr)")
            #expect(result.stderr.contains("did you mean '\(event)'?"), "\(result.stderr)")
            let before = measured[renamed - 1]
            #expect(result.stdout.contains("Weakest stage: \(before.name)."), "\(result.stdout)")
            // The verdict paragraph is wrapped at 100 columns.
            let verdict = result.stdout.replacingOccurrences(of: "\n", with: " ")
            #expect(verdict.contains("reached \(measured[renamed].name): it converts 0%"), "\(result.stdout)")
            #expect(try runJourney(arguments + ["--strict"], currentDirectory: folder).status == 1)
        }
    }
}
