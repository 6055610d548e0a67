import JourneyLanguage

/// Turns a `MermaidDraft` into a `Journey`: applies the `%% journey:` comments, maps the scores
/// onto the scale, makes personas of the actors and stage names unique.
///
/// Comments that cannot be applied are reported as warnings and ignored: Mermaid ignores them
/// too, and the journey stays valid without them.
struct MermaidJourneyBuilder {
    private let draft: MermaidDraft
    private let fallbackName: String
    private(set) var diagnostics: [Diagnostic] = []

    private var scale = ScoreScale.standard
    private var state = JourneyState.current
    private var declaredPersonas: [Persona] = []
    private var channels: [Channel] = []
    private var customers: RelationshipRules?

    init(draft: MermaidDraft, fallbackName: String) {
        self.draft = draft
        self.fallbackName = fallbackName
    }

    mutating func build() -> Journey {
        readJourneyAnnotations()
        let title = checkedName(in: draft.titleAnnotations) ?? draft.title?.text
        var journey = Journey(
            name: title ?? draft.frontMatterTitle ?? fallbackName, scale: scale, state: state,
            channels: channels, customers: customers)
        var actors = MermaidActors(declared: declaredPersonas)
        var stageNames: [String: SourceLocation] = [:]
        let originalNames = Set(draft.sections.compactMap { Self.declaredName(in: $0.annotations) ?? $0.name })
        for section in draft.sections {
            var stage = makeStage(section, implicitName: title ?? "Journey")
            if let first = stageNames[stage.name] {
                let renamed = Self.uniqueName(stage.name, taken: Set(stageNames.keys).union(originalNames))
                diagnostics.append(
                    .mermaidDuplicateSection(stage.name, renamed: renamed, first: first, at: section.nameRange))
                stage.name = renamed
            }
            stageNames[stage.name] = section.location
            stage.touchpoints = section.tasks.map { makeTouchpoint($0, actors: &actors) }
            journey.stages.append(stage)
        }
        journey.personas = actors.personas
        return journey
    }

    /// `name (2)`, or the first of `name (3)`, `name (4)`… that is free.
    static func uniqueName(_ name: String, taken: Set<String>) -> String {
        var number = 2
        while taken.contains("\(name) (\(number))") {
            number += 1
        }
        return "\(name) (\(number))"
    }

    // MARK: - The journey

    private mutating func readJourneyAnnotations() {
        var scaleAt: SourceLocation?
        var stateAt: SourceLocation?
        var personaIDs: Set<String> = []
        var channelIDs: Set<String> = []
        var vcpAt: [String: SourceLocation] = [:]
        var customersAt: [MermaidAnnotation.Key: SourceLocation] = [:]
        for annotation in draft.journeyAnnotations {
            let key = annotation.key.rawValue
            switch annotation.key {
            case .scale:
                guard let parsed = Self.scale(annotation.text) else {
                    malformed(
                        annotation, expected: "a scale from below zero to above it, such as -5..5, at most -1000..1000")
                    continue
                }
                guard repeatCheck(annotation, first: &scaleAt) else { continue }
                scale = parsed
            case .state:
                guard let parsed = JourneyState(rawValue: annotation.text) else {
                    malformed(annotation, expected: "'current' or 'future'")
                    continue
                }
                guard repeatCheck(annotation, first: &stateAt) else { continue }
                state = parsed
            case .persona:
                let (id, rest) = annotation.firstWordAndRest
                guard !id.isEmpty else {
                    malformed(annotation, expected: "an id and an optional description")
                    continue
                }
                guard personaIDs.insert(id).inserted else {
                    let first = declaredPersonas.first { $0.id == id }?.location ?? annotation.keyRange.start
                    diagnostics.append(
                        .mermaidRepeatedAnnotation("\(key) \(id)", first: first, at: annotation.keyRange))
                    continue
                }
                declaredPersonas.append(
                    Persona(
                        id: id, description: rest.isEmpty ? nil : MermaidText.decode(rest),
                        location: annotation.keyRange.start))
            case .channel:
                let (id, rest) = annotation.firstWordAndRest
                let mediaEnd = rest.firstIndex(where: MermaidText.isWhitespace) ?? rest.endIndex
                let description = rest[mediaEnd...].drop(while: MermaidText.isWhitespace)
                guard !id.isEmpty, let media = Media(rawValue: MermaidText.decode(rest[..<mediaEnd])) else {
                    malformed(
                        annotation,
                        expected: "an id, a media (owned, paid, partner or earned) and an optional description")
                    continue
                }
                guard channelIDs.insert(id).inserted else {
                    let first = channels.first { $0.id == id }?.location ?? annotation.keyRange.start
                    diagnostics.append(
                        .mermaidRepeatedAnnotation("\(key) \(id)", first: first, at: annotation.keyRange))
                    continue
                }
                channels.append(
                    Channel(
                        id: id, media: media, description: description.isEmpty ? nil : MermaidText.decode(description),
                        location: annotation.keyRange.start))
            case .vcp:
                readPartnerStanding(annotation, first: &vcpAt)
            case .recommend, .fan, .lost:
                var first = customersAt[annotation.key]
                readCustomersRule(annotation, first: &first)
                customersAt[annotation.key] = first
            default:
                break
            }
        }
    }

