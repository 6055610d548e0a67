/// Checks a journey file the way `journey check` does: parse it, then look at its funnel.
public enum JourneyChecker {
    /// Parses `file` and adds the funnel warnings; diagnostics come back in file order.
    public static func check(_ file: SourceFile) -> ParsedJourney {
        var result = JourneyParser.parse(file)
        result.diagnostics = (result.diagnostics + FunnelChecks.diagnostics(for: result.journey)).sortedByLocation()
        return result
    }
}
