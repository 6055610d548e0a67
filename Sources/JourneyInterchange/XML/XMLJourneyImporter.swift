import JourneyLanguage
import JourneyXML

/// Reads a journey back from a document of the project's XML format (see `XMLJourneyExporter`).
///
/// The document is validated against the embedded schema first, in the same libxml2 parse
/// that reads it: any finding is a diagnostic at libxml2's line, and the journey is then
/// left empty. A valid document becomes the journey, with what the schema cannot say
/// checked on top (every score within the `<scale>`, a `metric` only on a measured
/// touchpoint). `<metrics>` is not read: metrics are recomputed from the journey.
///
/// Every persona, channel, stage and touchpoint is located at its element's name in the
/// document (`<stage` → the column of `stage`), and a stage's `reach` and `target` at their
/// attribute values, so that later checks such as `FunnelChecks` point into the XML.
public enum XMLJourneyImporter {
    /// The journey in `bytes`, with what is wrong with the document.
    ///
    /// - Parameter name: the document's name in diagnostics, usually its path.
    public static func parse(_ bytes: [UInt8], name: String) -> ParsedJourney {
        parse(JourneyXMLDocument(bytes, name: name))
    }

    /// The journey in a document already parsed and validated.
    static func parse(_ document: JourneyXMLDocument) -> ParsedJourney {
        guard document.validation.isValid, let root = document.root else {
            return ParsedJourney(journey: Journey(name: ""), diagnostics: document.validation.diagnostics)
        }
        var builder = Builder(startTags: document.startTags)
        let journey = builder.journey(from: root)
        return ParsedJourney(
            journey: journey,
            diagnostics: (document.validation.diagnostics + builder.diagnostics).sortedByLocation(),
            incompleteStages: builder.incompleteStages)
    }

    /// Builds the model from a document that follows the schema.
    private struct Builder {
        /// The start tags in document order, which pair with the elements in document order.
        let startTags: [XMLStartTag]?
        /// How many elements have been visited, in document order: the index of the next start tag.
        var visited = 0
        var diagnostics: [Diagnostic] = []
        var incompleteStages: Set<Int> = []

        init(startTags: [XMLStartTag]?) {
            self.startTags = startTags
        }

        mutating func journey(from root: XMLTreeElement) -> Journey {
            visit(root)
            var journey = Journey(name: root.attribute("name") ?? "")
            /// The scale scores are checked against: none when `<scale>` could not be read, so
            /// that one mistake is reported once, as in the language.
            var checkedScale: ScoreScale? = journey.scale
            // The children come in the schema's order, so the scale is known before the stages.
            for child in root.children {
                switch child.name {
                case "scale":
                    let tag = visit(child)
                    let minimum = number(child, "min", tag: tag)
                    let maximum = number(child, "max", tag: tag)
                    if let minimum, let maximum {
                        journey.scale = ScoreScale(minimum: minimum, maximum: maximum)
                    }
                    checkedScale = minimum != nil && maximum != nil ? journey.scale : nil
                case "state":
                    visit(child)
                    journey.state = JourneyState(rawValue: XMLWhiteSpace.trimmed(child.text)) ?? .current
                case "personas":
                    visit(child)
                    for element in child.children {
                        let tag = visit(element)
                        journey.personas.append(
                            Persona(
                                id: element.attribute("id") ?? "",
                                description: element.text.isEmpty ? nil : element.text,
                                location: location(of: element, tag: tag)))
                    }
                case "channels":
                    visit(child)
                    for element in child.children {
                        let tag = visit(element)
                        let media = element.attribute("media").flatMap { Media(rawValue: XMLWhiteSpace.trimmed($0)) }
                        journey.channels.append(
                            Channel(
                                id: element.attribute("id") ?? "", media: media ?? .owned,
                                description: element.text.isEmpty ? nil : element.text,
                                vcp: partnerStanding(of: element, tag: tag),
                                location: location(of: element, tag: tag)))
                    }
                case "customers":
                    let tag = visit(child)
                    var rules = RelationshipRules()
                    if let recommend = child.attribute("recommend").flatMap({
                        RecommendScale(parsing: XMLWhiteSpace.trimmed($0))
                    }) {
                        rules.recommendScale = recommend
                    }
                    if let fan = child.attribute("fan").flatMap({ Int(XMLWhiteSpace.trimmed($0)) }) {
                        rules.fanPurchaseDays = fan
                    }
                    if let lostAfter = number(child, "lostAfter", tag: tag) {
                        rules.lostAfter = lostAfter
                    }
                    journey.customers = rules
                case "stages":
                    visit(child)
                    for element in child.children {
                        journey.stages.append(stage(from: element, index: journey.stages.count, scale: checkedScale))
                    }
                default:
                    // <metrics>: output only. Skip its elements so that later ones keep their tags.
                    skip(child)
                }
            }
            return journey
        }

