import JourneyAnalysis
import JourneyLanguage
import JourneyXML

/// Writes a journey and its metrics as a document of the project's XML format
/// (see docs/formats.md, section "XML", and `XML/Schemas/journey-1.xsd`).
///
/// ```xml
/// <?xml version="1.0" encoding="UTF-8"?>
/// <journey xmlns="https://journey.tools/schema/journey/1" version="1" name="Dressmate — first order">
///   <scale min="-5" max="5"/>
///   <state>current</state>
///   …
/// </journey>
/// ```
///
/// The model's numbers are written exactly (`XMLNumber`), so that `XMLJourneyImporter`
/// reads back the same journey; the `<metrics>` element holds the numbers of
/// `journey metrics --format json`, rounded the same way, and is left out when a stage
/// has no reach. Attributes come in a fixed order and the document is written by
/// `XMLWriter`, so the same journey gives the same bytes. Validate the text with
/// `XMLValidator.validateJourneyXML(_:name:)` before writing it.
public enum XMLJourneyExporter {
    /// The XML document of `journey`, ending with a newline.
    public static func export(_ journey: Journey) -> String {
        var writer = XMLWriter()
        let root: XMLAttributes = [
            "xmlns": JourneySchema.namespace, "version": JourneySchema.version, "name": journey.name,
        ]
        writer.element(JourneySchema.rootElement, root) { document in
            document.element(
                "scale",
                [
                    "min": XMLNumber.format(journey.scale.minimum),
                    "max": XMLNumber.format(journey.scale.maximum),
                ])
            document.element("state", text: journey.state.rawValue)
            if !journey.personas.isEmpty {
                document.element("personas") { personas in
                    for persona in journey.personas {
                        personas.element("persona", ["id": persona.id], text: persona.description ?? "")
                    }
                }
            }
            if !journey.channels.isEmpty {
                document.element("channels") { channels in
                    for channel in journey.channels {
                        let attributes: XMLAttributes = [
                            "id": channel.id, "media": channel.media.rawValue,
                            "vcp": channel.vcp?.ours.rawValue, "vcpTheirs": channel.vcp?.theirs?.rawValue,
                        ]
                        channels.element("channel", attributes, text: channel.description ?? "")
                    }
                }
            }
            if let rules = journey.customers {
                document.element(
                    "customers",
                    [
                        "recommend": rules.recommendScale.description,
                        "fan": rules.fanPurchaseDays,
                        "lostAfter": XMLNumber.format(rules.lostAfter),
                    ])
            }
            if !journey.stages.isEmpty {
                document.element("stages") { stages in
                    for stage in journey.stages {
                        write(stage, to: &stages)
                    }
                }
            }
            if let metrics = FunnelMetrics(journey: journey) {
                write(metrics, to: &document)
            }
        }
        return XMLWriter.xmlDeclaration + "\n" + writer.output
    }

    private static func write(_ stage: Stage, to writer: inout XMLWriter) {
        let attributes: XMLAttributes = [
            "name": stage.name,
            "reach": stage.reach,
            "target": stage.target.map(XMLNumber.format),
            "owner": stage.owner,
            "rung": stage.rung?.rawValue,
        ]
        writer.element("stage", attributes) { element in
            for event in stage.events {
                element.element("event", text: event)
            }
            for touchpoint in stage.touchpoints {
                write(touchpoint, to: &element)
            }
        }
    }

    private static func write(_ touchpoint: Touchpoint, to writer: inout XMLWriter) {
        let attributes: XMLAttributes = [
            "name": touchpoint.name,
            "score": XMLNumber.format(touchpoint.score),
            "channel": touchpoint.channel,
            "measured": touchpoint.isMeasured ? "true" : nil,
            "metric": touchpoint.metric,
            "engagement": touchpoint.engagement?.rawValue,
        ]
        writer.element("touchpoint", attributes) { element in
            for persona in touchpoint.personas {
                element.element("persona", ["ref": persona])
            }
            for pain in touchpoint.pains {
                element.element("pain", text: pain)
            }
            for idea in touchpoint.ideas {
                element.element("idea", text: idea)
            }
            for thought in touchpoint.thoughts {
                element.element("thought", text: thought)
            }
        }
    }

    // MARK: - Metrics, as MetricsJSONReport computes and rounds them

    private static func write(_ metrics: FunnelMetrics, to writer: inout XMLWriter) {
        writer.element("metrics") { element in
            for stage in metrics.stages {
                let attributes: XMLAttributes = [
                    "name": stage.name,
                    "reach": stage.reach,
                    "conversion": rounded(stage.conversion),
                    "target": rounded(stage.target),
                    "overallConversion": rounded(stage.overallConversion),
                    "dropOff": stage.dropOff,
                    "painPoints": stage.painPoints,
                    "influence": rounded(stage.control.influence),
                    "measurement": rounded(stage.control.measurement),
                    "control": rounded(stage.control.control),
                ]
                element.element("stage", attributes) { stageElement in
                    if let experience = stage.experience {
                        stageElement.element(
                            "experience",
                            [
                                "mean": rounded(experience.mean),
                                "lowest": rounded(experience.lowest),
                                "highest": rounded(experience.highest),
                            ])
                    }
                    if let wilson = stage.wilson {
                        stageElement.element("wilson", ["low": rounded(wilson.low), "high": rounded(wilson.high)])
                    }
                }
            }
            if let weakest = metrics.weakest {
                let attributes: XMLAttributes = [
                    "stage": weakest.name,
                    "conversion": rounded(weakest.conversion),
                    "target": rounded(weakest.target),
                    "shortfall": rounded(weakest.shortfall),
                    "recoverable": rounded(weakest.recoverable.map { $0.rounded() }),
                    "allLost": weakest.isAllLost ? "true" : "false",
                    "significant": weakest.isSignificant ? "true" : "false",
                    "smallSample": weakest.isSmallSample ? "true" : "false",
                    "basis": weakest.basis == .target ? "target" : "lowest-conversion",
                ]
                element.element("weakest", attributes, text: weakest.reason)
            }
        }
    }

    /// A metric as `MetricsJSONReport` writes it (at most 6 decimals); nil, like JSON's
    /// `null`, when it does not apply or is not finite.
    private static func rounded(_ value: Double?) -> String? {
        guard let value, value.isFinite else { return nil }
        return NumberFormatting.plain(value)
    }
}
