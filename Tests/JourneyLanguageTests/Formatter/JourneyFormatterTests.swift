import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyLanguage

@Suite struct JourneyFormatterTests {
    static let files: [URL] =
        Repository.journeyFiles(in: "journeys")
        + Repository.journeyFiles(in: Repository.starterJourneys)

    @Test func dressmateIsWrittenInTheLayoutOfTheDocs() throws {
        let url = Repository.root.appendingPathComponent("journeys/dressmate.journey")
        let original = try String(contentsOf: url, encoding: .utf8)
        let formatted = JourneyFormatter.format(check(original).journey)
        // The contract file is already in the canonical layout; only its comment is lost.
        let withoutComment = original.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)[1]
        #expect(formatted == String(withoutComment))
    }

    @Test func theCoffeeSubscriptionIsWrittenInTheLayoutOfTheDocs() throws {
        // The example of the customers block, rungs and partners' levels, in the canonical layout.
        let url = Repository.root.appendingPathComponent("journeys/coffee-subscription.journey")
        let original = try String(contentsOf: url, encoding: .utf8)
        let parsed = check(original)
        #expect(parsed.diagnostics.isEmpty, "\(rendered(parsed.diagnostics))")
        let withoutComments = original.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.hasPrefix("#") }
            .joined(separator: "\n")
        #expect(JourneyFormatter.format(parsed.journey) == withoutComments)
    }

    @Test(arguments: files)
    func everyExampleRoundTrips(url: URL) throws {
        let journey = check(try String(contentsOf: url, encoding: .utf8)).journey
        let formatted = JourneyFormatter.format(journey)
        let reparsed = check(formatted, name: "formatted.journey")
        #expect(reparsed.diagnostics.isEmpty, "\(url.lastPathComponent): \(reparsed.diagnostics.map(\.message))")
        #expect(reparsed.journey.withoutSourceLocations() == journey.withoutSourceLocations())
        #expect(JourneyFormatter.format(reparsed.journey) == formatted, "formatting is idempotent")
    }

    @Test func trickyTextAndNamesSurvive() {
        let origin = SourceLocation(line: 1, column: 1)
        let tricky = #"<Café & "quotes" \ back\slash 😀 שלום ]]>"#
        let journey = Journey(
            name: tricky,
            scale: ScoreScale(minimum: -2.5, maximum: 3),
            state: .future,
            personas: [
                Persona(id: "via", description: tricky, location: origin),
                Persona(id: "Zoë", location: origin),
            ],
            channels: [Channel(id: "my site", media: .partner, description: nil, location: origin)],
            stages: [
                Stage(
                    name: "stage", reach: 120_000, target: 0.29, owner: tricky, events: ["a-b", "c d"],
                    touchpoints: [
                        Touchpoint(
                            name: tricky, score: -2.5, channel: "my site", isMeasured: true,
                            metric: "measured", personas: ["via", "Zoë"], engagement: .coCreation,
                            pains: [tricky], ideas: ["", "x"], thoughts: [tricky],
                            location: origin)
                    ],
                    location: origin)
            ])
        let formatted = JourneyFormatter.format(journey)
        let reparsed = check(formatted)
        // The empty idea cannot be written back: the language rejects empty text. A target on
        // the only stage is written back as it is, and warned about.
        #expect(reparsed.diagnostics.map(\.code) == ["target-on-last-stage", "empty-text"])
        var expected = journey
        expected.stages[0].touchpoints[0].ideas = ["x"]
        #expect(reparsed.journey.withoutSourceLocations() == expected.withoutSourceLocations())
        #expect(formatted.contains(#"persona "via""#), "a keyword used as an id is quoted")
        #expect(formatted.contains("target 29%"), "0.29 × 100 is written 29, not 28.999999999999996")
    }

    @Test func lineBreaksInTextBecomeSpaces() {
        let journey = Journey(name: "Two\nlines\r\nhere")
        #expect(JourneyFormatter.format(journey).hasPrefix(#"journey "Two lines  here""#))
    }
}

@Suite struct CustomersBlockFormattingTests {
    @Test func theBlockIsWrittenWholeAfterTheChannelsAndReadsBackByteForByte() {
        let source = """
            journey Test
            scale -5..5
            state current

            channel site owned

            customers
              recommend 0..10
              fan 4
              lost after 1.5x

            stage A
              touchpoint "Pays" +1 via site

            """
        let parsed = check(source)
        #expect(parsed.diagnostics.isEmpty, "\(rendered(parsed.diagnostics))")
        #expect(JourneyFormatter.format(parsed.journey) == source)
    }

    @Test func itemsLeftOutAreWrittenWithTheirDefaults() {
        let formatted = JourneyFormatter.format(check("journey \"Test\"\ncustomers\n").journey)
        #expect(formatted.hasSuffix("\n\ncustomers\n  recommend 1..10\n  fan 5\n  lost after 2x\n"))
    }

    @Test func aNumberOfGapsIsWrittenExactly() {
        var journey = Journey(name: "Test")
        journey.customers = RelationshipRules(lostAfter: 2.123456789)
        let formatted = JourneyFormatter.format(journey)
        #expect(formatted.contains("lost after 2.123456789x"))
        #expect(check(formatted).journey.customers == journey.customers)
    }
}