        private mutating func stage(from element: XMLTreeElement, index: Int, scale: ScoreScale?) -> Stage {
            let tag = visit(element)
            let errorsBefore = diagnostics.count
            var stage = Stage(
                name: element.attribute("name") ?? "", owner: element.attribute("owner"),
                location: location(of: element, tag: tag))
            if let rung = element.attribute("rung") {
                stage.rung = LadderRung(rawValue: XMLWhiteSpace.trimmed(rung))
                stage.rungRange = range(of: "rung", in: element, tag: tag)
            }
            if let reach = element.attribute("reach") {
                stage.reach = Int(XMLWhiteSpace.trimmed(reach))
                stage.reachRange = range(of: "reach", in: element, tag: tag)
            }
            if element.attribute("target") != nil {
                stage.target = number(element, "target", tag: tag)
                stage.targetRange = range(of: "target", in: element, tag: tag)
            }
            for child in element.children {
                switch child.name {
                case "event":
                    visit(child)
                    stage.events.append(child.text)
                default:
                    stage.touchpoints.append(touchpoint(from: child, scale: scale))
                }
            }
            if diagnostics.count > errorsBefore {
                incompleteStages.insert(index)
            }
            return stage
        }

        private mutating func touchpoint(from element: XMLTreeElement, scale: ScoreScale?) -> Touchpoint {
            let tag = visit(element)
            var touchpoint = Touchpoint(
                name: element.attribute("name") ?? "",
                score: number(element, "score", tag: tag) ?? 0,
                channel: element.attribute("channel"),
                isMeasured: element.attribute("measured").map { ["true", "1"].contains(XMLWhiteSpace.trimmed($0)) }
                    ?? false,
                metric: element.attribute("metric"),
                engagement: element.attribute("engagement").flatMap {
                    EngagementLevel(rawValue: XMLWhiteSpace.trimmed($0))
                },
                location: location(of: element, tag: tag))
            if let scale, let score = element.attribute("score"), XMLNumber.parse(score) != nil,
                !scale.contains(touchpoint.score)
            {
                diagnostics.append(
                    .xmlScoreOutsideScale(
                        XMLWhiteSpace.trimmed(score), scale: scale,
                        at: range(of: "score", in: element, tag: tag)))
            }
            if let metric = touchpoint.metric, !touchpoint.isMeasured {
                diagnostics.append(.xmlMetricWithoutMeasured(metric, at: range(of: "metric", in: element, tag: tag)))
            }
            for child in element.children {
                visit(child)
                switch child.name {
                case "persona": touchpoint.personas.append(child.attribute("ref") ?? "")
                case "pain": touchpoint.pains.append(child.text)
                case "idea": touchpoint.ideas.append(child.text)
                default: touchpoint.thoughts.append(child.text)
                }
            }
            return touchpoint
        }

        /// The partner's levels of a `<channel>`, from `vcp` and `vcpTheirs`; `vcpTheirs` alone is
        /// reported, since our view comes first.
        private mutating func partnerStanding(of element: XMLTreeElement, tag: XMLStartTag?) -> PartnerStanding? {
            let theirs = element.attribute("vcpTheirs").flatMap { VCPLevel(rawValue: XMLWhiteSpace.trimmed($0)) }
            guard let ours = element.attribute("vcp").flatMap({ VCPLevel(rawValue: XMLWhiteSpace.trimmed($0)) })
            else {
                if element.attribute("vcpTheirs") != nil {
                    diagnostics.append(.xmlTheirsWithoutVCP(at: range(of: "vcpTheirs", in: element, tag: tag)))
                }
                return nil
            }
            return PartnerStanding(ours: ours, theirs: theirs)
        }

        // MARK: - Values and places

        /// The number in the attribute `attribute`, or nil with a diagnostic when it is not finite.
        private mutating func number(_ element: XMLTreeElement, _ attribute: String, tag: XMLStartTag?) -> Double? {
            guard let text = element.attribute(attribute) else { return nil }
            if let value = XMLNumber.parse(text) { return value }
            diagnostics.append(
                .xmlNumberOutOfRange(
                    XMLWhiteSpace.trimmed(text), attribute: attribute,
                    at: range(of: attribute, in: element, tag: tag)))
            return nil
        }

        /// Takes the start tag of the next element in document order, which is `element`'s.
        @discardableResult
        private mutating func visit(_ element: XMLTreeElement) -> XMLStartTag? {
            defer { visited += 1 }
            guard let startTags, startTags.indices.contains(visited) else { return nil }
            return startTags[visited]
        }

        /// Visits `element` and everything inside it without reading them.
        private mutating func skip(_ element: XMLTreeElement) {
            visited += element.descendantsAndSelf.count
        }

        /// Where `element`'s name is written, after its `<`.
        private func location(of element: XMLTreeElement, tag: XMLStartTag?) -> SourceLocation {
            tag?.nameRange.start ?? SourceLocation(line: max(1, element.line), column: 1)
        }

        /// Where the value of `attribute` is written, else the element's name.
        private func range(of attribute: String, in element: XMLTreeElement, tag: XMLStartTag?) -> SourceRange {
            tag?.valueRange(of: attribute) ?? tag?.nameRange ?? SourceRange(line: max(1, element.line), column: 1)
        }
    }
}
