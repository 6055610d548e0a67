import JourneyLanguage

extension WeakestStage {
    /// A stage that the data cannot tell apart from the weakest: the verdict could as well have
    /// named it.
    ///
    /// Stages are ranked by conversion ÷ target (by conversion when no stage has a target). Each
    /// conversion has a 95% Wilson interval, and so a range of that ratio. Another stage is a near
    /// tie when its ratio lies within the weakest stage's range, or the weakest stage's ratio
    /// within its range: the difference between their shortfalls is smaller than the uncertainty
    /// of one of the conversions, and a few more or fewer people converting could swap them.
    public struct NearTie: Hashable, Sendable {
        /// The stage, with its conversion, target and shortfall.
        public var stage: StageMetrics
        /// The stage's position in the funnel, from 0.
        public var index: Int { stage.index }
        /// The stage's name.
        public var name: String { stage.name }

        /// `other` as a near tie of `weakest`, or nil when the data tells them apart.
        init?(_ weakest: StageMetrics, _ other: StageMetrics, basis: Basis) {
            guard let weakestRange = Self.ratioRange(of: weakest, basis: basis),
                let otherRange = Self.ratioRange(of: other, basis: basis),
                let weakestRatio = Self.ratio(of: weakest, basis: basis),
                let otherRatio = Self.ratio(of: other, basis: basis),
                weakestRange.contains(otherRatio) || otherRange.contains(weakestRatio)
            else { return nil }
            self.stage = other
        }

        /// What the ranking compares: conversion ÷ target, or the conversion alone.
        private static func ratio(of stage: StageMetrics, basis: Basis) -> Double? {
            guard let conversion = stage.conversion else { return nil }
            guard basis == .target else { return conversion }
            guard let target = stage.target, target > 0 else { return nil }
            return conversion / target
        }

        /// The ratio over the 95% Wilson interval of the conversion.
        private static func ratioRange(of stage: StageMetrics, basis: Basis) -> ClosedRange<Double>? {
            guard let wilson = stage.wilson else { return nil }
            guard basis == .target else { return wilson.low...wilson.high }
            guard let target = stage.target, target > 0 else { return nil }
            return (wilson.low / target)...(wilson.high / target)
        }
    }
}
