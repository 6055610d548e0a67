import JourneyLanguage

/// The heading of a chart: the journey's title, then its personas, state and scale.
enum TitleBlock {
    /// The block for `journey`, at most `width` px wide.
    static func make(for journey: Journey, width: Double, theme: Theme, chartName: String) -> ChartPart {
        let title = ChartStyle.label(
            journey.name.isEmpty ? "Untitled journey" : journey.name,
            size: ChartStyle.titleSize, bold: true, x: 0, top: 0,
            maxWidth: width, maxLines: 2)
        var details: [String] = [chartName]
        let personas = journey.personas.map { $0.description.map { text in "\(text)" } ?? $0.id }
        if !personas.isEmpty {
            details.append((personas.count == 1 ? "Persona: " : "Personas: ") + personas.joined(separator: "; "))
        }
        details.append(journey.state == .current ? "current state" : "future state")
        details.append("scale \(journey.scale)")
        let subtitle = ChartStyle.label(
            details.joined(separator: " · "), size: ChartStyle.subtitleSize,
            x: 0, top: title.bounds.maxY + 6, maxWidth: width, maxLines: 2)
        return ChartPart(
            width: width, height: subtitle.bounds.maxY,
            items: [.text(title, fill: theme.text), .text(subtitle, fill: theme.mutedText)])
    }
}
