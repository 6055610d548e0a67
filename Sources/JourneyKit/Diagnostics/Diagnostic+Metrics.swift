// Messages from commands that compute metrics: what a journey must have for them.

extension Diagnostic {
    static func reachRequired(_ stage: String, at range: SourceRange) -> Diagnostic {
        .error("reach-required", "stage '\(stage)' has no reach, and metrics need it on every stage", at: range,
               help: "add 'reach COUNT' below the stage: the number of people who entered it")
    }

    static func noStages() -> Diagnostic {
        .error("no-stages", "the journey has no stage to compute metrics for", at: SourceRange(line: 1, column: 1),
               help: "add the funnel's stages, each with its reach: stage Awareness, then reach 120000")
    }
}