    /// `vcp CHANNEL OURS [THEIRS]`, for a partner or earned channel declared above it.
    private mutating func readPartnerStanding(_ annotation: MermaidAnnotation, first: inout [String: SourceLocation]) {
        // Each word decoded on its own: an id written with entities may hold spaces.
        let words = annotation.value.split(whereSeparator: MermaidText.isWhitespace).map { MermaidText.decode($0) }
        let levels = words.dropFirst().map { VCPLevel(rawValue: $0) }
        guard let id = words.first, (2...3).contains(words.count), levels.allSatisfy({ $0 != nil }),
            let index = channels.firstIndex(where: { $0.id == id }), channels[index].media.takesPartnerLevel
        else {
            malformed(
                annotation,
                expected: "the id of a partner or earned channel declared above it, our level and optionally "
                    + "theirs (visibility, credibility, profitability)")
            return
        }
        if let earlier = first[id] {
            diagnostics.append(.mermaidRepeatedAnnotation("vcp \(id)", first: earlier, at: annotation.keyRange))
            return
        }
        first[id] = annotation.keyRange.start
        channels[index].vcp = PartnerStanding(ours: levels[0]!, theirs: levels.count > 1 ? levels[1] : nil)
    }

    /// `recommend 1..10`, `fan 5` or `lost after 2x`: any of them makes a customers block, whose
    /// other rules keep their defaults.
    private mutating func readCustomersRule(_ annotation: MermaidAnnotation, first: inout SourceLocation?) {
        let text = annotation.text
        var rules = customers ?? RelationshipRules()
        switch annotation.key {
        case .recommend:
            guard let scale = RecommendScale(parsing: text) else {
                malformed(annotation, expected: "the recommend scale, 1..10 or 0..10")
                return
            }
            guard repeatCheck(annotation, first: &first) else { return }
            rules.recommendScale = scale
        case .fan:
            guard ArgumentReader.isDigitGroups(text), let days = Int(text.filter { $0 != "_" }), days >= 2 else {
                malformed(annotation, expected: "a whole number of purchase days, 2 or more")
                return
            }
            guard repeatCheck(annotation, first: &first) else { return }
            rules.fanPurchaseDays = days
        default:
            let words = text.split(whereSeparator: \.isWhitespace)
            guard words.count == 2, words[0] == "after", words[1].hasSuffix("x"),
                let gaps = ArgumentReader.decimal(String(words[1].dropLast())), gaps > 0
            else {
                malformed(annotation, expected: "'after' and a positive number of gaps, such as after 2x")
                return
            }
            guard repeatCheck(annotation, first: &first) else { return }
            rules.lostAfter = gaps
        }
        customers = rules
    }

