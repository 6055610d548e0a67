import JourneyCharts
import JourneyLanguage

extension ReportContext.Ladder {
    /// The ladder section of `figures`, with their `chart` (the ladder chart of the same figures,
    /// without their notes, which the section gives in words under the table).
    ///
    /// The chart is validated as `journey render` validates it, then inlined without its prologue;
    /// characters that XML does not allow are dropped from every text, as from the journey's.
    /// - Throws: `InvalidChartError` when the chart is not valid SVG 1.1, a bug in journey.
    public init(figures: LadderFigures, chart: RenderedChart, theme: Theme) throws(InvalidChartError) {
        let clean = ReportContext.clean
        let inline = try InlineSVG(document: chart.svg, name: "\(clean(figures.source)): ladder chart")
        self.chart = ReportContext.Chart(
            svg: inline.markup, width: Int(chart.width.rounded(.up)), height: Int(chart.height.rounded(.up)),
            theme: clean(theme.name), caption: Self.caption)
        self.source = clean(figures.source)
        self.asOf = clean(figures.asOf)
        self.rules = figures.rules
        self.rungs = figures.rungs.enumerated().map { index, rung in
            ReportContext.LadderRow(
                rung: rung.rung.rawValue, condition: figures.condition(of: rung.rung),
                customers: NumberFormatting.grouped(rung.customers),
                conversion: figures.conversion(into: index).map(LadderFigures.percent) ?? "–",
                lost: NumberFormatting.grouped(rung.lost),
                lostShare: rung.lostShare.map(LadderFigures.percent) ?? "–",
                isEmpty: rung.customers == 0)
        }
        self.notes = figures.notes.map(clean)
        self.hasNotes = !figures.notes.isEmpty
    }

    /// How to read the chart, for its caption: the table below it gives the figures.
    static let caption =
        "Each bar is the customers at a rung or higher, against the largest count; its hatched end, those "
        + "who are lost. Between two bars, the share that climbs to the next rung."
}
