import JourneyLanguage

/// `journey metrics --format json`: every stage's numbers and the weakest stage, for programs.
///
/// Ratios are plain numbers from 0 to 1 (conversion may exceed 1 when a stage reaches more
/// people than the one before it), written with at most 6 decimals; people are integers,
/// `recoverable` rounded to the nearest person. A value that does not apply is `null`.
/// The schema is described in docs/metrics.md.
public enum MetricsJSONReport {
    /// The JSON document for `metrics`.
    public static func render(_ metrics: FunnelMetrics) -> String {
        JSONValue.object([
            ("journey", .string(metrics.journeyName)),
            ("stages", .array(metrics.stages.map(stage))),
            ("weakest", metrics.weakest.map { weakest($0, metrics: metrics) } ?? .null),
            ("partners", partners(metrics.partners)),
            ("profitablePartners", .integer(metrics.partners.profitable.count)),
        ]).text()
    }

    /// The partners rated with `vcp`, in file order, with both views and the level.
    package static func partners(_ portfolio: PartnerPortfolio) -> JSONValue {
        .array(
            portfolio.partners.map { partner in
                .object([
                    ("channel", .string(partner.channel)),
                    ("media", .string(partner.media.rawValue)),
                    ("ours", .string(partner.standing.ours.rawValue)),
                    ("theirs", .string(partner.standing.theirs?.rawValue)),
                    ("level", .string(partner.level.rawValue)),
                ])
            })
    }

    package static func stage(_ stage: StageMetrics) -> JSONValue {
        .object([
            ("name", .string(stage.name)),
            ("reach", .integer(stage.reach)),
            ("conversion", .number(stage.conversion)),
            ("target", .number(stage.target)),
            ("shortfall", .number(stage.relativeShortfall)),
            ("shortfallPoints", .number(stage.shortfallPoints)),
            ("overallConversion", .number(stage.overallConversion)),
            ("dropOff", .integer(stage.dropOff)),
            (
                "experience",
                stage.experience.map { experience in
                    .object([
                        ("mean", .number(experience.mean)),
                        ("lowest", .number(experience.lowest)),
                        ("highest", .number(experience.highest)),
                    ])
                } ?? .null
            ),
            ("painPoints", .integer(stage.painPoints)),
            ("influence", .number(stage.control.influence)),
            ("measurement", .number(stage.control.measurement)),
            ("control", .number(stage.control.control)),
            ("wilson", stage.wilson.map { .object([("low", .number($0.low)), ("high", .number($0.high))]) } ?? .null),
        ])
    }

    package static func weakest(_ weakest: WeakestStage, metrics: FunnelMetrics) -> JSONValue {
        .object([
            ("stage", .string(weakest.name)),
            ("conversion", .number(weakest.conversion)),
            ("target", .number(weakest.target)),
            ("shortfall", .number(weakest.shortfall)),
            ("shortfallPoints", .number(weakest.shortfallPoints)),
            ("recoverable", .number(weakest.recoverable.map { $0.rounded() })),
            ("allLost", .bool(weakest.isAllLost)),
            ("significant", .bool(weakest.isSignificant)),
            ("smallSample", .bool(weakest.isSmallSample)),
            ("basis", .string(weakest.basis == .target ? "target" : "lowest-conversion")),
            ("reason", .string(weakest.reason)),
            ("nearTies", .array(weakest.nearTies.map { .object(shortfall(of: metrics.stages[$0.index])) })),
        ])
    }

    /// A stage's name, conversion, target and shortfall both ways, for lists of stages.
    package static func shortfall(of stage: StageMetrics) -> [(String, JSONValue)] {
        [
            ("stage", .string(stage.name)),
            ("conversion", .number(stage.conversion)),
            ("target", .number(stage.target)),
            ("shortfall", .number(stage.relativeShortfall)),
            ("shortfallPoints", .number(stage.shortfallPoints)),
        ]
    }
}
