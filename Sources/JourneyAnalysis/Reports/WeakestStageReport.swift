import JourneyLanguage

/// `journey weakest`: the verdict in words a marketer can act on, or as JSON.
///
/// It names the weakest stage with its conversion against target, what meeting the
/// target is worth, how sure that is, how much of the stage the company controls and
/// how to raise it, and the pain points to address, most urgent first; then, when the
/// journey rates partners, how many reach profitability against the 4 or 5 to aim for.
public struct WeakestStageReport: Sendable {
    public var journey: Journey
    public var metrics: FunnelMetrics

    public init(journey: Journey, metrics: FunnelMetrics) {
        self.journey = journey
        self.metrics = metrics
    }

    /// A touchpoint of the weakest stage that holds its control back, and why.
    public struct ControlGap: Hashable, Sendable {
        public var touchpoint: String
        /// True when the company does not measure it.
        public var isUnmeasured: Bool
        /// The channel, when it is not owned by the company (nil: owned, or no channel at all).
        public var channel: String?
        /// The channel's media, nil when the touchpoint has no channel.
        public var media: Media?

        /// What to do about it, one sentence per problem.
        public var advice: [String] {
            var advice: [String] = []
            if isUnmeasured {
                advice.append("Measure it: nobody would notice a change here.")
            }
            let channel = self.channel ?? "its channel"
            switch media {
            case .none: advice.append("Say where it happens with 'via': it is on no declared channel.")
            case .earned:
                advice.append(
                    "\(channel) is earned media, which the company does not control: support it from an owned channel.")
            case .paid: advice.append("\(channel) is paid media: an owned channel would give full control.")
            case .partner: advice.append("\(channel) is a partner: agree on service levels and shared measures.")
            case .owned: break
            }
            return advice
        }
    }

    /// The touchpoints of the weakest stage that are unmeasured or not on an owned channel.
    public var controlGaps: [ControlGap] {
        guard let weakest = metrics.weakest else { return [] }
        return journey.stages[weakest.index].touchpoints.compactMap { touchpoint in
            let media = touchpoint.channel.flatMap { journey.channel(withID: $0) }?.media
            let notOwned = media != .owned
            guard notOwned || !touchpoint.isMeasured else { return nil }
            return ControlGap(
                touchpoint: touchpoint.name, isUnmeasured: !touchpoint.isMeasured,
                channel: notOwned ? touchpoint.channel : nil, media: media)
        }
    }

    /// The stages below target other than the weakest, in funnel order.
    public var otherStagesBelowTarget: [StageMetrics] {
        metrics.stagesBelowTarget.filter { $0.index != metrics.weakest?.index }
    }

    private var finalReach: Int { metrics.stages.last?.reach ?? 0 }

    // MARK: - Text

