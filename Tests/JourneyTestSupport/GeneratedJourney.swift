public import JourneyLanguage

/// A large journey made up for tests, the same for the same arguments.
///
/// `touchpoints` are spread evenly over `stages`, each stage with a reach and a target. Names
/// are one to twenty words long, so some labels wrap and some are shortened. Scores are drawn
/// from -4.5 to +4.5 in steps of 0.5, except for one touchpoint at -5, `lowestName`, a third of
/// the way through, and one at +5, `highestName`, two thirds of the way through. Every other
/// pain point has a pain and every fifth touchpoint an idea.
public enum GeneratedJourney {
    /// The name of the only touchpoint scored -5: the deepest pain point.
    public static let lowestName = "Loses the whole basket when the payment page times out"
    /// The name of the only touchpoint scored +5: the highest high.
    public static let highestName = "Gets the dress the next morning, perfectly fitting"

    private static let words = [
        "checks", "the", "basket", "on", "her", "phone", "while", "waiting", "for", "a", "delayed",
        "train", "and", "compares", "sizes", "with", "last", "season's", "order", "again",
    ]

    /// The journey, with `touchpoints` touchpoints in `stages` stages, drawn with `seed`.
    public static func make(touchpoints: Int, stages: Int, seed: UInt64 = 1) -> Journey {
        var random = SplitMix64(seed: seed)
        let perStage = (touchpoints + stages - 1) / max(stages, 1)
        var made: [Stage] = []
        var reach = 1_000_000
        for stageIndex in 0..<stages {
            let first = stageIndex * perStage
            let range = first..<min(first + perStage, touchpoints)
            let points = range.map { index in
                var score = Double(Int.random(in: -9...9, using: &random)) / 2
                var name =
                    "\(index + 1): "
                    + (0..<Int.random(in: 1...20, using: &random)).map { words[($0 + index) % words.count] }.joined(
                        separator: " ")
                if index == touchpoints / 3 {
                    (score, name) = (-5, lowestName)
                } else if index == touchpoints * 2 / 3 {
                    (score, name) = (5, highestName)
                }
                return Touchpoint(
                    name: name, score: score, channel: "site", isMeasured: index.isMultiple(of: 3),
                    pains: score < 0 && index.isMultiple(of: 2) ? ["It takes too long (\(index + 1))"] : [],
                    ideas: index.isMultiple(of: 5) ? ["Make it faster (\(index + 1))"] : [],
                    location: SourceLocation(line: 100 + index, column: 3))
            }
            made.append(
                Stage(
                    name: "Stage \(stageIndex + 1)", reach: reach, target: 0.5, touchpoints: points,
                    location: SourceLocation(line: 10 + stageIndex, column: 1)))
            reach = reach * 3 / 5
        }
        return Journey(
            name: "Generated journey (\(touchpoints) touchpoints)",
            personas: [Persona(id: "ana", location: SourceLocation(line: 2, column: 1))],
            channels: [Channel(id: "site", media: .owned, location: SourceLocation(line: 3, column: 1))],
            stages: made)
    }
}
