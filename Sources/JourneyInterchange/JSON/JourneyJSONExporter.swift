import JourneyAnalysis
import JourneyLanguage

/// Writes a journey and its metrics as the project's JSON document (see docs/formats.md).
///
/// ```json
/// { "format": "journey", "version": 1, "journey": { … }, "metrics": { … } }
/// ```
/// `journey` holds the whole model with exact numbers, so that `JourneyJSONImporter` reads
/// back the same journey; `metrics` holds the numbers of `journey metrics --format json`
/// (rounded, for reading), or `null` when a stage has no reach. Keys come in a fixed order
/// and absent values are `null`, so the same journey gives the same bytes.
public enum JourneyJSONExporter {
    /// The format's name, in the document's `format` key.
    public static let formatName = "journey"
    /// The format's version; it changes only when a key changes meaning or disappears.
    public static let version = 1

    /// The JSON document of `journey`, ending with a newline.
    public static func export(_ journey: Journey) -> String {
        let metrics = FunnelMetrics(journey: journey)
        return JSONValue.object([
            ("format", .string(formatName)),
            ("version", .integer(version)),
            ("journey", model(journey)),
            (
                "metrics",
                metrics.map { metrics in
                    .object([
                        ("stages", .array(metrics.stages.map(MetricsJSONReport.stage))),
                        ("weakest", metrics.weakest.map { MetricsJSONReport.weakest($0, metrics: metrics) } ?? .null),
                    ])
                } ?? .null
            ),
        ]).text()
    }

    static func model(_ journey: Journey) -> JSONValue {
        .object([
            ("name", .string(journey.name)),
            (
                "scale",
                .object([
                    ("minimum", .exactNumber(journey.scale.minimum)),
                    ("maximum", .exactNumber(journey.scale.maximum)),
                ])
            ),
            ("state", .string(journey.state.rawValue)),
            (
                "personas",
                .array(
                    journey.personas.map { persona in
                        .object([("id", .string(persona.id)), ("description", .string(persona.description))])
                    })
            ),
            (
                "channels",
                .array(
                    journey.channels.map { channel in
                        .object([
                            ("id", .string(channel.id)), ("media", .string(channel.media.rawValue)),
                            ("description", .string(channel.description)),
                            (
                                "vcp",
                                channel.vcp.map { vcp in
                                    .object([
                                        ("ours", .string(vcp.ours.rawValue)),
                                        ("theirs", .string(vcp.theirs?.rawValue)),
                                    ])
                                } ?? .null
                            ),
                        ])
                    })
            ),
            (
                "customers",
                journey.customers.map { rules in
                    .object([
                        ("recommend", .string(rules.recommendScale.description)),
                        ("fan", .integer(rules.fanPurchaseDays)),
                        ("lostAfter", .exactNumber(rules.lostAfter)),
                    ])
                } ?? .null
            ),
            (
                "stages",
                .array(
                    journey.stages.map { stage in
                        .object([
                            ("name", .string(stage.name)),
                            ("reach", .integer(stage.reach)),
                            ("target", stage.target.map { .exactNumber($0) } ?? .null),
                            ("owner", .string(stage.owner)),
                            ("events", .array(stage.events.map { .string($0) })),
                            ("rung", .string(stage.rung?.rawValue)),
                            ("touchpoints", .array(stage.touchpoints.map(touchpoint))),
                        ])
                    })
            ),
        ])
    }

    private static func touchpoint(_ touchpoint: Touchpoint) -> JSONValue {
        .object([
            ("name", .string(touchpoint.name)),
            ("score", .exactNumber(touchpoint.score)),
            ("channel", .string(touchpoint.channel)),
            ("measured", .bool(touchpoint.isMeasured)),
            ("metric", .string(touchpoint.metric)),
            ("personas", .array(touchpoint.personas.map { .string($0) })),
            ("engagement", .string(touchpoint.engagement?.rawValue)),
            ("pains", .array(touchpoint.pains.map { .string($0) })),
            ("ideas", .array(touchpoint.ideas.map { .string($0) })),
            ("thoughts", .array(touchpoint.thoughts.map { .string($0) })),
        ])
    }
}
