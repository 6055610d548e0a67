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
                stage.conversion.map { NumberFormatting.percent($0) } ?? "–",
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
        lines.append("")
        return lines.joined(separator: "\n") + "\n" + table.rendered() + "\n"
            + MetricsTableReport.wrapped(MetricsTableReport.verdict(metrics), width: 100) + "\n"
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
        let seconds = Int((milliseconds / 1000).rounded())
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m" + (seconds % 60 > 0 ? " \(seconds % 60)s" : "")
        case ..<86400: return "\(seconds / 3600)h" + ((seconds % 3600) / 60 > 0 ? " \((seconds % 3600) / 60)m" : "")
        default: return "\(seconds / 86400)d" + ((seconds % 86400) / 3600 > 0 ? " \((seconds % 86400) / 3600)h" : "")
        }
    }
}
