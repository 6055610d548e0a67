import Foundation
import JourneyAnalysis
import JourneyEvents
import JourneyLanguage

extension FuzzTarget {
    /// A journey and an event log, measured as `journey funnel --events` measures them: the CSV
    /// reader, the funnel engine, the funnel report in both formats and `--apply`'s rewriting of
    /// the reach lines (in memory).
    ///
    /// The input is the reader's settings in its first byte (`EventsInput`), then the journey,
    /// then a line `---`, then the log.
    static let events = FuzzTarget(
        name: "events",
        summary: "read a CSV event log for a journey, compute the funnel, report it, rewrite the reach"
    ) { bytes in
        guard let input = EventsInput(bytes) else { return }
        let source = SourceFile(name: "fuzz.journey", bytes: input.journey)
        let checked = JourneyChecker.check(source)
        guard !checked.hasErrors else { return }
        let journey = checked.journey
        let mapping = EventMapping.stageOfEvent(in: journey)
        show(mapping.diagnostics, in: source)
        guard !mapping.diagnostics.containsErrors else { return }

        var reader = EventLogReader(stageOfEvent: mapping.map, skipBadRows: input.skipsBadRows)
        reader.maximumThreads = input.threads
        reader.chunkSize = input.chunkSize
        reader.parallelThreshold = input.parallelThreshold
        reader.eventMemoryLimit = input.eventMemoryLimit
        reader.spillDirectory = FileManager.default.temporaryDirectory.path
        let outcome = reader.readWithSourceLines(bytes: input.log, name: "fuzz.csv")
        let formatter = DiagnosticFormatter()
        for diagnostic in outcome.diagnostics {
            let line = outcome.sourceLines[diagnostic.location.line].map { Substring($0) }
            _ = formatter.format(diagnostic, fileName: "fuzz.csv", sourceLine: line)
        }
        guard !outcome.diagnostics.containsErrors else { return }

        let result: FunnelResult
        do throws(FunnelError) {
            result = try FunnelEngine.compute(
                log: outcome.log, stageCount: EventMapping.measuredStageCount(in: journey),
                window: input.window, mode: input.mode, workers: input.threads)
        } catch {
            guard case .customerOutgrowsMemory = error else {
                FuzzFailure.stop("the funnel could not read back its spilled events: \(error)")
            }
            _ = formatter.format(Diagnostic.funnelFailed(error), fileName: "fuzz.csv", sourceLine: nil)
            return
        }
        let measured = result.applyingReach(to: journey)
        if let metrics = FunnelMetrics(journey: measured) {
            let report = FunnelReport(journey: measured, log: outcome.log, result: result, metrics: metrics)
            _ = report.text()
            _ = report.json()
        }
        let text = String(decoding: input.journey, as: UTF8.self)
        let rewritten = ReachRewriter.rewrite(text, journey: journey, reaches: result.reach)
        let reread = JourneyChecker.check(SourceFile(name: "rewritten.journey", text: rewritten))
        if reread.hasErrors {
            FuzzFailure.stop(
                "the journey with its reach rewritten has errors", diagnostics: reread.diagnostics, in: rewritten)
        }
    }
}
