import JourneyLanguage

/// Where the emotion curve puts its stage bands, the points of its curve and the touchpoints
/// it marks and labels, in px from the plot's left edge.
///
/// **In full**, every touchpoint has a column of its own, `JourneyChart.columnWidth` (150 px)
/// wide: room for its label, wrapped at 136 px on up to three lines, and a gutter. A stage
/// without touchpoints keeps an empty column. The curve passes through every touchpoint, and
/// every one is marked and labelled.
///
/// **Condensed**, when those columns would make the canvas wider than the widest that librsvg
/// draws (`ChartStyle.largestCanvas`): that canvas holds `JourneyChart.mostColumns` labels side
/// by side, 217, so a journey with more touchpoints cannot have each one labelled legibly, and
/// its full chart could not even be looked at with `rsvg-convert`. Each stage then gets
/// `condensedColumnsPerStage` columns (fewer if it has fewer touchpoints), its touchpoints
/// spread evenly across them in file order. In each column the lowest pain point is marked and
/// labelled below the curve and the highest high above it, so the two labels never meet and
/// each stays in its column; neutral moments are not marked. For every `bucketWidth` of the
/// plot, the curve is the mean score of the touchpoints there, drawn in a band from the lowest
/// to the highest of them: no peak and no low is lost, and every marked touchpoint lies on the
/// band's edge.
struct CurveLayout {
    /// A stage's band: the columns it spans.
    struct Band {
        var stage: Int
        var firstColumn: Int
        var columns: Int
    }

    /// A touchpoint that is marked and labelled: at `x` px from the plot's left, in `column`.
    struct Mark {
        var touchpoint: Touchpoint
        var x: Double
        var column: Int
    }

    /// A point of the curve: `x` px from the plot's left, and a score.
    struct Point {
        var x: Double
        var score: Double
    }

    /// The touchpoints of a condensed curve within `bucketWidth`: the lowest and the highest, each
    /// where it lies, and their mean score at the middle of the bucket.
    struct Bucket {
        var lowest: Point
        var highest: Point
        var mean: Point
    }

    /// Label columns of a condensed stage: each stage shows its two deepest pain points and its two
    /// highest highs, one of each per half of the stage; ten stages make a chart about as wide as
    /// the largest examples in `journeys/` (3,000 px), which read well as a whole.
    static let condensedColumnsPerStage = 2
    /// The width, in px, within which a condensed curve keeps one lowest and one highest
    /// touchpoint: the curve's stroke, 2.5 px wide, cannot show two points closer than that apart.
    static let bucketWidth = 2.5

    var bands: [Band] = []
    var columnCount = 0
    var points: [Point] = []
    /// The buckets of each condensed stage with touchpoints, in order; empty for a chart in full.
    var ranges: [[Bucket]] = []
    var marks: [Mark] = []
    /// Whether only some touchpoints are marked and labelled.
    var isCondensed = false
    /// All the journey's touchpoints, marked or not.
    var touchpointCount = 0

    /// The layout of `journey`: in full when every touchpoint's column fits in `mostColumns`,
    /// condensed otherwise.
    init(journey: Journey, columnWidth: Double, mostColumns: Int) {
        let fullColumns = journey.stages.reduce(0) { $0 + max($1.touchpoints.count, 1) }
        touchpointCount = journey.stages.reduce(0) { $0 + $1.touchpoints.count }
        isCondensed = fullColumns > mostColumns
        for (index, stage) in journey.stages.enumerated() {
            let count = stage.touchpoints.count
            let columns = isCondensed ? min(max(count, 1), Self.condensedColumnsPerStage) : max(count, 1)
            bands.append(Band(stage: index, firstColumn: columnCount, columns: columns))
            if isCondensed {
                condense(stage.touchpoints, columns: columns, columnWidth: columnWidth)
            } else {
                for (offset, touchpoint) in stage.touchpoints.enumerated() {
                    let column = columnCount + offset
                    let x = (Double(column) + 0.5) * columnWidth
                    points.append(Point(x: x, score: touchpoint.score))
                    marks.append(Mark(touchpoint: touchpoint, x: x, column: column))
                }
            }
            columnCount += columns
        }
    }

    /// Lays out a stage's `touchpoints` condensed into `columns` columns from `columnCount` on.
    private mutating func condense(_ touchpoints: [Touchpoint], columns: Int, columnWidth: Double) {
        let count = touchpoints.count
        guard count > 0 else { return }
        let left = Double(columnCount) * columnWidth
        let width = Double(columns) * columnWidth
        let buckets = max(Int(width / Self.bucketWidth), 1)
        func x(_ index: Int) -> Double { left + (Double(index) + 0.5) * width / Double(count) }
        // Touchpoint `index` is centred at (index + 1/2) / count of the band; so is its column and bucket.
        func share(_ index: Int, of parts: Int) -> Int { parts * (2 * index + 1) / (2 * count) }

        var lowest = [Int?](repeating: nil, count: columns)
        var highest = [Int?](repeating: nil, count: columns)
        var range: [Bucket] = []
        var bucket = (index: 0, lowest: 0, highest: 0, sum: 0.0, count: 0)
        func flush() {
            let mean = left + (Double(bucket.index) + 0.5) * Self.bucketWidth
            range.append(
                Bucket(
                    lowest: Point(x: x(bucket.lowest), score: touchpoints[bucket.lowest].score),
                    highest: Point(x: x(bucket.highest), score: touchpoints[bucket.highest].score),
                    mean: Point(x: mean, score: bucket.sum / Double(bucket.count))))
        }
        for (index, touchpoint) in touchpoints.enumerated() {
            let score = touchpoint.score
            let column = share(index, of: columns)
            if score < 0, lowest[column].map({ score < touchpoints[$0].score }) ?? true {
                lowest[column] = index
            }
            if score > 0, highest[column].map({ score > touchpoints[$0].score }) ?? true {
                highest[column] = index
            }
            let inBucket = share(index, of: buckets)
            if index > 0, inBucket != bucket.index { flush() }
            if index == 0 || inBucket != bucket.index {
                bucket = (inBucket, index, index, 0, 0)
            }
            if score < touchpoints[bucket.lowest].score { bucket.lowest = index }
            if score > touchpoints[bucket.highest].score { bucket.highest = index }
            bucket.sum += score
            bucket.count += 1
        }
        flush()
        ranges.append(range)
        points += range.map(\.mean)
        for column in 0..<columns {
            for index in [lowest[column], highest[column]].compactMap({ $0 }).sorted() {
                marks.append(Mark(touchpoint: touchpoints[index], x: x(index), column: columnCount + column))
            }
        }
    }
}
