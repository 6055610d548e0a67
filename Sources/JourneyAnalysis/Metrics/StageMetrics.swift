import JourneyLanguage

/// The numbers of one funnel stage: how many people it keeps, how it feels, how much the company controls.
public struct StageMetrics: Hashable, Sendable {
    /// The stage's position in the funnel, from 0.
    public var index: Int
    /// The stage's name.
    public var name: String
    /// The people who entered the stage.
    public var reach: Int
    /// The share of the stage's people who reach the next stage, from 0 (nil for the last stage).
    ///
    /// It is 0 when the stage has no people, and above 1 when the next stage reaches more people.
    public var conversion: Double?
    /// The expected conversion, from 0 to 1, when the stage has a target.
    public var target: Double?
    /// The share of the first stage's people who reach this stage, from 0 to 1.
    public var overallConversion: Double
    /// The people lost between this stage and the next (nil for the last stage).
    public var dropOff: Int?
    /// The spread of touchpoint scores, nil when the stage has no touchpoint.
    public var experience: Experience?
    /// The number of touchpoints with a negative score.
    public var painPoints: Int
    /// How much of the stage the company owns and measures.
    public var control: Control
    /// The 95% Wilson interval of the conversion (nil for the last stage or a stage without people).
    public var wilson: WilsonInterval?

    public init(
        index: Int, name: String, reach: Int, conversion: Double?, target: Double?, overallConversion: Double,
        dropOff: Int?, experience: Experience?, painPoints: Int, control: Control, wilson: WilsonInterval?
    ) {
        self.index = index
        self.name = name
        self.reach = reach
        self.conversion = conversion
        self.target = target
        self.overallConversion = overallConversion
        self.dropOff = dropOff
        self.experience = experience
        self.painPoints = painPoints
        self.control = control
        self.wilson = wilson
    }

    /// Conversion minus target, negative below target (nil without both).
    public var gapToTarget: Double? {
        guard let conversion, let target else { return nil }
        return conversion - target
    }

    /// How far below target the conversion falls, as a share of the target, from 0 to 1.
    ///
    /// (target − conversion) / target when the conversion is below target, else 0.
    public var relativeShortfall: Double {
        guard let conversion, let target, target > 0, conversion < target else { return 0 }
        return (target - conversion) / target
    }

    /// How far below target the conversion falls, in percentage points as a share, from 0 to 1:
    /// target − conversion when the conversion is below target, else 0 (0.071 is 7.1 points).
    public var shortfallPoints: Double {
        guard let conversion, let target, conversion < target else { return 0 }
        return target - conversion
    }

    /// The shortfall in words, points first: `7.1 points short (15.8% below target)`; nil when
    /// the stage meets its target or has none.
    ///
    /// The points are read off the percentages shown (`shownConversion` and the target's), and
    /// the share of the target is never shown as 0%.
    public var shownShortfall: String? {
        guard isBelowTarget, let conversion, let target else { return nil }
        let points = NumberFormatting.points(conversion, below: target)
        return "\(points) short (\(NumberFormatting.percent(relativeShortfall, above: 0)) below target)"
    }

    /// Whether the stage converts below its target.
    public var isBelowTarget: Bool { relativeShortfall > 0 }

    /// The conversion as a percentage for people to read, never rounded up to a target it
    /// misses (`NumberFormatting.percent(_:below:)`); nil for the last stage.
    public var shownConversion: String? {
        conversion.map { NumberFormatting.percent($0, below: target ?? .infinity) }
    }

    /// The people who would reach the end of the funnel, which `finalReach` people reach now,
    /// if this stage met its target: finalReach × (target / conversion − 1).
    ///
    /// 0 when the stage meets its target or has none; nil when it converts nobody, since
    /// then every improvement is unbounded in this model ("all lost").
    public func recoverable(finalReach: Int) -> Double? {
        guard let conversion, let target, conversion < target else { return 0 }
        guard conversion > 0 else { return nil }
        return Double(finalReach) * (target / conversion - 1)
    }

    /// Whether the conversion rests on fewer than 30 people, too few to trust.
    public var isSmallSample: Bool { conversion != nil && reach < 30 }
}
