/// Writes a `Journey` as a `.journey` file, in the layout docs/language.md shows.
///
/// The layout: the `journey`, `scale` and `state` statements; personas; channels with their
/// columns aligned and partners' levels last; the `customers` block, with every item written out; then each stage with its statements indented by two spaces and each
/// touchpoint's notes by four. Touchpoint names and every free text are quoted; stage names,
/// ids and events are bare words when they can be. Checking the result gives no error, and
/// parsing it gives back the same journey, source locations aside.
///
/// A statement takes one line, so line breaks inside a text (from an imported file) are
/// written as spaces.
public enum JourneyFormatter {
    /// The `.journey` text of `journey`, ending with a newline.
    public static func format(_ journey: Journey) -> String {
        var lines: [String] = []
        lines.append("journey \(name(journey.name))")
        lines.append("scale \(journey.scale)")
        lines.append("state \(journey.state.rawValue)")

        if !journey.personas.isEmpty {
            lines.append("")
            for persona in journey.personas {
                lines.append(
                    (["persona", name(persona.id)] + persona.description.map { [quoted($0)] }.orEmpty)
                        .joined(separator: " "))
            }
        }
        if !journey.channels.isEmpty {
            lines.append("")
            let idWidth = journey.channels.map { name($0.id).count }.max() ?? 0
            let mediaWidth = journey.channels.map { $0.media.rawValue.count }.max() ?? 0
            for channel in journey.channels {
                let id = name(channel.id).padding(to: idWidth)
                var words = ["channel", id, channel.media.rawValue.padding(to: mediaWidth)]
                if let description = channel.description { words.append(quoted(description)) }
                if let vcp = channel.vcp {
                    words += ["vcp", vcp.ours.rawValue]
                    if let theirs = vcp.theirs { words += ["theirs", theirs.rawValue] }
                }
                lines.append(words.joined(separator: " ").trimmingTrailingSpaces())
            }
        }
        if let rules = journey.customers {
            lines.append("")
            lines.append("customers")
            lines.append("  recommend \(rules.recommendScale)")
            lines.append("  fan \(rules.fanPurchaseDays)")
            lines.append("  lost after \(NumberFormatting.exact(rules.lostAfter))x")
        }
        for stage in journey.stages {
            lines.append("")
            lines.append("stage \(name(stage.name))")
            if let reach = stage.reach { lines.append("  reach \(reach)") }
            if let target = stage.target { lines.append("  target \(NumberFormatting.exactPercent(target))%") }
            if let owner = stage.owner { lines.append("  owner \(quoted(owner))") }
            for event in stage.events { lines.append("  event \(name(event))") }
            if let rung = stage.rung { lines.append("  rung \(rung.rawValue)") }
            for touchpoint in stage.touchpoints {
                lines.append("  " + statement(for: touchpoint))
                lines += touchpoint.pains.map { "    pain \(quoted($0))" }
                lines += touchpoint.ideas.map { "    idea \(quoted($0))" }
                lines += touchpoint.thoughts.map { "    thought \(quoted($0))" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `touchpoint "Name" +2 via site measured "views" for a,b engagement relationship`.
    static func statement(for touchpoint: Touchpoint) -> String {
        var words = ["touchpoint", quoted(touchpoint.name), score(touchpoint.score)]
        if let channel = touchpoint.channel { words += ["via", name(channel)] }
        if touchpoint.isMeasured {
            words.append("measured")
            if let metric = touchpoint.metric { words.append(quoted(metric)) }
        }
        if !touchpoint.personas.isEmpty { words += ["for", touchpoint.personas.map(name).joined(separator: ",")] }
        if let engagement = touchpoint.engagement { words += ["engagement", engagement.rawValue] }
        return words.joined(separator: " ")
    }

    /// A score with its sign: `+2`, `-1.5`, `0`.
    static func score(_ value: Double) -> String {
        let text = NumberFormatting.exact(value)
        return value > 0 && text != "0" ? "+" + text : text
    }

    /// `text` as a bare word when the language reads it back as the same name, else quoted.
    static func name(_ text: String) -> String {
        ArgumentReader.isBareWord(text) && Keyword(rawValue: text) == nil && TouchpointOption(rawValue: text) == nil
            ? text : quoted(text)
    }

    /// `text` in double quotes, with `"` and `\` escaped and line breaks turned into spaces.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension Optional where Wrapped == [String] {
    fileprivate var orEmpty: [String] { self ?? [] }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
