import JourneyLanguage

// Messages about measuring a journey's funnel from an event log.

extension Diagnostic {
    static func stageWithoutEvent(_ stage: String, at range: SourceRange) -> Diagnostic {
        .error(
            "stage-without-event", "stage '\(stage)' has no event, so the event log cannot measure it", at: range,
            help: "add the event names that mark reaching the stage, such as: event checkout_started")
    }

    static func eventInTwoStages(_ event: String, first: String, second: String, at range: SourceRange) -> Diagnostic {
        .error(
            "event-in-two-stages", "event '\(event)' marks both '\(first)' and '\(second)'", at: range,
            help: "an event name may mark one stage only: keep it in the stage it reaches first")
    }

    /// An event on a stage after the first rung stage: the event funnel ends where the ladder starts.
    static func eventAfterRung(_ stage: String, rungStage: String, at range: SourceRange) -> Diagnostic {
        .error(
            "event-after-rung", "stage '\(stage)' has an event, but comes after the rung stage '\(rungStage)'",
            at: range,
            help: "the event log measures the stages before the ladder; move the stage before '\(rungStage)', "
                + "or give it a rung instead of events")
    }

    /// A journey whose first stage is a rung stage: the event log has no stage to measure.
    static func onlyRungStages(_ stage: String, rung: LadderRung, at range: SourceRange) -> Diagnostic {
        .error(
            "no-event-stage",
            "the first stage, '\(stage)', stands for the rung \(rung.rawValue): no stage is left "
                + "for the event log to measure", at: range,
            help: "measure rung stages with journey customers PURCHASES.csv --journey FILE; give the stages before "
                + "the purchase their events")
    }
}

extension Diagnostic {
    /// A journey event that no row of the event log carries: its stage's reach would be a silent 0.
    ///
    /// - Parameters:
    ///   - suggestion: the log's closest event name no stage uses, with its rows, for "did you mean".
    ///   - unused: the log's event names no stage uses, most rows first, shown when there is no suggestion.
    ///   - uncounted: rows of names past the limit of names counted (then `unused` holds the limit's
    ///     worth), which may hold it under another name.
    static func eventNotInLog(
        _ event: String, stage: String, log: String, suggestion: (name: String, rows: Int)?,
        unused: [(name: String, rows: Int)], uncounted: Int, at range: SourceRange
    ) -> Diagnostic {
        let help: String
        if let suggestion {
            help =
                "did you mean '\(suggestion.name)'? the log has it in \(rows(suggestion.rows)), and no stage uses it"
        } else if !unused.isEmpty {
            let shown = unused.prefix(5).map { "'\($0.name)' (\(rows($0.rows)))" }.joined(separator: ", ")
            // Past the limit of names counted, the rest are a number of rows, not of names.
            let more =
                uncounted > 0
                ? " and more than \(NumberFormatting.grouped(unused.count - 5)) others, with \(rows(uncounted)) "
                    + "of names past the first \(NumberFormatting.grouped(EventNameCounts.otherNameLimit))"
                : unused.count > 5 ? " and \(NumberFormatting.grouped(unused.count - 5)) more" : ""
            help = "the log's events that no stage uses: \(shown)\(more)"
        } else {
            help = "every event of the log marks a stage already: check the spelling, and --event-column"
        }
        return .warning(
            "event-not-in-log",
            "event '\(event)' of stage '\(stage)' never occurs in \(log): the stage's reach from it is 0",
            at: range, help: help)
    }

    private static func rows(_ count: Int) -> String {
        "\(NumberFormatting.grouped(count)) row\(count == 1 ? "" : "s")"
    }
}

extension Diagnostic {
    /// A conversion window that cuts the funnel short at `stage` (see `WindowAdvice`).
    ///
    /// - Parameter first: the first stage's name, where the window starts.
    static func windowCutsFunnel(_ advice: WindowAdvice, stage: String, first: String, at range: SourceRange)
        -> Diagnostic
    {
        let inside = NumberFormatting.grouped(advice.reachInWindow)
        let outside = NumberFormatting.grouped(advice.reachWithoutWindow)
        let p90 = FunnelDuration.text(advice.p90Sum)
        return .warning(
            "window-cuts-funnel",
            "the \(advice.window) window cuts the funnel short at stage '\(stage)': \(inside) reach it "
                + "within \(advice.window) of '\(first)', \(outside) with no window",
            at: range,
            help: "try --window \(advice.suggested): without a window, the 90th percentiles of the steps from "
                + "'\(first)' to '\(stage)' add up to \(p90)")
    }
}
