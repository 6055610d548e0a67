import JourneyLanguage

// Messages from commands that compute metrics: what a journey must have for them.

extension Diagnostic {
    static func reachRequired(_ stage: String, rung: LadderRung?, at range: SourceRange) -> Diagnostic {
        .error(
            "reach-required", "stage '\(stage)' has no reach, and metrics need it on every stage", at: range,
            help: rung == nil
                ? "add 'reach COUNT' below the stage: the number of people who entered it"
                : "measure it from purchases: journey customers PURCHASES.csv --journey FILE --apply writes the "
                    + "customers at \(rung?.rawValue ?? "the rung") or higher into it")
    }
}
