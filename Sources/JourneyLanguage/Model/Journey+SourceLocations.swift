extension Journey {
    /// The same journey with every source location set to 1:1 (and the ranges of reach and
    /// target and rung removed), for comparing journeys read from different files or formats: two
    /// journeys say the same thing when these copies are equal.
    public func withoutSourceLocations() -> Journey {
        let origin = SourceLocation(line: 1, column: 1)
        var copy = self
        copy.personas = personas.map {
            var persona = $0
            persona.location = origin
            return persona
        }
        copy.channels = channels.map {
            var channel = $0
            channel.location = origin
            return channel
        }
        copy.stages = stages.map { stage in
            var stage = stage
            stage.location = origin
            stage.reachRange = nil
            stage.targetRange = nil
            stage.rungRange = nil
            stage.eventRanges = []
            stage.touchpoints = stage.touchpoints.map {
                var touchpoint = $0
                touchpoint.location = origin
                return touchpoint
            }
            return stage
        }
        return copy
    }
}
