import Foundation
import JourneyLanguage

/// Reads a journey back from the project's JSON document (see `JourneyJSONExporter`).
///
/// Only the `journey` part is read: metrics are recomputed from it. Keys the reader does not
/// know are ignored, so that documents from a later minor version still read. Problems are
/// diagnostics naming the key's path, such as `journey.stages[2].touchpoints[0].score`, at the
/// line and column of its value (`JSONValueLocations`); JSON syntax errors give the line and
/// column the JSON reader reports.
public enum JourneyJSONImporter {
    /// The journey in `bytes`, with what is wrong with the document.
    public static func parse(_ bytes: [UInt8], name: String) -> ParsedJourney {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                return failure(syntaxError(in: bytes))
            }
            let (message, path) = describe(error)
            return failure(.jsonImport(message, at: JSONValueLocations(bytes).range(of: path)))
        } catch {
            return failure(.jsonImport("not a JSON document: \(error)", at: SourceRange(line: 1, column: 1)))
        }
        // Read again for positions only when a message needs one: it takes longer than
        // decoding (on 200,000 touchpoints, 67 MB, 7.7 s and 196 MB more).
        let locations = LazyJSONValueLocations(bytes)
        guard document.format == JourneyJSONExporter.formatName else {
            return failure(
                .jsonImport(
                    "'format' is \(document.format.map { "'\($0)'" } ?? "missing"), not 'journey'",
                    at: locations.range(of: "format")))
        }
        guard document.version == JourneyJSONExporter.version else {
            return failure(
                .jsonImport(
                    "'version' is \(document.version.map(String.init) ?? "missing"); this tool reads version \(JourneyJSONExporter.version)",
                    at: locations.range(of: "version")))
        }
        var diagnostics: [Diagnostic] = []
        let journey = document.journey.model(diagnostics: &diagnostics, locations: locations)
        // Characters no chart, report or XML export could carry, at their escape in the JSON
        // rather than in the .journey file that would have been written.
        for character in JSONValueLocations.mayHoldForbiddenCharacter(bytes) ? locations.value.forbiddenCharacters : []
        where character.path == "journey" || character.path.hasPrefix("journey.") {
            var diagnostic = Diagnostic.controlCharacterInText(character.scalar, at: character.range)
            diagnostic.message = "\(character.path): " + diagnostic.message
            diagnostics.append(diagnostic)
        }
        return ParsedJourney(journey: journey, diagnostics: diagnostics)
    }

    private static func failure(_ diagnostic: Diagnostic) -> ParsedJourney {
        ParsedJourney(journey: Journey(name: ""), diagnostics: [diagnostic])
    }

    /// `journey.stages[2].score: expected a number`, and the path of the value it is about
    /// (for a missing key, the object that lacks it).
    private static func describe(_ error: DecodingError) -> (message: String, path: String) {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text
        }
        func shown(_ codingPath: [any CodingKey]) -> String {
            let text = path(codingPath)
            return text.isEmpty ? "the document" : text
        }
        switch error {
        case .typeMismatch(let type, let context):
            return ("\(shown(context.codingPath)): expected \(expectation(type))", path(context.codingPath))
        case .valueNotFound(let type, let context):
            return ("\(shown(context.codingPath)): expected \(expectation(type)), found null", path(context.codingPath))
        case .keyNotFound(let key, let context):
            return ("\(shown(context.codingPath + [key])): missing", path(context.codingPath))
        case .dataCorrupted(let context):
            return ("\(shown(context.codingPath)): \(context.debugDescription)", path(context.codingPath))
        @unknown default:
            return ("\(error)", "")
        }
    }

    private static func expectation(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "a \(type)"
        }
    }

    /// The syntax error in `bytes`, at the line and column where the JSON reader stopped.
    ///
    /// `JSONDecoder` on Linux does not say where; `JSONSerialization` gives the offset
    /// ("around character 27"), which is turned into a line and a column.
    private static func syntaxError(in bytes: [UInt8]) -> Diagnostic {
        var message = "not valid JSON"
        var range = SourceRange(line: 1, column: 1)
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            message += ": " + description
            if let marker = description.range(of: "character "),
                let offset = Int(description[marker.upperBound...].prefix { $0.isNumber })
            {
                range = location(ofByte: offset, in: bytes)
            }
        }
        return .jsonImport(message, at: range)
    }

    /// The line and column (in scalars) of the byte at `offset`.
    private static func location(ofByte offset: Int, in bytes: [UInt8]) -> SourceRange {
        var line = 1
        var column = 1
        for byte in bytes.prefix(max(0, min(offset, bytes.count))) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceRange(line: line, column: column)
    }

    // MARK: - The document, as decoded

    private struct Document: Decodable {
        var format: String?
        var version: Int?
        var journey: JourneyDocument
    }

    private struct JourneyDocument: Decodable {
        struct Scale: Decodable {
            var minimum: Double
            var maximum: Double
        }
        struct Persona: Decodable {
            var id: String
            var description: String?
        }
        struct Channel: Decodable {
            var id: String
            var media: String
            var description: String?
            var vcp: PartnerLevels?
        }
        struct PartnerLevels: Decodable {
            var ours: String
            var theirs: String?
        }
        struct Customers: Decodable {
            var recommend: String?
            var fan: Int?
            var lostAfter: Double?
        }
        struct Stage: Decodable {
            var name: String
            var reach: Int?
            var target: Double?
            var owner: String?
            var events: [String]?
            var rung: String?
            var touchpoints: [Touchpoint]?
        }
        struct Touchpoint: Decodable {
            var name: String
            var score: Double
            var channel: String?
            var measured: Bool?
            var metric: String?
            var personas: [String]?
            var engagement: String?
            var pains: [String]?
            var ideas: [String]?
            var thoughts: [String]?
        }

        var name: String
        var scale: Scale?
        var state: String?
        var personas: [Persona]?
        var channels: [Channel]?
        var customers: Customers?
        var stages: [Stage]?

        func model(diagnostics: inout [Diagnostic], locations: LazyJSONValueLocations) -> JourneyLanguage.Journey {
            let origin = SourceLocation(line: 1, column: 1)
            func choice<Choice: RawRepresentable & CaseIterable>(
                _ text: String?, _ kind: String, at path: String,
                as type: Choice.Type
            ) -> Choice? where Choice.RawValue == String {
                guard let text else { return nil }
                if let value = Choice(rawValue: text) { return value }
                let choices = Choice.allCases.map(\.rawValue)
                diagnostics.append(
                    .jsonImport(
                        "\(path): unknown \(kind) '\(text)'"
                            + (Suggestion.closest(to: text, among: choices).map { " (did you mean '\($0)'?)" } ?? ""),
                        at: locations.range(of: path)))
                return nil
            }
            var journey = JourneyLanguage.Journey(name: name)
            if let scale { journey.scale = ScoreScale(minimum: scale.minimum, maximum: scale.maximum) }
            journey.state = choice(state, "state", at: "journey.state", as: JourneyState.self) ?? .current
            journey.personas = (personas ?? []).map {
                JourneyLanguage.Persona(id: $0.id, description: $0.description, location: origin)
            }
            journey.channels = (channels ?? []).enumerated().map { index, channel in
                let path = "journey.channels[\(index)]"
                let ours = choice(channel.vcp?.ours, "partner level", at: path + ".vcp.ours", as: VCPLevel.self)
                let theirs = choice(
                    channel.vcp?.theirs, "partner level", at: path + ".vcp.theirs", as: VCPLevel.self)
                return JourneyLanguage.Channel(
                    id: channel.id,
                    media: choice(channel.media, "media", at: path + ".media", as: Media.self) ?? .earned,
                    description: channel.description,
                    vcp: ours.map { PartnerStanding(ours: $0, theirs: theirs) },
                    location: origin)
            }
            if let customers {
                var rules = RelationshipRules()
                if let recommend = customers.recommend {
                    if let scale = RecommendScale(parsing: recommend) {
                        rules.recommendScale = scale
                    } else {
                        diagnostics.append(
                            .jsonImport(
                                "journey.customers.recommend: '\(recommend)' is neither 1..10 nor 0..10",
                                at: locations.range(of: "journey.customers.recommend")))
                    }
                }
                rules.fanPurchaseDays = customers.fan ?? rules.fanPurchaseDays
                rules.lostAfter = customers.lostAfter ?? rules.lostAfter
                journey.customers = rules
            }
            journey.stages = (stages ?? []).enumerated().map { stageIndex, stage in
                JourneyLanguage.Stage(
                    name: stage.name, reach: stage.reach, target: stage.target, owner: stage.owner,
                    events: stage.events ?? [],
                    rung: choice(stage.rung, "rung", at: "journey.stages[\(stageIndex)].rung", as: LadderRung.self),
                    touchpoints: (stage.touchpoints ?? []).enumerated().map { index, touchpoint in
                        JourneyLanguage.Touchpoint(
                            name: touchpoint.name, score: touchpoint.score, channel: touchpoint.channel,
                            isMeasured: touchpoint.measured ?? false, metric: touchpoint.metric,
                            personas: touchpoint.personas ?? [],
                            engagement: choice(
                                touchpoint.engagement, "engagement level",
                                at: "journey.stages[\(stageIndex)].touchpoints[\(index)].engagement",
                                as: EngagementLevel.self),
                            pains: touchpoint.pains ?? [], ideas: touchpoint.ideas ?? [],
                            thoughts: touchpoint.thoughts ?? [],
                            location: origin)
                    },
                    location: origin)
            }
            return journey
        }
    }
}