    /// The verdict as text, ending with a newline.
    public func text() -> String {
        guard let weakest = metrics.weakest else {
            return "\(metrics.journeyName)\n\nA funnel needs two stages or more for a weakest stage.\n"
        }
        let stage = metrics.stages[weakest.index]
        var lines = [metrics.journeyName, "", "Weakest stage: \(weakest.name)", "  \(weakest.reason)"]
        if let worth = Self.worth(weakest, metrics: metrics) { lines.append("  " + worth) }
        if let confidence = Self.confidence(weakest, metrics: metrics) { lines.append("  " + confidence) }
        if let nearTie = Self.nearTie(weakest) { lines.append("  " + nearTie) }

        lines += [
            "",
            "Control: \(percent(stage.control.control)) (influence \(percent(stage.control.influence)), "
                + "measurement \(percent(stage.control.measurement)))",
        ]
        let gaps = controlGaps
        if stage.control.control < 1, !gaps.isEmpty {
            lines.append("  To raise it:")
            for gap in gaps {
                lines.append("  - " + describe(gap))
            }
        } else if journey.stages[weakest.index].touchpoints.isEmpty {
            lines.append("  The stage has no touchpoint: map what customers meet there before changing it.")
        }

        let painPoints = metrics.rankedPainPoints
        lines += [
            "",
            painPoints.isEmpty
                ? "Pain points: none (no touchpoint has a negative score)."
                : "Pain points, most urgent first:",
        ]
        for (offset, point) in painPoints.enumerated() {
            let score = MetricsTableReport.signed(point.touchpoint.score)
            lines.append("  \(offset + 1). \(point.stageName): \"\(point.touchpoint.name)\" (\(score))")
            lines += point.touchpoint.pains.map { "       pain: \($0)" }
            lines += point.touchpoint.ideas.map { "       idea: \($0)" }
            lines += point.touchpoint.thoughts.map { "       thought: \($0)" }
        }

        let others = otherStagesBelowTarget
        if !others.isEmpty {
            lines += ["", "Also below target:"]
            for other in others {
                var line =
                    "  \(other.name): \(other.shownConversion ?? percent(0)) against a target of "
                    + "\(percent(other.target ?? 0)), \(other.shownShortfall ?? "short")"
                if let people = other.recoverable(finalReach: finalReach) {
                    line +=
                        "; \(Self.morePeople(people)) at the end of the funnel"
                } else {
                    line += "; it converts nobody"
                }
                lines.append(line + ".")
            }
        }

        // Journeys that rate no partner get no word about partners.
        if let summary = metrics.partners.summary {
            lines += ["", "Partners: " + summary]
            if let recommendation = metrics.partners.recommendation {
                lines.append("  " + recommendation)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What meeting the target is worth, in people at the end of the funnel.
    public static func worth(_ weakest: WeakestStage, metrics: FunnelMetrics) -> String? {
        let lastStage = metrics.stages.last?.name ?? "the last stage"
        if weakest.isAllLost {
            let reach = NumberFormatting.grouped(metrics.stages[weakest.index].reach)
            return "It converts nobody: all \(reach) people who entered it are lost, so every improvement counts."
        }
        guard let recoverable = weakest.recoverable, recoverable > 0 else { return nil }
        return "Meeting its target would bring \(morePeople(recoverable)) to the end of the funnel (\(lastStage))."
    }

    /// `people` more people in words: `about 1,174 more people`, `about 1 more person`, and
    /// under half a person `less than 1 more person` (never "about 0 more people").
    public static func morePeople(_ people: Double) -> String {
        let rounded = people.rounded(.toNearestOrAwayFromZero)
        if rounded < 1 { return "less than 1 more person" }
        return "about \(NumberFormatting.grouped(rounding: people)) more \(rounded == 1 ? "person" : "people")"
    }

    /// How sure the shortfall is, and whether the sample is too small to trust.
    public static func confidence(_ weakest: WeakestStage, metrics: FunnelMetrics) -> String? {
        let stage = metrics.stages[weakest.index]
        var sentences: [String] = []
        if weakest.basis == .target, weakest.shortfall > 0, let wilson = stage.wilson {
            let interval = "\(NumberFormatting.percent(wilson.low)) to \(NumberFormatting.percent(wilson.high))"
            sentences.append(
                weakest.isSignificant
                    ? "The shortfall is significant: the 95% interval of its conversion, \(interval), lies below the target."
                    : "The shortfall is not significant: the 95% interval of its conversion, \(interval), reaches the target."
            )
        }
        if let smallSample = smallSample(weakest, metrics: metrics) { sentences.append(smallSample) }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }

    /// The warning that the weakest stage's conversion rests on too few people; nil for 30 or more.
    public static func smallSample(_ weakest: WeakestStage, metrics: FunnelMetrics) -> String? {
        guard weakest.isSmallSample else { return nil }
        let reach = metrics.stages[weakest.index].reach
        let people = reach == 1 ? "person" : "people"
        return "Careful: only \(reach) \(people) entered it, too few (under 30) to trust its conversion."
    }

    /// The stages the data cannot tell apart from the weakest, in one sentence; nil when there
    /// are none (see `WeakestStage.NearTie`).
    public static func nearTie(_ weakest: WeakestStage) -> String? {
        guard !weakest.nearTies.isEmpty else { return nil }
        let described = weakest.nearTies.map { tie in
            let stage = tie.stage
            let converts = "\(stage.name) converts \(stage.shownConversion ?? NumberFormatting.percent(0))"
            guard let ratio = stage.target else { return converts }
            let target = "\(converts) against a target of \(NumberFormatting.percent(ratio))"
            return stage.shownShortfall.map { "\(target), \($0)" } ?? target
        }
        let which =
            switch weakest.basis {
            case .target: weakest.shortfall > 0 ? "weaker" : "closer to missing its target"
            case .lowestConversion: "lower"
            }
        if described.count == 1 {
            return "Near tie: \(described[0]); within the uncertainty of the two conversions (their 95% "
                + "intervals), the data cannot tell which of \(weakest.name) and \(weakest.nearTies[0].name) "
                + "is \(which): look at both."
        }
        let list = described.dropLast().joined(separator: "; ") + "; and " + (described.last ?? "")
        return "Near ties: \(list). Within the uncertainty of the conversions (their 95% intervals), the data "
            + "cannot tell which of these \(described.count + 1) stages is \(which): look at all of them."
    }

    private func describe(_ gap: ControlGap) -> String {
        "\"\(gap.touchpoint)\": " + gap.advice.joined(separator: " ")
    }

    private func percent(_ ratio: Double) -> String {
        NumberFormatting.percent(ratio, maximumFractionDigits: 1)
    }

    // MARK: - JSON

    /// The verdict as a JSON document (see docs/metrics.md).
    public func json() -> String {
        let weakestValue: JSONValue =
            metrics.weakest.map { weakest in
                let stage = metrics.stages[weakest.index]
                guard case .object(var members) = MetricsJSONReport.weakest(weakest, metrics: metrics) else {
                    return .null
                }
                members += [
                    (
                        "wilson",
                        stage.wilson.map { .object([("low", .number($0.low)), ("high", .number($0.high))]) } ?? .null
                    ),
                    ("influence", .number(stage.control.influence)),
                    ("measurement", .number(stage.control.measurement)),
                    ("control", .number(stage.control.control)),
                    (
                        "raiseControl",
                        .array(
                            controlGaps.map { gap in
                                .object([
                                    ("touchpoint", .string(gap.touchpoint)),
                                    ("unmeasured", .bool(gap.isUnmeasured)),
                                    ("channel", .string(gap.channel)),
                                    ("media", .string(gap.media?.rawValue)),
                                ])
                            })
                    ),
                ]
                return .object(members)
            } ?? .null
        return JSONValue.object([
            ("journey", .string(metrics.journeyName)),
            ("weakest", weakestValue),
            (
                "painPoints",
                .array(
                    metrics.rankedPainPoints.map { point in
                        .object([
                            ("stage", .string(point.stageName)),
                            ("touchpoint", .string(point.touchpoint.name)),
                            ("score", .number(point.touchpoint.score)),
                            ("pains", .array(point.touchpoint.pains.map(JSONValue.string))),
                            ("ideas", .array(point.touchpoint.ideas.map(JSONValue.string))),
                            ("thoughts", .array(point.touchpoint.thoughts.map(JSONValue.string))),
                        ])
                    })
            ),
            (
                "belowTarget",
                .array(
                    metrics.stagesBelowTarget.map { stage in
                        .object(
                            MetricsJSONReport.shortfall(of: stage) + [
                                ("recoverable", .number(stage.recoverable(finalReach: finalReach).map { $0.rounded() }))
                            ])
                    })
            ),
            ("partners", MetricsJSONReport.partners(metrics.partners)),
            ("profitablePartners", .integer(metrics.partners.profitable.count)),
            ("partnerAdvice", .string(metrics.partners.recommendation)),
        ]).text()
    }
}
