/// Parses a journey file into a `Journey`, collecting diagnostics instead of stopping at the first.
///
/// The parser reads one statement per line and recovers at the next line, so one run
/// reports every error. Names used before they are declared (a channel in `via`, a persona
/// in `for`) are resolved once the whole file is read. Funnel-wide warnings are the job of
/// `FunnelChecks`; `JourneyChecker` runs both.
///
/// After `maximumErrors` errors it stops, as a compiler does, with `too-many-errors` at the
/// next line: a file that is not a journey at all (a log, a binary) would otherwise cost a
/// diagnostic, and its "did you mean", for every line.
public struct JourneyParser {
    /// The errors after which the rest of a file is not read.
    public static let maximumErrors = 1_000

    /// Parses `file` and returns the journey it describes with the problems found.
    public static func parse(_ file: SourceFile) -> ParsedJourney {
        var parser = JourneyParser()
        parser.diagnostics = file.decodingDiagnostics
        var errors = parser.diagnostics.filter { $0.severity == .error }.count
        for (offset, line) in file.lines.enumerated() {
            if errors >= maximumErrors {
                parser.diagnostics.append(.tooManyErrors(errors, from: offset + 1))
                return ParsedJourney(
                    journey: parser.journey, diagnostics: parser.diagnostics.sortedByLocation(),
                    incompleteStages: parser.incompleteStages, checkedLines: offset)
            }
            let lexed = Lexer.tokenize(line, lineNumber: offset + 1)
            let diagnosticsBefore = parser.diagnostics.count
            parser.diagnostics += lexed.diagnostics
            if !lexed.tokens.isEmpty {
                parser.parseStatement(lexed.tokens)
            }
            // An unterminated string swallows the rest of its line: what the parser finds
            // missing after it is a consequence, not another mistake.
            if let open = lexed.diagnostics.first(where: { $0.code == "unterminated-string" }) {
                let parsed = diagnosticsBefore + lexed.diagnostics.count
                let kept = parser.diagnostics[parsed...].filter { $0.location <= open.location }
                parser.diagnostics.replaceSubrange(parsed..., with: kept)
            }
            if parser.diagnostics.count > diagnosticsBefore, let stage = parser.journey.stages.indices.last {
                parser.incompleteStages.insert(stage)
            }
            errors += parser.diagnostics[diagnosticsBefore...].filter { $0.severity == .error }.count
        }
        parser.finish()
        return ParsedJourney(
            journey: parser.journey, diagnostics: parser.diagnostics.sortedByLocation(),
            incompleteStages: parser.incompleteStages)
    }

    /// A name used in the file that must match a declaration.
    private struct Reference {
        enum Kind { case channel, persona }
        var kind: Kind
        var id: String
        var range: SourceRange
    }

    var journey = Journey(name: "")
    var diagnostics: [Diagnostic] = []
    var incompleteStages: Set<Int> = []

    private var journeyLocation: SourceLocation?
    private var firstStatement: SourceRange?
    private var scaleLocation: SourceLocation?
    private var scaleWasRejected = false
    /// Whether the first statement was a misspelt `journey`, already reported as an unknown keyword.
    private var firstStatementWasMisspeltJourney = false
    private var stateLocation: SourceLocation?
    private var stageLocations: [String: SourceLocation] = [:]
    private var personaLocations: [String: SourceLocation] = [:]
    private var channelLocations: [String: SourceLocation] = [:]
    private var ownerLocation: SourceLocation?
    /// Where the current stage's first `event` is, for a `rung` in the same stage.
    private var eventLocation: SourceLocation?
    private var references: [Reference] = []
    /// The bare words read as metrics, checked at the end of the file (`ambiguous-metric`).
    private var metricWords: [MetricWord] = []
    /// The first line that looks like a misspelt declaration of each channel and persona id.
    private var misspeltDeclarations: [MisspeltDeclaration.Target: MisspeltDeclaration] = [:]
    private var customersBlock = CustomersBlockReader()
    /// Whether the current stage has a touchpoint that `pain`, `idea` and `thought` annotate.
    private var hasTouchpoint = false
    /// Whether the last touchpoint was out of place: its notes are then not reported again.
    private var lastTouchpointWasDiscarded = false

