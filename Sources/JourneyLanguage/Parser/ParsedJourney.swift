/// What the parser could build from a journey file, with every problem it found.
///
/// The journey is always there, built as far as the file allows; when `diagnostics`
/// hold an error, it is incomplete and commands that compute on it should refuse it.
public struct ParsedJourney: Sendable {
    public var journey: Journey
    /// The problems found, in file order.
    public var diagnostics: [Diagnostic]
    /// The indices of the stages holding a line with an error: what such a stage lacks
    /// (a touchpoint, a reach, a target) may just be what could not be read.
    public var incompleteStages: Set<Int>
    /// How many lines were read, when the parser stopped before the end of the file
    /// (`too-many-errors`); nil when it read them all.
    public var checkedLines: Int?

    public init(
        journey: Journey, diagnostics: [Diagnostic], incompleteStages: Set<Int> = [], checkedLines: Int? = nil
    ) {
        self.journey = journey
        self.diagnostics = diagnostics
        self.incompleteStages = incompleteStages
        self.checkedLines = checkedLines
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.containsErrors }
}
