import JourneyLanguage

/// Writes a journey as a Mermaid `journey` diagram, which GitHub and other Mermaid renderers draw.
///
/// Stages become sections, touchpoints tasks with their score mapped to Mermaid's 1..5 (see
/// `MermaidScoreMapping`) and their personas as actors. What Mermaid cannot show — reach,
/// targets, owners, events, rungs, channels and partners' levels, measurement, engagement,
/// notes, personas' descriptions, the scale, the state and the customers block — goes into `%% journey:` comments that renderers skip and
/// `MermaidImporter` reads back, so that exporting and importing gives the same journey.
/// Characters Mermaid would read as syntax are written as entities such as `#58;`, which
/// renderers show as the character itself. The layout is docs/mermaid.md's.
public enum MermaidExporter {
    /// The Mermaid text of `journey`, ending with a newline; the same journey always gives the same text.
    public static func export(_ journey: Journey) -> String {
        var lines = ["journey"]
        let header = "    "
        lines.append(header + "title " + MermaidText.escape(journey.name, in: .title))
        lines += nameOverride(journey.name, in: .title).map { header + $0 }
        lines.append(header + MermaidAnnotation.line(.scale, journey.scale.description))
        lines.append(header + MermaidAnnotation.line(.state, journey.state.rawValue))
        for persona in journey.personas {
            lines.append(header + MermaidAnnotation.line(.persona, words: [persona.id], text: persona.description))
        }
        for channel in journey.channels {
            lines.append(
                header
                    + MermaidAnnotation.line(
                        .channel, words: [channel.id, channel.media.rawValue],
                        text: channel.description))
            if let vcp = channel.vcp {
                let levels = [vcp.ours.rawValue] + (vcp.theirs.map { [$0.rawValue] } ?? [])
                lines.append(header + MermaidAnnotation.line(.vcp, words: [channel.id] + levels))
            }
        }
        if let rules = journey.customers {
            lines.append(header + MermaidAnnotation.line(.recommend, rules.recommendScale.description))
            lines.append(header + MermaidAnnotation.line(.fan, String(rules.fanPurchaseDays)))
            lines.append(header + MermaidAnnotation.line(.lost, "after \(NumberFormatting.exact(rules.lostAfter))x"))
        }
        let allPersonas = journey.personas.map(\.id)
        for stage in journey.stages {
            lines.append(header + "section " + MermaidText.escape(stage.name, in: .section))
            lines += sectionComments(stage).map { header + header + $0 }
            for touchpoint in stage.touchpoints {
                lines.append(header + header + taskLine(touchpoint, scale: journey.scale, allPersonas: allPersonas))
                lines += taskComments(touchpoint, scale: journey.scale, hasPersonas: !allPersonas.isEmpty)
                    .map { header + header + header + $0 }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Name: score: actor, actor`; a touchpoint for everyone lists every persona.
    static func taskLine(_ touchpoint: Touchpoint, scale: ScoreScale, allPersonas: [String]) -> String {
        var line =
            MermaidText.escape(touchpoint.name, in: .task) + ": "
            + MermaidScoreMapping.writtenScore(touchpoint.score, on: scale)
        let actors = touchpoint.personas.isEmpty ? allPersonas : touchpoint.personas
        if !actors.isEmpty {
            line += ": " + actors.map { MermaidText.escape($0, in: .actor) }.joined(separator: ", ")
        }
        return line
    }

    private static func sectionComments(_ stage: Stage) -> [String] {
        var lines = nameOverride(stage.name, in: .section)
        if let reach = stage.reach { lines.append(MermaidAnnotation.line(.reach, String(reach))) }
        if let target = stage.target {
            lines.append(MermaidAnnotation.line(.target, NumberFormatting.exactPercent(target) + "%"))
        }
        if let owner = stage.owner { lines.append(MermaidAnnotation.line(.owner, owner)) }
        lines += stage.events.map { MermaidAnnotation.line(.event, $0) }
        if let rung = stage.rung { lines.append(MermaidAnnotation.line(.rung, rung.rawValue)) }
        return lines
    }

    private static func taskComments(_ touchpoint: Touchpoint, scale: ScoreScale, hasPersonas: Bool) -> [String] {
        var lines = nameOverride(touchpoint.name, in: .task)
        if !MermaidScoreMapping.roundTrips(touchpoint.score, on: scale) {
            lines.append(MermaidAnnotation.line(.score, NumberFormatting.exact(touchpoint.score)))
        }
        if let channel = touchpoint.channel { lines.append(MermaidAnnotation.line(.via, words: [channel])) }
        if touchpoint.isMeasured { lines.append(MermaidAnnotation.line(.measured, touchpoint.metric)) }
        if touchpoint.personas.isEmpty, hasPersonas { lines.append(MermaidAnnotation.line(.everyone)) }
        if let engagement = touchpoint.engagement {
            lines.append(MermaidAnnotation.line(.engagement, engagement.rawValue))
        }
        lines += touchpoint.pains.map { MermaidAnnotation.line(.pain, $0) }
        lines += touchpoint.ideas.map { MermaidAnnotation.line(.idea, $0) }
        lines += touchpoint.thoughts.map { MermaidAnnotation.line(.thought, $0) }
        return lines
    }

    /// A `%% journey:name` comment when the text as escaped for `place` would not read back as `text`.
    ///
    /// Entities make every text read back, so this is a safeguard that stays silent.
    private static func nameOverride(_ text: String, in place: MermaidText.Place) -> [String] {
        let escaped = Array(MermaidText.escape(text, in: place).unicodeScalars)
        return MermaidText.decode(escaped[...]) == text ? [] : [MermaidAnnotation.line(.name, text)]
    }
}
