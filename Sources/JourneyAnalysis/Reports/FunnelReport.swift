import JourneyEvents
import JourneyLanguage

/// `journey funnel`: reach, conversion, drop-off and time to convert measured from an event log.
public struct FunnelReport: Sendable {
    public var journey: Journey
    public var log: EventLog
    public var result: FunnelResult
    /// The metrics of the journey with the measured reach.
    public var metrics: FunnelMetrics

    public init(journey: Journey, log: EventLog, result: FunnelResult, metrics: FunnelMetrics) {
        self.journey = journey
        self.log = log
        self.result = result
        self.metrics = metrics
    }

    /// The report as a table and a verdict, ending with a newline.
    public func text() -> String {
        var table = TextTable(
            headers: ["Stage", "Reach", "Conversion", "Target", "Drop-off", "Time to next: median", "p90", "mean"],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .right])
        for stage in metrics.stages {
            let times = stage.index < result.conversionTimes.count ? result.conversionTimes[stage.index] : nil
            table.rows.append([
                stage.name,
                NumberFormatting.grouped(stage.reach),
                stage.shownConversion ?? "–",
                stage.target.map { NumberFormatting.percent($0) } ?? "–",
                stage.dropOff.map(NumberFormatting.grouped) ?? "–",
                times?.median.map(Self.duration) ?? "–",
                times?.p90.map(Self.duration) ?? "–",
                times?.mean.map(Self.duration) ?? "–",
            ])
        }
        var lines = [metrics.journeyName, ""]
        lines.append(
            "\(NumberFormatting.grouped(log.rows)) rows: \(NumberFormatting.grouped(log.eventCount)) funnel events "
                + "of \(NumberFormatting.grouped(log.customers.count)) customers, "
                + "\(NumberFormatting.grouped(log.ignoredEvents)) other events ignored"
                + (log.skippedRows > 0 ? ", \(NumberFormatting.grouped(log.skippedRows)) bad rows skipped" : "")
                + ". Mode \(result.mode.rawValue), window \(result.window).")
        let unused = unusedEvents
        if !unused.isEmpty {
            let shown = unused.prefix(5).map { "\($0.name) (\(NumberFormatting.grouped($0.rows)))" }
            let more = unused.count > 5 ? " and \(NumberFormatting.grouped(unused.count - 5)) more" : ""
            lines.append("Events no stage uses, with their rows: " + shown.joined(separator: ", ") + more + ".")
        }
        let unseen = unseenEvents
        if !unseen.isEmpty {
            lines.append("Events of the journey that never occur in the log: " + unseen.joined(separator: ", ") + ".")
        }
        lines.append("")
        return lines.joined(separator: "\n") + "\n" + table.rendered() + "\n"
            + MetricsTableReport.wrapped(MetricsTableReport.verdict(metrics), width: 100) + "\n"
    }

    /// The journey's event names, of the stages the log measures.
    private var journeyEvents: [String] {
        journey.stages.prefix(result.stageCount).flatMap(\.events)
    }

    /// The log's event names that no stage uses, most rows first (up to the names counted).
    public var unusedEvents: [(name: String, rows: Int)] {
        log.eventNames.unused(by: Set(journeyEvents))
    }

    /// The journey's event names that no row of the log carries, in file order.
    public var unseenEvents: [String] {
        log.eventNames.missing(from: journeyEvents)
    }

    /// The report as JSON (see docs/funnels.md); durations in seconds.
    public func json() -> String {
        JSONValue.object([
            ("journey", .string(metrics.journeyName)),
            ("mode", .string(result.mode.rawValue)),
            (
                "window",
                .object([
                    ("text", .string(result.window.description)),
                    ("seconds", .number(Double(result.window.milliseconds) / 1000)),
                ])
            ),
            (
                "events",
                .object([
                    ("rows", .integer(log.rows)),
                    ("funnelEvents", .integer(log.eventCount)),
                    ("ignored", .integer(log.ignoredEvents)),
                    ("skipped", .integer(log.skippedRows)),
                    ("customers", .integer(log.customers.count)),
                    ("unseen", .array(unseenEvents.map { .string($0) })),
                    (
                        "unused",
                        .array(
                            unusedEvents.map { .object([("name", .string($0.name)), ("rows", .integer($0.rows))]) })
                    ),
                    ("uncountedRows", .integer(log.eventNames.uncountedRows)),
                ])
            ),
            (
                "stages",
                .array(
                    metrics.stages.map { stage in
                        let times =
                            stage.index < result.conversionTimes.count ? result.conversionTimes[stage.index] : nil
                        return .object([
                            ("name", .string(stage.name)),
                            ("events", .array(journey.stages[stage.index].events.map { .string($0) })),
                            ("reach", .integer(stage.reach)),
                            ("conversion", .number(stage.conversion)),
                            ("target", .number(stage.target)),
                            ("dropOff", .integer(stage.dropOff)),
                            (
                                "timeToNext",
                                times.map { times in
                                    .object([
                                        ("count", .integer(times.count)),
                                        ("medianSeconds", .number(times.median.map { $0 / 1000 })),
                                        ("p90Seconds", .number(times.p90.map { $0 / 1000 })),
                                        ("meanSeconds", .number(times.mean.map { $0 / 1000 })),
                                    ])
                                } ?? .null
                            ),
                        ])
                    })
            ),
            ("weakest", metrics.weakest.map { MetricsJSONReport.weakest($0, metrics: metrics) } ?? .null),
        ]).text()
    }

    /// A duration in milliseconds as a person reads it: `0s`, `45s`, `3m 20s`, `2h 5m`, `3d 4h`.
    public static func duration(_ milliseconds: Double) -> String {
        FunnelDuration.text(milliseconds)
    }
}
