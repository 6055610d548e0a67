import JourneyLanguage

/// A chart that is not valid SVG 1.1 and so cannot go into a report: a bug in journey.
public struct InvalidChartError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The chart's name in diagnostics.
    public var name: String
    /// The chart's SVG document, to show the lines the diagnostics point at.
    public var svg: String
    /// libxml2's findings.
    public var diagnostics: [Diagnostic]

    public init(name: String, svg: String, diagnostics: [Diagnostic]) {
        self.name = name
        self.svg = svg
        self.diagnostics = diagnostics
    }

    public var description: String {
        let first = diagnostics.first.map { ": \($0.location): \($0.message)" } ?? ""
        return "the chart '\(name)' is not valid SVG 1.1\(first)"
    }
}
