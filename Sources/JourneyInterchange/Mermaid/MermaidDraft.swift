import JourneyLanguage

/// What `MermaidImporter` read from a diagram, before it becomes a `Journey`: the sections and
/// tasks as Mermaid has them, with the `%% journey:` comments that belong to each.
///
/// Scores stay on Mermaid's 1..5 here: the scale they map to may be declared anywhere.
struct MermaidDraft {
    struct Task {
        var name: String
        var nameRange: SourceRange
        /// The score on Mermaid's 1..5, and how it is written.
        var score: Double
        var scoreText: String
        var scoreRange: SourceRange
        /// The actors, decoded and trimmed, in the order written; empty ones are left out.
        var actors: [(name: String, range: SourceRange)]
        var annotations: [MermaidAnnotation] = []
    }

    struct Section {
        /// The name, decoded; nil for the stage that holds tasks written before any section.
        var name: String?
        /// Where the `section` keyword is, or the first task of the implicit stage.
        var location: SourceLocation
        var nameRange: SourceRange
        var tasks: [Task] = []
        var annotations: [MermaidAnnotation] = []
    }

    /// The `title` statement's text, decoded, and where it is.
    var title: (text: String, range: SourceRange)?
    /// The `title:` of the YAML front matter, which a `title` statement overrides.
    var frontMatterTitle: String?
    /// `journey:scale`, `state`, `persona` and `channel` comments, in file order.
    var journeyAnnotations: [MermaidAnnotation] = []
    /// `journey:name` comments below the title.
    var titleAnnotations: [MermaidAnnotation] = []
    var sections: [Section] = []
    /// Sections holding a line with an error.
    var incompleteSections: Set<Int> = []
}
