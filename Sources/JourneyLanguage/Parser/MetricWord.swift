/// A bare word read as a touchpoint's metric, right after `measured`, kept until the whole file
/// is read to tell whether it was meant as an option or a channel (`ambiguous-metric`).
///
/// `measured` takes the next word as its metric unless it is an option keyword, so a misspelt
/// option (`measured vai site`) or a forgotten `via` (`measured site`) silently becomes the
/// metric. Channels may be declared below their use, hence the wait for the end of the file.
struct MetricWord {
    /// The most edits between the word and an option keyword for it to look like a misspelling.
    static let maximumDistance = 2

    /// The options that take an argument, which a misspelt one would leave behind.
    private static let optionsWithArgument: [TouchpointOption] = [.via, .for, .engagement]

    /// The word read as the metric.
    var word: Token
    /// The token after it on the line, if any.
    var next: Token?
    /// Whether the touchpoint names its channel with `via`, before or after `measured`.
    var touchpointHasChannel = false

    /// The warning that the word looks like an option or a channel, or nil when it looks like a metric.
    ///
    /// A declared channel's id is suspect unless the touchpoint has a `via` of its own. A word
    /// within `maximumDistance` edits of `via`, `for` or `engagement` (ignoring case) is suspect
    /// only when an argument follows it that is not an option: that argument is then reported
    /// as an unknown option, which the warning explains. Followed by nothing or by an option,
    /// the word reads as a metric, as `measured ctr via site` does.
    func diagnostic(isDeclaredChannel: (String) -> Bool) -> Diagnostic? {
        if !touchpointHasChannel, isDeclaredChannel(word.text) {
            return .metricIsChannel(word)
        }
        guard let next, next.kind != .comma, !(next.kind == .word && TouchpointOption(rawValue: next.text) != nil),
            let option = closestOption()
        else { return nil }
        return .metricLooksLikeOption(word, option: option, argument: next)
    }

    /// The option keyword nearest the word within `maximumDistance` edits; ties go to the first listed.
    private func closestOption() -> TouchpointOption? {
        let characters = Array(word.text.lowercased())
        var best: (option: TouchpointOption, distance: Int)?
        for option in Self.optionsWithArgument {
            let keyword = Array(option.rawValue)
            // Each edit changes the length by at most one: spare the alignment of a long word.
            guard abs(keyword.count - characters.count) <= Self.maximumDistance else { continue }
            let distance = Suggestion.editDistance(characters, keyword)
            if distance <= Self.maximumDistance, distance < (best?.distance ?? .max) {
                best = (option, distance)
            }
        }
        return best?.option
    }
}
