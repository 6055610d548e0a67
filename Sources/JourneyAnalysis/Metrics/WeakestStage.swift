import JourneyLanguage

/// The one stage to fix first: the furthest below its target, and what fixing it is worth.
public struct WeakestStage: Hashable, Sendable {
    /// Why this stage was chosen.
    public enum Basis: String, Hashable, Sendable {
        /// The lowest conversion relative to target, among stages with a target and a next stage.
        case target
        /// No stage has a target: the lowest conversion of the funnel.
        case lowestConversion
    }

    /// The stage's position in the funnel, from 0.
    public var index: Int
    /// The stage's name.
    public var name: String
    /// The stage's conversion to the next stage, from 0.
    public var conversion: Double
    /// The stage's target, from 0 to 1 (nil when chosen by lowest conversion).
    public var target: Double?
    /// How far below target the stage falls, as a share of the target, from 0 to 1.
    public var shortfall: Double
    /// How far below target the stage falls in percentage points, as a share from 0 to 1:
    /// target − conversion (0.071 is 7.1 points); 0 on target or without one.
    public var shortfallPoints: Double
    /// The people who would reach the end of the funnel if the stage met its target:
    /// R_n × (target / conversion − 1); 0 on target; nil when there is no target or
    /// when the stage converts nobody (then `isAllLost`).
    public var recoverable: Double?
    /// Whether the stage converts nobody, so every person who entered it is lost.
    public var isAllLost: Bool
    /// Whether the shortfall is statistically significant: the 95% Wilson interval of the
    /// conversion lies entirely below the target.
    public var isSignificant: Bool
    /// Whether the stage's conversion rests on fewer than 30 people.
    public var isSmallSample: Bool
    public var basis: Basis
    /// One sentence a marketer can read: why this stage.
    public var reason: String
    /// The other stages too close to this one to tell apart, weakest first (see `NearTie`).
    public var nearTies: [NearTie]

    /// The weakest of `stages` (in funnel order), or nil when no stage has a next stage.
    ///
    /// Among stages with a target and a next stage, the lowest conversion ÷ target wins;
    /// ties go to lower control, then to lower mean experience (a stage without
    /// touchpoints counts as neutral, 0), then to the earlier stage. When no stage has a
    /// target, the lowest conversion wins, with the same tie-breaks. A stage nobody reached
    /// is never the weakest: it lost no one, and the stage before it, which lost everyone, is
    /// the one to fix (a typo in an event name makes such stages on real logs). A stage that
    /// people entered and nobody left for the next one is a break in the funnel: it is a
    /// candidate with or without a target (not with a target of 0%, which expects it), and
    /// scores 0, the lowest there is.
    public init?(stages: [StageMetrics]) {
        let converting = stages.filter { $0.conversion != nil && $0.reach > 0 }
        let withTarget = converting.filter { $0.target != nil }
        let basis: Basis = withTarget.isEmpty ? .lowestConversion : .target
        let candidates =
            withTarget.isEmpty ? converting : converting.filter { $0.target != nil || $0.conversion == 0 }
        func score(_ stage: StageMetrics) -> Double {
            let conversion = stage.conversion ?? 0
            if conversion == 0, (stage.target ?? 1) > 0 { return 0 }
            guard basis == .target, let target = stage.target else { return conversion }
            // A target of 0% is met by any conversion: such a stage is never the weakest.
            return target > 0 ? conversion / target : .infinity
        }
        let tolerance = 1e-9
        func isWeaker(_ a: StageMetrics, than b: StageMetrics) -> Bool {
            let (scoreA, scoreB) = (score(a), score(b))
            if abs(scoreA - scoreB) > tolerance { return scoreA < scoreB }
            if abs(a.control.control - b.control.control) > tolerance {
                return a.control.control < b.control.control
            }
            let (meanA, meanB) = (a.experience?.mean ?? 0, b.experience?.mean ?? 0)
            if abs(meanA - meanB) > tolerance { return meanA < meanB }
            return a.index < b.index
        }
        guard
            let weakest = candidates.min(by: isWeaker), let conversion = weakest.conversion,
            let finalReach = stages.last?.reach
        else {
            return nil
        }
        self.nearTies = candidates.filter { $0.index != weakest.index }.sorted(by: isWeaker).compactMap {
            NearTie(weakest, $0, basis: basis)
        }

        self.index = weakest.index
        self.name = weakest.name
        self.conversion = conversion
        self.basis = basis
        self.isSmallSample = weakest.isSmallSample
        self.shortfall = weakest.relativeShortfall
        self.shortfallPoints = weakest.shortfallPoints
        if basis == .target, let target = weakest.target {
            self.target = target
            self.isAllLost = conversion == 0 && target > 0
            self.recoverable = weakest.recoverable(finalReach: finalReach)
            self.isSignificant = conversion < target && (weakest.wilson.map { $0.high < target } ?? false)
        } else {
            self.target = nil
            self.isAllLost = conversion == 0
            self.recoverable = nil
            self.isSignificant = false
        }
        // Counted with the stages nobody reached, which have a target all the same.
        let withTargetCount = stages.filter { $0.conversion != nil && $0.target != nil }.count
        let next = stages.first { $0.index == weakest.index + 1 }?.name ?? "the next stage"
        self.reason =
            isAllLost
            ? WeakestStage.allLostReason(for: weakest, next: next)
            : WeakestStage.reason(
                for: weakest, basis: basis, candidates: basis == .target ? withTargetCount : candidates.count)
    }

    /// The reason for a stage that nobody left for the next one: the break comes first.
    private static func allLostReason(for stage: StageMetrics, next: String) -> String {
        let people = NumberFormatting.grouped(stage.reach)
        let target = stage.target.map { " against a target of \(NumberFormatting.percent($0))" } ?? ""
        return "Nobody of the \(people) \(stage.reach == 1 ? "person" : "people") who entered \(stage.name) "
            + "reached \(next): it converts 0%\(target), and the funnel breaks there."
    }

    private static func reason(for stage: StageMetrics, basis: Basis, candidates: Int) -> String {
        let conversion = stage.shownConversion ?? NumberFormatting.percent(0)
        switch basis {
        case .lowestConversion:
            return
                "No stage has a target, and \(stage.name) converts the smallest share of its people to the next stage: \(conversion)."
        case .target:
            let target = NumberFormatting.percent(stage.target ?? 0)
            let among = candidates == 1 ? "the only stage with a target" : "of the \(candidates) stages with a target"
            if let short = stage.shownShortfall {
                let position = candidates == 1 ? "the only stage with a target" : "the furthest below target \(among)"
                return
                    "\(stage.name) converts \(conversion) of its people to the next stage against a target of \(target): \(short), \(position)."
            }
            return
                "Every stage with a target meets it; \(stage.name) is the closest to missing it, converting \(conversion) against a target of \(target)."
        }
    }
}