    /// `-5..5`: two scores joined by `..`, below and above zero, within the language's bounds.
    static func scale(_ text: String) -> ScoreScale? {
        let bounds = text.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
        guard bounds.count == 2, let minimum = ArgumentReader.score(bounds[0]),
            let maximum = ArgumentReader.score(bounds[1])
        else { return nil }
        let scale = ScoreScale(minimum: minimum, maximum: maximum)
        return scale.straddlesZero && scale.hasBoundsInRange ? scale : nil
    }

    /// The text of the first `journey:name` among `annotations` that has one.
    private static func declaredName(in annotations: [MermaidAnnotation]) -> String? {
        annotations.first { $0.key == .name && !$0.value.isEmpty }?.text
    }

    /// The name `annotations` give their owner, reporting empty and repeated `journey:name` comments.
    private mutating func checkedName(in annotations: [MermaidAnnotation]) -> String? {
        var first: SourceLocation?
        for annotation in annotations where annotation.key == .name {
            if annotation.value.isEmpty {
                malformed(annotation, expected: "the exact name")
            } else {
                _ = repeatCheck(annotation, first: &first)
            }
        }
        return Self.declaredName(in: annotations)
    }

    // MARK: - Stages

    private mutating func makeStage(_ section: MermaidDraft.Section, implicitName: String) -> Stage {
        let name = checkedName(in: section.annotations) ?? section.name ?? implicitName
        if section.name == nil {
            diagnostics.append(.mermaidTaskBeforeSection(stage: name, at: section.nameRange))
        }
        var stage = Stage(name: name, location: section.location)
        var ownerAt: SourceLocation?
        for annotation in section.annotations {
            switch annotation.key {
            case .reach:
                let text = annotation.text
                guard ArgumentReader.isDigitGroups(text), let count = Int(text.filter { $0 != "_" }) else {
                    malformed(annotation, expected: "a count of people")
                    continue
                }
                guard stage.reachRange == nil else {
                    diagnostics.append(
                        .mermaidRepeatedAnnotation("reach", first: stage.reachRange!.start, at: annotation.keyRange))
                    continue
                }
                stage.reach = count
                stage.reachRange = annotation.valueRange
            case .target:
                let text = annotation.text
                guard text.hasSuffix("%"), let percent = ArgumentReader.decimal(String(text.dropLast())), percent <= 100
                else {
                    malformed(annotation, expected: "a percentage from 0% to 100%")
                    continue
                }
                guard stage.targetRange == nil else {
                    diagnostics.append(
                        .mermaidRepeatedAnnotation("target", first: stage.targetRange!.start, at: annotation.keyRange))
                    continue
                }
                stage.target = percent / 100
                stage.targetRange = annotation.valueRange
            case .owner:
                guard let owner = text(of: annotation, expected: "a person or team"),
                    repeatCheck(annotation, first: &ownerAt)
                else { continue }
                stage.owner = owner
            case .event:
                if let event = text(of: annotation, expected: "an event name") {
                    stage.events.append(event)
                }
            case .rung:
                guard let rung = LadderRung(rawValue: annotation.text) else {
                    let rungs = LadderRung.allCases.map(\.rawValue).joined(separator: ", ")
                    malformed(annotation, expected: "a rung (\(rungs))")
                    continue
                }
                guard stage.rungRange == nil else {
                    diagnostics.append(
                        .mermaidRepeatedAnnotation("rung", first: stage.rungRange!.start, at: annotation.keyRange))
                    continue
                }
                stage.rung = rung
                stage.rungRange = annotation.valueRange
            default:
                break
            }
        }
        return stage
    }

    // MARK: - Touchpoints

