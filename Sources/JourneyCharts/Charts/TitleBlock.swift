import JourneyLanguage

/// The heading of a chart: a title, then a line of details such as the journey's personas,
/// state and scale.
enum TitleBlock {
    /// The block for `journey`, at most `width` px wide.
    ///
    /// `source`, when given, is a third line: where the figures come from.
    static func make(
        for journey: Journey, width: Double, theme: Theme, chartName: String, source: String? = nil
    ) -> ChartPart {
        var details: [String] = [chartName]
        let personas = journey.personas.map { $0.description.map { text in "\(text)" } ?? $0.id }
        if !personas.isEmpty {
            details.append((personas.count == 1 ? "Persona: " : "Personas: ") + personas.joined(separator: "; "))
        }
        details.append(journey.state == .current ? "current state" : "future state")
        details.append("scale \(journey.scale)")
        let block = make(title: journey.name, details: details, width: width, theme: theme)
        guard let source else { return block }
        let line = ChartStyle.label(
            source, size: ChartStyle.subtitleSize, x: 0, top: block.height + 4, maxWidth: width, maxLines: 2)
        return ChartPart(
            width: width, height: line.bounds.maxY, items: block.items + [.text(line, fill: theme.mutedText)])
    }

    /// The block of `title` (`Untitled journey` when empty) over `details` joined with ` · `,
    /// at most `width` px wide.
    static func make(title: String, details: [String], width: Double, theme: Theme) -> ChartPart {
        let title = ChartStyle.label(
            title.isEmpty ? "Untitled journey" : title,
            size: ChartStyle.titleSize, bold: true, x: 0, top: 0,
            maxWidth: width, maxLines: 2)
        let subtitle = ChartStyle.label(
            details.joined(separator: " · "), size: ChartStyle.subtitleSize,
            x: 0, top: title.bounds.maxY + 6, maxWidth: width, maxLines: 2)
        return ChartPart(
            width: width, height: subtitle.bounds.maxY,
            items: [.text(title, fill: theme.text), .text(subtitle, fill: theme.mutedText)])
    }
}
