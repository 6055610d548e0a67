/// Checks a journey file the way `journey check` does: parse it, then look at its text and its funnel.
public enum JourneyChecker {
    /// Parses `file` and adds the funnel warnings; diagnostics come back in file order.
    ///
    /// When the parser stopped at `too-many-errors`, the lines after it are not looked at, and
    /// the funnel, of which only a part was read, gets no warnings.
    public static func check(_ file: SourceFile) -> ParsedJourney {
        var result = JourneyParser.parse(file)
        let warnings =
            result.checkedLines == nil
            ? FunnelChecks.diagnostics(for: result.journey, incompleteStages: result.incompleteStages) : []
        let characters = ControlCharacterCheck.diagnostics(for: file, lines: result.checkedLines)
        result.diagnostics = (result.diagnostics + characters + warnings).sortedByLocation()
        return result
    }
}