    private mutating func makeTouchpoint(_ task: MermaidDraft.Task, actors: inout MermaidActors) -> Touchpoint {
        let name = checkedName(in: task.annotations) ?? task.name
        var touchpoint = Touchpoint(
            name: name, score: MermaidScoreMapping.journeyScore(task.score, on: scale),
            location: task.nameRange.start)
        var isForEveryone = false
        var seen: [MermaidAnnotation.Key: SourceLocation] = [:]
        for annotation in task.annotations where annotation.key != .name {
            if [.score, .via, .measured, .engagement, .everyone].contains(annotation.key) {
                var first = seen[annotation.key]
                guard repeatCheck(annotation, first: &first) else { continue }
                seen[annotation.key] = first
            }
            switch annotation.key {
            case .score:
                applyExactScore(annotation, task: task, to: &touchpoint)
            case .via:
                guard let id = text(of: annotation, expected: "a channel id") else { continue }
                guard channels.contains(where: { $0.id == id }) else {
                    let suggestion = Suggestion.closest(to: id, among: channels.map(\.id))
                    diagnostics.append(.mermaidUndeclaredChannel(id, suggestion: suggestion, at: annotation.valueRange))
                    continue
                }
                touchpoint.channel = id
            case .measured:
                touchpoint.isMeasured = true
                touchpoint.metric = annotation.value.isEmpty ? nil : annotation.text
            case .everyone:
                isForEveryone = true
            case .engagement:
                guard let level = EngagementLevel(rawValue: annotation.text) else {
                    let levels = EngagementLevel.allCases.map(\.rawValue).joined(separator: ", ")
                    malformed(annotation, expected: "an engagement level (\(levels))")
                    continue
                }
                touchpoint.engagement = level
            case .pain, .idea, .thought:
                guard let note = text(of: annotation, expected: "text") else { continue }
                switch annotation.key {
                case .pain: touchpoint.pains.append(note)
                case .idea: touchpoint.ideas.append(note)
                default: touchpoint.thoughts.append(note)
                }
            default:
                break
            }
        }
        var personas: [String] = []
        var listed: Set<String> = []
        for actor in task.actors {
            let id = actors.personaID(for: actor.name, at: actor.range.start)
            if listed.insert(id).inserted { personas.append(id) }
        }
        touchpoint.personas = isForEveryone ? [] : personas
        return touchpoint
    }

    /// Takes the exact score of `journey:score` when it still matches the task's Mermaid score.
    private mutating func applyExactScore(
        _ annotation: MermaidAnnotation, task: MermaidDraft.Task, to touchpoint: inout Touchpoint
    ) {
        let text = annotation.text
        guard let exact = Double(text), exact.isFinite else {
            malformed(annotation, expected: "a score")
            return
        }
        guard scale.contains(exact) else {
            diagnostics.append(.mermaidAnnotatedScoreOutsideScale(text, scale: scale, at: annotation.valueRange))
            return
        }
        guard Double(MermaidScoreMapping.writtenScore(exact, on: scale)) == task.score else {
            diagnostics.append(.mermaidStaleScore(text, mermaid: task.scoreText, at: annotation.keyRange))
            return
        }
        touchpoint.score = exact
    }

    // MARK: - Helpers

    /// The decoded value, reporting an empty one.
    private mutating func text(of annotation: MermaidAnnotation, expected: String) -> String? {
        guard !annotation.value.isEmpty else {
            malformed(annotation, expected: expected)
            return nil
        }
        return annotation.text
    }

    /// Whether this is the first such comment; reports it otherwise.
    private mutating func repeatCheck(_ annotation: MermaidAnnotation, first: inout SourceLocation?) -> Bool {
        if let first {
            diagnostics.append(
                .mermaidRepeatedAnnotation(annotation.key.rawValue, first: first, at: annotation.keyRange))
            return false
        }
        first = annotation.keyRange.start
        return true
    }

    private mutating func malformed(_ annotation: MermaidAnnotation, expected: String) {
        diagnostics.append(
            .mermaidMalformedAnnotation(
                annotation.key.rawValue, expected: expected,
                example: annotation.key.example, at: annotation.valueRange))
    }
}
