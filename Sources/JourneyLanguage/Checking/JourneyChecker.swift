/// Checks a journey file the way `journey check` does: parse it, then look at its text and its funnel.
public enum JourneyChecker {
    /// Parses `file` and adds the funnel warnings; diagnostics come back in file order.
    public static func check(_ file: SourceFile) -> ParsedJourney {
        var result = JourneyParser.parse(file)
        let warnings = FunnelChecks.diagnostics(for: result.journey, incompleteStages: result.incompleteStages)
        let characters = ControlCharacterCheck.diagnostics(for: file)
        result.diagnostics = (result.diagnostics + characters + warnings).sortedByLocation()
        return result
    }
}