    private init() {}

    private mutating func parseStatement(_ tokens: [Token]) {
        let head = tokens[0]
        if firstStatement == nil {
            firstStatement = head.range
        }
        guard head.kind == .word else {
            diagnostics.append(.expectedKeyword(found: head))
            return
        }
        guard let keyword = Keyword(rawValue: head.text) else {
            let suggestion = Suggestion.closest(to: head.text, among: Keyword.allCases.map(\.rawValue))
            if firstStatement == head.range, suggestion == Keyword.journey.rawValue {
                firstStatementWasMisspeltJourney = true
            }
            if let misspelt = MisspeltDeclaration(tokens, suggestion: suggestion),
                misspeltDeclarations[misspelt.target] == nil
            {
                misspeltDeclarations[misspelt.target] = misspelt
            }
            diagnostics.append(.unknownKeyword(head.text, suggestion: suggestion, at: head.range))
            return
        }
        var arguments = ArgumentReader(tokens: tokens)
        if keyword != .customers, !Keyword.customersItems.contains(keyword) {
            customersBlock.close()
        }
        switch keyword {
        case .journey: parseJourney(&arguments, at: head.range)
        case .scale: parseScale(&arguments, at: head.range)
        case .state: parseState(&arguments, at: head.range)
        case .persona: parsePersona(&arguments)
        case .channel: parseChannel(&arguments)
        case .customers:
            customersBlock.readBlock(&arguments, at: head.range, into: &journey, diagnostics: &diagnostics)
        case .recommend, .fan, .lost:
            customersBlock.readItem(keyword, &arguments, at: head.range, into: &journey, diagnostics: &diagnostics)
        case .stage: parseStage(&arguments, at: head.range)
        case .reach, .target, .owner, .event, .rung: parseStageSetting(keyword, &arguments, at: head.range)
        case .touchpoint: parseTouchpoint(&arguments, at: head.range)
        case .pain, .idea, .thought: parseNote(keyword, &arguments, at: head.range)
        }
        diagnostics += arguments.diagnostics
    }

    // MARK: - Journey settings

