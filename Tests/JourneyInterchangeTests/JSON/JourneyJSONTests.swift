import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyInterchange
@testable import JourneyLanguage

@Suite struct JourneyJSONTests {
    static let files: [URL] = Repository.journeyFiles(in: "journeys")

    @Test(arguments: files)
    func everyExampleRoundTrips(url: URL) throws {
        let journey = check(try String(contentsOf: url, encoding: .utf8)).journey
        let json = JourneyJSONExporter.export(journey)
        let imported = JourneyJSONImporter.parse(Array(json.utf8), name: "x.json")
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.map(\.message))")
        #expect(imported.journey.withoutSourceLocations() == journey.withoutSourceLocations())
        #expect(JourneyJSONExporter.export(journey) == json, "byte-identical from run to run")
    }

    @Test func documentShape() throws {
        let url = Repository.root.appendingPathComponent("journeys/dressmate.journey")
        let json = JourneyJSONExporter.export(check(try String(contentsOf: url, encoding: .utf8)).journey)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "journey")
        #expect(object["version"] as? Int == 1)
        let journey = try #require(object["journey"] as? [String: Any])
        #expect(journey["name"] as? String == "Dressmate — first order")
        let stages = try #require(journey["stages"] as? [[String: Any]])
        #expect(stages[0]["target"] as? Double == 0.25)
        let touchpoint = try #require((stages[0]["touchpoints"] as? [[String: Any]])?.first)
        #expect(touchpoint["score"] as? Int == 2)
        #expect(touchpoint["metric"] as? String == "reel views")
        #expect(touchpoint["engagement"] is NSNull)
        let metrics = try #require(object["metrics"] as? [String: Any])
        #expect((metrics["weakest"] as? [String: Any])?["stage"] as? String == "Purchase")
        #expect(json.hasPrefix("{\n  \"format\": \"journey\",\n  \"version\": 1,\n  \"journey\": {\n    \"name\": "))
    }

    @Test func theCustomersBlockRungsAndPartnersLevelsGoThereAndBack() throws {
        let journey = LadderAndPartnersJourney.journey
        let json = JourneyJSONExporter.export(journey)
        let imported = JourneyJSONImporter.parse(Array(json.utf8), name: "x.json")
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.map(\.message))")
        #expect(imported.journey.withoutSourceLocations() == journey.withoutSourceLocations())

        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let model = try #require(object["journey"] as? [String: Any])
        let customers = try #require(model["customers"] as? [String: Any])
        #expect(customers["recommend"] as? String == "0..10")
        #expect(customers["fan"] as? Int == 4)
        #expect(customers["lostAfter"] as? Double == 1.5)
        let channels = try #require(model["channels"] as? [[String: Any]])
        #expect(channels[0]["vcp"] is NSNull)
        #expect(channels[1]["vcp"] as? [String: String] == ["ours": "profitability", "theirs": "credibility"])
        #expect((channels[2]["vcp"] as? [String: Any])?["theirs"] is NSNull)
        let stages = try #require(model["stages"] as? [[String: Any]])
        #expect(stages.map { $0["rung"] as? String } == [nil, "buyer", "sponsor"])
        #expect(json.contains("\"events\": [],\n        \"rung\": \"buyer\",\n"), "the rung follows the events")
    }

    @Test func aJourneyWithoutThemSaysNull() throws {
        let json = JourneyJSONExporter.export(check(header + "stage A\n").journey)
        #expect(json.contains(#""customers": null"#))
        #expect(json.contains(#""vcp": null"#))
        #expect(json.contains(#""rung": null"#))
        let imported = JourneyJSONImporter.parse(Array(json.utf8), name: "x.json").journey
        #expect(imported.customers == nil)
    }

    @Test func customersRulesLeftOutKeepTheirDefaultsAndBadLevelsArePaths() {
        func parse(_ json: String) -> ParsedJourney {
            JourneyJSONImporter.parse(Array(json.utf8), name: "x.json")
        }
        let rules = parse(
            #"{"format": "journey", "version": 1, "journey": {"name": "x", "customers": {"fan": 3}}}"#)
        #expect(rules.diagnostics.isEmpty)
        #expect(rules.journey.customers == RelationshipRules(fanPurchaseDays: 3))
        let wrong = parse(
            #"{"format": "journey", "version": 1, "journey": {"name": "x", "customers": {"recommend": "1..5"}, "#
                + #""channels": [{"id": "c", "media": "partner", "vcp": {"ours": "credibilty"}}], "#
                + #""stages": [{"name": "A", "rung": "fan"}]}}"#)
        #expect(
            wrong.diagnostics.map(\.message) == [
                "journey.channels[0].vcp.ours: unknown partner level 'credibilty' (did you mean 'credibility'?)",
                "journey.customers.recommend: '1..5' is neither 1..10 nor 0..10",
                "journey.stages[0].rung: unknown rung 'fan'",
            ])
    }

    @Test func exactNumbersSurvive() {
        let origin = SourceLocation(line: 1, column: 1)
        let journey = Journey(
            name: "x", scale: ScoreScale(minimum: -2.5, maximum: 3),
            stages: [
                Stage(
                    name: "A", reach: 3, target: 0.1234567891,
                    touchpoints: [
                        Touchpoint(name: "t", score: 1.0 / 3, location: origin)
                    ], location: origin)
            ])
        let imported = JourneyJSONImporter.parse(Array(JourneyJSONExporter.export(journey).utf8), name: "x.json")
        #expect(imported.journey.withoutSourceLocations() == journey.withoutSourceLocations())
        #expect(imported.journey.stages.first?.target == 0.1234567891)
        #expect(imported.journey.stages.first?.touchpoints.first?.score == 1.0 / 3)
    }

    @Test func trickyTextSurvives() {
        let tricky = "<Café & \"quotes\" 'single' \\ 😀 שלום ]]>\n\ttab\u{0001}"
        let origin = SourceLocation(line: 1, column: 1)
        let journey = Journey(
            name: tricky, personas: [Persona(id: tricky, description: tricky, location: origin)],
            stages: [
                Stage(
                    name: tricky,
                    touchpoints: [
                        Touchpoint(
                            name: tricky, score: -1, pains: [tricky],
                            location: origin)
                    ], location: origin)
            ])
        let imported = JourneyJSONImporter.parse(Array(JourneyJSONExporter.export(journey).utf8), name: "x.json")
        #expect(imported.journey.withoutSourceLocations() == journey.withoutSourceLocations())
    }

    @Test func problemsNameThePathOfTheKey() {
        func messages(_ json: String) -> [String] {
            JourneyJSONImporter.parse(Array(json.utf8), name: "x.json").diagnostics.map(\.message)
        }
        let valid =
            #"{"format": "journey", "version": 1, "journey": {"name": "x", "stages": [{"name": "A", "touchpoints": [{"name": "t", "score": 1}]}]}}"#
        #expect(messages(valid).isEmpty)
        #expect(
            messages(valid.replacingOccurrences(of: #""score": 1"#, with: #""score": "high""#))
                == ["journey.stages[0].touchpoints[0].score: expected a number"])
        #expect(
            messages(valid.replacingOccurrences(of: #""name": "t", "#, with: ""))
                == ["journey.stages[0].touchpoints[0].name: missing"])
        #expect(
            messages(valid.replacingOccurrences(of: #""version": 1"#, with: #""version": 2"#))
                == ["'version' is 2; this tool reads version 1"])
        #expect(
            messages(valid.replacingOccurrences(of: #""journey", "version""#, with: #""mermaid", "version""#))
                == ["'format' is 'mermaid', not 'journey'"])
        #expect(
            messages(valid.replacingOccurrences(of: #""score": 1"#, with: #""score": 1, "engagement": "communty""#))
                == [
                    "journey.stages[0].touchpoints[0].engagement: unknown engagement level 'communty' (did you mean 'community'?)"
                ])
    }

    @Test func problemsArePlacedAtTheValueTheyAreAbout() {
        let json = """
            {"format": "journey", "version": 1,
             "journey": {"name": "x",
              "channels": [{"id": "c", "media": "payd"}],
              "stages": [{"name": "A", "touchpoints": [{"name": "t", "score": "high"}]}]}}
            """
        let mistyped = JourneyJSONImporter.parse(Array(json.utf8), name: "x.json").diagnostics
        #expect(mistyped.map(\.message) == ["journey.stages[0].touchpoints[0].score: expected a number"])
        #expect(mistyped.map(\.location) == [SourceLocation(line: 4, column: 67)])
        let unknown = JourneyJSONImporter.parse(
            Array(json.replacingOccurrences(of: #""high""#, with: "2").utf8), name: "x.json"
        ).diagnostics
        #expect(unknown.map(\.message) == ["journey.channels[0].media: unknown media 'payd' (did you mean 'paid'?)"])
        #expect(unknown.map(\.location) == [SourceLocation(line: 3, column: 37)])
        // A missing key: at the object that lacks it.
        let missing = JourneyJSONImporter.parse(
            Array(json.replacingOccurrences(of: #""name": "t", "#, with: "").utf8), name: "x.json"
        ).diagnostics
        #expect(missing.map(\.location) == [SourceLocation(line: 4, column: 44)])
    }

    @Test func aCharacterXMLCannotCarryIsAnErrorAtItsEscape() {
        let json = #"""
            {"format": "journey", "version": 1, "metrics": {"note": "\u0007 is ignored here"},
             "journey": {"name": "Bell\u0007", "stages": [{"name": "A", "touchpoints": [{"name": "t\u0001", "score": 1}]}]}}
            """#
        let diagnostics = JourneyJSONImporter.parse(Array(json.utf8), name: "x.json").diagnostics
        #expect(diagnostics.map(\.code) == ["control-character", "control-character"])
        #expect(
            diagnostics.map(\.message) == [
                "journey.name: the text holds the control character U+0007, which XML cannot carry",
                "journey.stages[0].touchpoints[0].name: the text holds the control character U+0001, which XML cannot carry",
            ])
        #expect(
            diagnostics.map(\.location) == [SourceLocation(line: 2, column: 27), SourceLocation(line: 2, column: 88)])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func syntaxErrorsGiveTheirLine() throws {
        let result = JourneyJSONImporter.parse(Array("{\n  \"format\": \"journey\",\n  oops\n}".utf8), name: "x.json")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "json-import")
        #expect(diagnostic.message.hasPrefix("not valid JSON"))
        #expect(diagnostic.location.line == 3)
    }
}