    private mutating func parseJourney(_ arguments: inout ArgumentReader, at range: SourceRange) {
        let name = arguments.readText("the journey's title", example: #"journey "Dressmate — first order""#)
        arguments.expectEnd()
        if let first = journeyLocation {
            diagnostics.append(.repeatedJourney(at: range, first: first))
            return
        }
        if firstStatement != range {
            diagnostics.append(.journeyNotFirst(at: range))
        }
        journeyLocation = range.start
        journey.name = name?.text ?? ""
    }

    private mutating func parseScale(_ arguments: inout ArgumentReader, at range: SourceRange) {
        guard let token = arguments.next() else {
            arguments.report(
                .missingArgument(
                    "the lowest and highest score", of: "scale",
                    at: arguments.lastRange.after, example: "scale -5..5"))
            return
        }
        arguments.expectEnd()
        let bounds =
            token.kind == .word
            ? token.text.split(separator: "..", omittingEmptySubsequences: false).map(String.init) : []
        guard bounds.count == 2,
            let minimum = ArgumentReader.score(bounds[0]),
            let maximum = ArgumentReader.score(bounds[1])
        else {
            diagnostics.append(.invalidScale(token.shown, at: token.range))
            scaleWasRejected = true
            return
        }
        let scale = ScoreScale(minimum: minimum, maximum: maximum)
        guard scale.straddlesZero else {
            diagnostics.append(.scaleWithoutZero(token.text, at: token.range))
            scaleWasRejected = true
            return
        }
        guard scale.hasBoundsInRange else {
            diagnostics.append(.scaleOutOfRange(token.text, at: token.range))
            scaleWasRejected = true
            return
        }
        guard checkSetting(.scale, previous: scaleLocation, at: range) else { return }
        scaleLocation = range.start
        journey.scale = scale
    }

    private mutating func parseState(_ arguments: inout ArgumentReader, at range: SourceRange) {
        let state = arguments.readChoice("state", example: "state current", as: JourneyState.self)
        arguments.expectEnd()
        guard let state, checkSetting(.state, previous: stateLocation, at: range) else { return }
        stateLocation = range.start
        journey.state = state
    }

    /// Checks that a journey-wide setting comes once and before the first stage.
    private mutating func checkSetting(_ keyword: Keyword, previous: SourceLocation?, at range: SourceRange) -> Bool {
        if let first = previous {
            diagnostics.append(.repeatedSetting(keyword, at: range, first: first))
            return false
        }
        if !journey.stages.isEmpty {
            diagnostics.append(.settingAfterFirstStage(keyword, at: range))
            return false
        }
        return true
    }

    // MARK: - Declarations

    private mutating func parsePersona(_ arguments: inout ArgumentReader) {
        guard let id = arguments.readText("an id", example: #"persona giulia "Giulia, 34, shops on her phone""#) else {
            return
        }
        let description = arguments.readOptionalText("a description", example: #"persona giulia "Giulia, 34""#)
        arguments.expectEnd()
        if let first = personaLocations[id.text] {
            diagnostics.append(.duplicatePersona(id.text, at: id.range, first: first))
            return
        }
        personaLocations[id.text] = id.range.start
        journey.personas.append(Persona(id: id.text, description: description, location: id.range.start))
    }

    private mutating func parseChannel(_ arguments: inout ArgumentReader) {
        let example = #"channel site owned "Shop website and app""#
        guard let id = arguments.readText("an id", example: example) else { return }
        let media = arguments.readChoice("media", example: example, as: Media.self)
        var description: String?
        var vcp: PartnerStanding?
        if let media {
            if let next = arguments.peek, !(next.kind == .word && ChannelOption(rawValue: next.text) != nil) {
                description = arguments.readText("a description", example: example)?.text
            }
            vcp = readPartnerStanding(&arguments, channel: id.text, media: media)
            arguments.expectEnd()
        }
        if let first = channelLocations[id.text] {
            diagnostics.append(.duplicateChannel(id.text, at: id.range, first: first))
            return
        }
        channelLocations[id.text] = id.range.start
        // A channel whose media is wrong is still declared, so its uses are not reported too.
        journey.channels.append(
            Channel(
                id: id.text, media: media ?? .earned, description: description, vcp: vcp,
                location: id.range.start))
    }

    /// Reads `vcp LEVEL [theirs LEVEL]` after a channel's media and description.
    ///
    /// Returns nil when it is absent or wrong. After a mistake the rest of the line is skipped,
    /// so that it is reported once.
    private mutating func readPartnerStanding(_ arguments: inout ArgumentReader, channel: String, media: Media)
        -> PartnerStanding?
    {
        guard let token = arguments.peek, token.kind == .word else { return nil }
        guard token.isWord(ChannelOption.vcp.rawValue) else {
            if token.isWord(ChannelOption.theirs.rawValue) {
                arguments.report(.theirsWithoutVCP(at: token.range))
                arguments.skipRest()
            } else if let suggestion = Suggestion.closest(to: token.text, among: ChannelOption.allCases.map(\.rawValue))
            {
                arguments.report(.unknownChannelOption(token, suggestion: suggestion))
                arguments.skipRest()
            }
            // Anything else is reported as an unexpected argument, with the hint to quote text.
            return nil
        }
        _ = arguments.next()
        let example = "vcp credibility theirs visibility"
        guard let ours = arguments.readChoice("partner level", example: example, as: VCPLevel.self) else {
            arguments.skipRest()
            return nil
        }
        var theirs: VCPLevel?
        if let next = arguments.peek, next.isWord(ChannelOption.theirs.rawValue) {
            _ = arguments.next()
            guard let level = arguments.readChoice("partner level", example: example, as: VCPLevel.self) else {
                arguments.skipRest()
                return nil
            }
            theirs = level
        }
        guard media.takesPartnerLevel else {
            arguments.report(.vcpOnOwnedOrPaidChannel(channel, media: media, at: token.range))
            return nil
        }
        return PartnerStanding(ours: ours, theirs: theirs)
    }

    // MARK: - Stages

    private mutating func parseStage(_ arguments: inout ArgumentReader, at range: SourceRange) {
        let name = arguments.readText("a name", example: "stage Awareness")
        arguments.expectEnd()
        hasTouchpoint = false
        lastTouchpointWasDiscarded = false
        ownerLocation = nil
        eventLocation = nil
        let stageName = name?.text ?? ""
        if let name {
            if let first = stageLocations[name.text] {
                diagnostics.append(.duplicateStage(name.text, at: name.range, first: first))
            } else {
                stageLocations[name.text] = name.range.start
            }
        }
        // A stage with a bad or repeated name still opens, so its statements are not reported as orphans.
        journey.stages.append(Stage(name: stageName, location: range.start))
    }

    private mutating func parseStageSetting(
        _ keyword: Keyword, _ arguments: inout ArgumentReader, at range: SourceRange
    ) {
        let stageIndex = journey.stages.indices.last
        if stageIndex == nil {
            diagnostics.append(.beforeFirstStage(keyword, at: range))
        }
        let stageName = stageIndex.map { journey.stages[$0].name } ?? ""
        switch keyword {
        case .reach:
            let count = arguments.readCount(example: "reach 120000")
            arguments.expectEnd()
            guard let stageIndex, let count else { return }
            if let first = journey.stages[stageIndex].reachRange {
                diagnostics.append(.repeatedStageSetting(.reach, stage: stageName, at: range, first: first.start))
                return
            }
            journey.stages[stageIndex].reach = count.value
            journey.stages[stageIndex].reachRange = count.range
        case .target:
            let percent = arguments.readPercent(example: "target 25%")
            arguments.expectEnd()
            guard let stageIndex, let percent else { return }
            if let first = journey.stages[stageIndex].targetRange {
                diagnostics.append(.repeatedStageSetting(.target, stage: stageName, at: range, first: first.start))
                return
            }
            journey.stages[stageIndex].target = percent.ratio
            journey.stages[stageIndex].targetRange = percent.range
        case .owner:
            let owner = arguments.readText("a person or team", example: #"owner "Brand team""#)
            arguments.expectEnd()
            guard let stageIndex, let owner else { return }
            if let first = ownerLocation {
                diagnostics.append(.repeatedStageSetting(.owner, stage: stageName, at: range, first: first))
                return
            }
            ownerLocation = range.start
            journey.stages[stageIndex].owner = owner.text
        case .rung:
            let rung = arguments.readChoice("rung", example: "rung buyer", as: LadderRung.self)
            let rungRange = arguments.lastRange
            arguments.expectEnd()
            guard let stageIndex, let rung else { return }
            readRung(rung, at: rungRange, statement: range, stageIndex: stageIndex)
        default:
            let event = arguments.readText("an event name", example: "event checkout_started")
            arguments.expectEnd()
            guard let stageIndex, let event else { return }
            if let rungRange = journey.stages[stageIndex].rungRange {
                diagnostics.append(
                    .eventAndRung(stage: stageName, at: range, other: "rung", line: rungRange.start.line))
                return
            }
            eventLocation = eventLocation ?? range.start
            journey.stages[stageIndex].events.append(event.text)
            journey.stages[stageIndex].eventRanges.append(event.range)
        }
    }

    /// Gives the stage its rung, unless it has one or an event already, and checks that the
    /// ladder's stages climb it.
    private mutating func readRung(
        _ rung: LadderRung, at rungRange: SourceRange, statement: SourceRange, stageIndex: Int
    ) {
        let stage = journey.stages[stageIndex]
        if let first = stage.rungRange {
            diagnostics.append(.repeatedStageSetting(.rung, stage: stage.name, at: statement, first: first.start))
            return
        }
        if let eventLocation {
            diagnostics.append(
                .eventAndRung(stage: stage.name, at: statement, other: "event", line: eventLocation.line))
            return
        }
        if let previous = journey.stages[..<stageIndex].last(where: { $0.rung != nil }),
            let previousRung = previous.rung,
            rung <= previousRung
        {
            diagnostics.append(
                .rungOutOfOrder(
                    stage: stage.name, rung: rung, previous: previous.name, previousRung: previousRung, at: rungRange))
        }
        journey.stages[stageIndex].rung = rung
        journey.stages[stageIndex].rungRange = rungRange
    }

    // MARK: - Touchpoints

    private mutating func parseTouchpoint(_ arguments: inout ArgumentReader, at range: SourceRange) {
        let example = #"touchpoint "Pays with a saved card" +2 via site"#
        let stageIndex = journey.stages.indices.last
        if stageIndex == nil {
            diagnostics.append(.beforeFirstStage(.touchpoint, at: range))
        }
        lastTouchpointWasDiscarded = true
        guard let name = arguments.readText("a name", example: example) else { return }
        guard let score = readScore(&arguments, after: name, example: example) else { return }
        var touchpoint = Touchpoint(name: name.text, score: score, location: range.start)
        if var metricWord = readOptions(into: &touchpoint, &arguments) {
            metricWord.touchpointHasChannel = touchpoint.channel != nil
            metricWords.append(metricWord)
        }
        guard let stageIndex else { return }
        journey.stages[stageIndex].touchpoints.append(touchpoint)
        hasTouchpoint = true
        lastTouchpointWasDiscarded = false
    }

    private mutating func readScore(_ arguments: inout ArgumentReader, after name: Token, example: String) -> Double? {
        guard let token = arguments.next() else {
            arguments.report(
                .missingArgument("a score", of: "touchpoint", at: arguments.lastRange.after, example: example))
            return nil
        }
        if let decimal = arguments.readDecimalComma(after: token) {
            arguments.report(.decimalComma(decimal.text, at: decimal.range))
            return nil
        }
        guard token.kind == .word, let score = ArgumentReader.score(token.text) else {
            // `touchpoint Browses the collection +3`: the name was probably meant to be quoted.
            let likelyName =
                name.kind == .word && token.kind == .word
                ? wordsBeforeNextScore(arguments.remaining).map {
                    ([name.text, token.text] + $0).joined(separator: " ")
                }
                : nil
            arguments.report(.invalidScore(token.shown, at: token.range, likelyName: likelyName))
            return nil
        }
        // After a rejected `scale`, scores are not held against the default one.
        guard journey.scale.contains(score) || scaleWasRejected else {
            arguments.report(.scoreOutsideScale(token.text, scale: journey.scale, at: token.range))
            return score
        }
        return score
    }

    /// The words up to the next score, or nil when no score follows: likely the rest of an unquoted name.
    private func wordsBeforeNextScore(_ tokens: ArraySlice<Token>) -> [String]? {
        var words: [String] = []
        for token in tokens {
            if token.kind != .word { return nil }
            if ArgumentReader.score(token.text) != nil { return words }
            words.append(token.text)
        }
        return nil
    }

    /// Reads the options after a touchpoint's score; returns the metric when it is a bare word,
    /// to be checked once the file is read (`MetricWord`).
    private mutating func readOptions(into touchpoint: inout Touchpoint, _ arguments: inout ArgumentReader)
        -> MetricWord?
    {
        // At most four options: a list searched in order, not a dictionary, whose hashing and
        // growth cost 6% of `journey check` on 100,000 touchpoints.
        var seen: [(option: TouchpointOption, column: Int)] = []
        var metricWord: MetricWord?
        options: while let token = arguments.next() {
            guard token.kind == .word, let option = TouchpointOption(rawValue: token.text) else {
                let options = TouchpointOption.allCases.map(\.rawValue)
                let suggestion = token.kind == .word ? Suggestion.closest(to: token.text, among: options) : nil
                arguments.report(.unknownTouchpointOption(token, suggestion: suggestion))
                break options
            }
            if let first = seen.first(where: { $0.option == option }) {
                arguments.report(.repeatedOption(option, at: token.range, firstColumn: first.column))
            } else {
                seen.append((option, token.range.start.column))
            }
            switch option {
            case .via:
                guard let channel = arguments.readText("a channel", example: "via site") else { break options }
                touchpoint.channel = channel.text
                references.append(Reference(kind: .channel, id: channel.text, range: channel.range))
            case .measured:
                touchpoint.isMeasured = true
                if let next = arguments.peek, next.kind == .string || TouchpointOption(rawValue: next.text) == nil {
                    let metric = arguments.readText("a metric", example: #"measured "reel views""#)
                    touchpoint.metric = metric?.text
                    if let metric, metric.kind == .word {
                        metricWord = MetricWord(word: metric, next: arguments.peek)
                    }
                }
            case .for:
                touchpoint.personas = []
                repeat {
                    guard let persona = arguments.readText("a persona", example: "for giulia,marco") else {
                        break options
                    }
                    touchpoint.personas.append(persona.text)
                    references.append(Reference(kind: .persona, id: persona.text, range: persona.range))
                } while arguments.peek?.kind == .comma && arguments.next() != nil
            case .engagement:
                guard
                    let level = arguments.readChoice(
                        "engagement level", example: "engagement relationship",
                        as: EngagementLevel.self)
                else { break options }
                touchpoint.engagement = level
            }
        }
        return metricWord
    }

    private mutating func parseNote(_ keyword: Keyword, _ arguments: inout ArgumentReader, at range: SourceRange) {
        let examples: [Keyword: String] = [
            .pain: #"pain "Forced sign-up before paying""#,
            .idea: #"idea "Offer guest checkout""#,
            .thought: #"thought "Why do they need my password?""#,
        ]
        let text = arguments.readText("text", example: examples[keyword] ?? "")
        arguments.expectEnd()
        guard hasTouchpoint, !lastTouchpointWasDiscarded else {
            if !lastTouchpointWasDiscarded {
                diagnostics.append(.noteBeforeTouchpoint(keyword, at: range))
            }
            return
        }
        guard let text else { return }
        let stageIndex = journey.stages.count - 1
        let touchpointIndex = journey.stages[stageIndex].touchpoints.count - 1
        switch keyword {
        case .pain: journey.stages[stageIndex].touchpoints[touchpointIndex].pains.append(text.text)
        case .idea: journey.stages[stageIndex].touchpoints[touchpointIndex].ideas.append(text.text)
        default: journey.stages[stageIndex].touchpoints[touchpointIndex].thoughts.append(text.text)
        }
    }

    // MARK: - End of file

    private mutating func finish() {
        if journeyLocation == nil, !firstStatementWasMisspeltJourney {
            diagnostics.append(.missingJourney(at: firstStatement ?? SourceRange(line: 1, column: 1)))
        }
        let channelIDs = journey.channels.map(\.id)
        let personaIDs = journey.personas.map(\.id)
        for reference in references {
            switch reference.kind {
            case .channel where channelLocations[reference.id] == nil:
                let suggestion = Suggestion.closest(to: reference.id, among: channelIDs)
                let misspelt = misspeltDeclarations[.init(keyword: .channel, id: reference.id)]
                diagnostics.append(
                    .undeclaredChannel(reference.id, suggestion: suggestion, misspelt: misspelt, at: reference.range))
            case .persona where personaLocations[reference.id] == nil:
                let suggestion = Suggestion.closest(to: reference.id, among: personaIDs)
                let misspelt = misspeltDeclarations[.init(keyword: .persona, id: reference.id)]
                diagnostics.append(
                    .undeclaredPersona(reference.id, suggestion: suggestion, misspelt: misspelt, at: reference.range))
            default:
                break
            }
        }
        for metricWord in metricWords {
            if let warning = metricWord.diagnostic(isDeclaredChannel: { channelLocations[$0] != nil }) {
                diagnostics.append(warning)
            }
        }
    }
}
