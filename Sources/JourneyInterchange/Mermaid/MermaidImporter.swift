import JourneyLanguage

/// Reads a journey from a Mermaid `journey` diagram: sections become stages, tasks
/// touchpoints, actors personas, and scores map from Mermaid's 1..5 to the journey's scale.
///
/// The reader follows Mermaid's own grammar (its `journey.jison` lexer and preprocessing, see
/// docs/mermaid.md): `%%` comments, `%%{…}%%` directives and YAML front matter are skipped;
/// `title`, `section`, `accTitle:` and `accDescr:` are recognised in any case, and `accDescr { … }`
/// may run over several lines; `#` starts a comment unless it starts an entity such as `#58;`,
/// which is decoded; indentation and blank lines mean nothing. A task is `Name: score: actors`,
/// where the actors are optional and the score may have decimals. The `%% journey:` comments
/// written by `MermaidExporter` restore what Mermaid cannot show, so its diagrams read back as
/// the journey they came from. Unsupported input is reported at its line and column.
public enum MermaidImporter {
    /// The journey `text` describes; `name` is the file's name, shown in messages and used as
    /// the journey's name when the diagram has no title.
    public static func parse(_ text: String, name: String) -> ParsedJourney {
        var reader = MermaidReader(file: SourceFile(name: name, text: text))
        reader.read()
        guard reader.sawJourney else {
            return ParsedJourney(
                journey: Journey(name: fallbackName(name)), diagnostics: reader.diagnostics.sortedByLocation())
        }
        var builder = MermaidJourneyBuilder(draft: reader.draft, fallbackName: fallbackName(name))
        let journey = builder.build()
        return ParsedJourney(
            journey: journey, diagnostics: (reader.diagnostics + builder.diagnostics).sortedByLocation(),
            incompleteStages: reader.draft.incompleteSections)
    }

    /// The file's name without folders and extension, for a diagram without a title.
    static func fallbackName(_ fileName: String) -> String {
        let base = fileName.split(separator: "/").last.map(String.init) ?? ""
        let stem = base.lastIndex(of: ".").map { String(base[..<$0]) } ?? base
        return stem.isEmpty || stem == "-" ? "Journey" : stem
    }
}

/// Reads a diagram's lines into a `MermaidDraft`, statement by statement.
struct MermaidReader {
    /// A place in the text: a 0-based line and a 0-based scalar index in it.
    private struct Position {
        var line: Int
        var index: Int
    }

    /// What a `%% journey:` comment below the current line belongs to.
    private enum Target {
        case header, section, task
        /// A task that could not be read: its comments are dropped without further messages.
        case discardedTask
    }

    private let lines: [[Unicode.Scalar]]
    private(set) var draft = MermaidDraft()
    private(set) var diagnostics: [Diagnostic] = []
    /// Whether the `journey` keyword was read: until then only comments and directives may come.
    private(set) var sawJourney = false
    private var target = Target.header

    init(file: SourceFile) {
        lines = file.lines.map { Array($0.unicodeScalars) }
    }

    mutating func read() {
        guard var position = readFrontMatter() else { return }
        while position.line < lines.count {
            guard let next = readStatement(at: position) else { return }
            position = next
        }
        if !sawJourney, !diagnostics.containsErrors {
            diagnostics.append(.mermaidNotJourney(found: nil, at: SourceRange(line: 1, column: 1)))
        }
    }

    // MARK: - Front matter

    /// Skips YAML front matter between `---` lines at the very top, keeping its `title:`.
    ///
    /// Returns where the diagram starts, the top when there is no front matter, or nil when
    /// the front matter is never closed.
    private mutating func readFrontMatter() -> Position? {
        guard let first = lines.first, isFrontMatterFence(first) else { return Position(line: 0, index: 0) }
        guard let closing = lines.indices.dropFirst().first(where: { isFrontMatterFence(lines[$0]) }) else {
            diagnostics.append(
                .mermaidUnterminatedBlock(
                    "the front matter '---'", closing: "---",
                    at: SourceRange(line: 1, column: 1, length: 3)))
            return nil
        }
        for line in lines[1..<closing] {
            let text = String(String.UnicodeScalarView(line))
            guard text.hasPrefix("title:") else { continue }
            var value = text.dropFirst("title:".count).drop(while: \.isWhitespace)
            while value.last?.isWhitespace == true { value = value.dropLast() }
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = value.dropFirst().dropLast()
            }
            if !value.isEmpty { draft.frontMatterTitle = String(value) }
        }
        return Position(line: closing + 1, index: 0)
    }

    private func isFrontMatterFence(_ line: [Unicode.Scalar]) -> Bool {
        line.count >= 3 && line[0] == "-" && line[1] == "-" && line[2] == "-"
            && line.dropFirst(3).allSatisfy(MermaidText.isWhitespace)
    }

    // MARK: - Statements

    /// Reads the statement at `position` and returns where the next one starts, or nil when
    /// nothing more can be read.
    private mutating func readStatement(at position: Position) -> Position? {
        let line = lines[position.line]
        let number = position.line + 1
        let nextLine = Position(line: position.line + 1, index: 0)
        let start = firstNonWhitespace(line, from: position.index)
        guard start < line.count else { return nextLine }

        if matches(line, at: start, "%%") {
            if start + 2 < line.count, line[start + 2] == "{" {
                return skipBlock(
                    opening: Position(line: position.line, index: start), from: start + 3,
                    closing: ["}", "%", "%"], what: "the directive '%%{'", length: 3)
            }
            readComment(line, from: start + 2, lineNumber: number)
            return nextLine
        }
        guard sawJourney else {
            return readDiagramType(line, start: start, position: position)
        }
        if matchesIgnoringCase(line, at: start, "accdescr") {
            let after = firstNonWhitespace(line, from: start + 8)
            if after < line.count, line[after] == ":" { return nextLine }
            if after < line.count, line[after] == "{" {
                return skipBlock(
                    opening: Position(line: position.line, index: start), from: after + 1,
                    closing: ["}"], what: "'accDescr {'", length: 8)
            }
        }
        if matchesIgnoringCase(line, at: start, "acctitle") {
            let after = firstNonWhitespace(line, from: start + 8)
            if after < line.count, line[after] == ":" { return nextLine }
        }
        if isKeyword(line, at: start, "title") {
            readTitle(line, start: start, lineNumber: number)
        } else if isKeyword(line, at: start, "section") {
            readSection(line, start: start, lineNumber: number)
        } else if matchesIgnoringCase(line, at: start, "journey") {
            report(.mermaidTaskStartsWithJourney(at: SourceRange(line: number, column: start + 1, length: 7)))
            target = .discardedTask
        } else {
            readTask(line, start: start, lineNumber: number)
        }
        return nextLine
    }

    /// The first statement, which must be the word `journey`; the rest of its line is read on.
    private mutating func readDiagramType(_ line: [Unicode.Scalar], start: Int, position: Position) -> Position? {
        var end = start
        while end < line.count, !MermaidText.isWhitespace(line[end]) {
            end += 1
        }
        let word = String(String.UnicodeScalarView(line[start..<end]))
        guard word == "journey" else {
            diagnostics.append(
                .mermaidNotJourney(
                    found: word,
                    at: SourceRange(
                        line: position.line + 1, column: start + 1,
                        length: end - start)))
            return nil
        }
        sawJourney = true
        return Position(line: position.line, index: end)
    }

    /// Skips `%%{ … }%%` or `accDescr { … }`, which may span lines, and returns what follows the
    /// closing characters; reports a block never closed, which swallows the rest of the text.
    private mutating func skipBlock(
        opening: Position, from index: Int, closing: [Unicode.Scalar],
        what: String, length: Int
    ) -> Position? {
        var lineIndex = opening.line
        var searchFrom = index
        while lineIndex < lines.count {
            let line = lines[lineIndex]
            var candidate = searchFrom
            while candidate + closing.count <= line.count {
                if Array(line[candidate..<(candidate + closing.count)]) == closing {
                    return Position(line: lineIndex, index: candidate + closing.count)
                }
                candidate += 1
            }
            lineIndex += 1
            searchFrom = 0
        }
        let closingText = String(String.UnicodeScalarView(closing))
        report(
            .mermaidUnterminatedBlock(
                what, closing: closingText,
                at: SourceRange(line: opening.line + 1, column: opening.index + 1, length: length)))
        return nil
    }

    private mutating func readTitle(_ line: [Unicode.Scalar], start: Int, lineNumber: Int) {
        let text = visibleText(line, from: start + 5, lineNumber: lineNumber, place: "a title")
        target = .header
        guard !text.range.isEmpty else {
            report(
                .mermaidMissingText(
                    "'title'", needs: "the diagram's title",
                    at: SourceRange(line: lineNumber, column: start + 1, length: 5)))
            return
        }
        draft.title = (text.decoded, range(text.range, lineNumber))
    }

    private mutating func readSection(_ line: [Unicode.Scalar], start: Int, lineNumber: Int) {
        let text = visibleText(line, from: start + 7, lineNumber: lineNumber, place: "a section name")
        if let colon = text.range.first(where: { line[$0] == ":" }) {
            report(
                .mermaidInvalidCharacter(
                    ":", place: "a section name",
                    at: SourceRange(line: lineNumber, column: colon + 1)))
        }
        let location = SourceLocation(line: lineNumber, column: start + 1)
        var nameRange = range(text.range, lineNumber)
        if text.range.isEmpty {
            report(
                .mermaidMissingText(
                    "'section'", needs: "a name",
                    at: SourceRange(line: lineNumber, column: start + 1, length: 7)))
            nameRange = SourceRange(start: location, length: 7)
        }
        draft.sections.append(MermaidDraft.Section(name: text.decoded, location: location, nameRange: nameRange))
        target = .section
    }

    private mutating func readTask(_ line: [Unicode.Scalar], start: Int, lineNumber: Int) {
        target = .discardedTask
        let end = statementEnd(line, from: start, lineNumber: lineNumber, place: "a task")
        let colons = (start..<end).filter { line[$0] == ":" }
        guard let firstColon = colons.first else {
            let whole = trimmed(line, start..<end)
            report(.mermaidUnknownStatement(MermaidText.decode(line[whole]), at: range(whole, lineNumber)))
            return
        }
        let nameRange = trimmed(line, start..<firstColon)
        guard !nameRange.isEmpty else {
            report(
                .mermaidMissingText(
                    "the task", needs: "a name before its colon",
                    at: SourceRange(line: lineNumber, column: firstColon + 1)))
            return
        }
        let name = MermaidText.decode(line[nameRange])
        let scoreEnd = colons.dropFirst().first ?? end
        let scoreRange = trimmed(line, (firstColon + 1)..<scoreEnd)
        guard !scoreRange.isEmpty else {
            report(.mermaidMissingScore(task: name, at: SourceRange(line: lineNumber, column: firstColon + 2)))
            return
        }
        let scoreText = String(String.UnicodeScalarView(line[scoreRange]))
        guard let score = Self.number(scoreText) else {
            report(.mermaidInvalidScore(scoreText, at: range(scoreRange, lineNumber)))
            return
        }
        guard (MermaidScoreMapping.lowest...MermaidScoreMapping.highest).contains(score) else {
            report(.mermaidScoreOutOfRange(scoreText, at: range(scoreRange, lineNumber)))
            return
        }
        var actors: [(name: String, range: SourceRange)] = []
        if scoreEnd < end {
            let actorsEnd = colons.dropFirst(2).first ?? end
            var actorStart = scoreEnd + 1
            for index in (scoreEnd + 1)...actorsEnd where index == actorsEnd || line[index] == "," {
                let actorRange = trimmed(line, actorStart..<index)
                if !actorRange.isEmpty {
                    actors.append((MermaidText.decode(line[actorRange]), range(actorRange, lineNumber)))
                }
                actorStart = index + 1
            }
            if actorsEnd < end {
                let ignored = trimmed(line, actorsEnd..<end)
                report(.mermaidIgnoredText(MermaidText.decode(line[ignored]), at: range(ignored, lineNumber)))
            }
        }
        if draft.sections.isEmpty {
            let location = SourceLocation(line: lineNumber, column: nameRange.lowerBound + 1)
            draft.sections.append(
                MermaidDraft.Section(name: nil, location: location, nameRange: range(nameRange, lineNumber)))
        }
        draft.sections[draft.sections.count - 1].tasks.append(
            MermaidDraft.Task(
                name: name, nameRange: range(nameRange, lineNumber), score: score, scoreText: scoreText,
                scoreRange: range(scoreRange, lineNumber), actors: actors))
        target = .task
    }

    /// A Mermaid score: an optionally signed decimal such as `4`, `2.5`, `+3`, `.5` or `5.`.
    static func number(_ text: String) -> Double? {
        var unsigned = Substring(text)
        let isNegative = unsigned.first == "-"
        if unsigned.first == "+" || unsigned.first == "-" { unsigned = unsigned.dropFirst() }
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), parts.contains(where: { !$0.isEmpty }) else {
            return nil
        }
        let whole = parts[0].isEmpty ? "0" : parts[0]
        let fraction = parts.count == 2 && !parts[1].isEmpty ? "." + parts[1] : ""
        return Double((isNegative ? "-" : "") + whole + fraction)
    }

    // MARK: - Comments

    /// Reads a `%% journey:KEY VALUE` comment and files it under what it belongs to;
    /// other comments are skipped.
    private mutating func readComment(_ line: [Unicode.Scalar], from index: Int, lineNumber: Int) {
        let start = firstNonWhitespace(line, from: index)
        let prefix = Array(MermaidAnnotation.prefix.unicodeScalars)
        guard start + prefix.count <= line.count, Array(line[start..<(start + prefix.count)]) == prefix else { return }
        let keyStart = start + prefix.count
        var keyEnd = keyStart
        while keyEnd < line.count, !MermaidText.isWhitespace(line[keyEnd]) {
            keyEnd += 1
        }
        let keyText = String(String.UnicodeScalarView(line[keyStart..<keyEnd]))
        let keyRange = SourceRange(line: lineNumber, column: start + 1, length: keyEnd - start)
        guard let key = MermaidAnnotation.Key(rawValue: keyText) else {
            let suggestion = Suggestion.closest(to: keyText, among: MermaidAnnotation.Key.allCases.map(\.rawValue))
            report(.mermaidUnknownAnnotation(keyText, suggestion: suggestion, at: keyRange))
            return
        }
        let value = trimmed(line, keyEnd..<line.count)
        let valueRange = value.isEmpty ? keyRange.after : range(value, lineNumber)
        let annotation = MermaidAnnotation(key: key, value: line[value], keyRange: keyRange, valueRange: valueRange)
        switch (key.belongsTo, target) {
        case (.journey, _):
            draft.journeyAnnotations.append(annotation)
        case (.section, .header):
            report(.mermaidMisplacedAnnotation(keyText, belongs: "a 'section' line", at: keyRange))
        case (.section, _) where draft.sections.isEmpty:
            // After a task that could not be read, before any section.
            report(.mermaidMisplacedAnnotation(keyText, belongs: "a 'section' line", at: keyRange))
        case (.section, _), (.previous, .section):
            draft.sections[draft.sections.count - 1].annotations.append(annotation)
        case (_, .discardedTask):
            break
        case (.previous, .header):
            draft.titleAnnotations.append(annotation)
        case (.previous, .task), (.task, .task):
            let section = draft.sections.count - 1
            draft.sections[section].tasks[draft.sections[section].tasks.count - 1].annotations.append(annotation)
        case (.task, .header), (.task, .section):
            report(.mermaidMisplacedAnnotation(keyText, belongs: "a task", at: keyRange))
        }
    }

    // MARK: - Text

    /// The text of a title or section from `index`: up to a `#` comment, trimmed, with its
    /// entities decoded; a `;` in it is reported.
    private mutating func visibleText(
        _ line: [Unicode.Scalar], from index: Int, lineNumber: Int,
        place: String
    ) -> (decoded: String, range: Range<Int>) {
        let end = statementEnd(line, from: index, lineNumber: lineNumber, place: place)
        let text = trimmed(line, min(index, end)..<end)
        return (MermaidText.decode(line[text]), text)
    }

    /// Where a statement ends: at a `#` that starts no entity (a comment), or the end of the line.
    ///
    /// Reports the first `;`, which Mermaid's journey grammar cannot parse.
    private mutating func statementEnd(_ line: [Unicode.Scalar], from index: Int, lineNumber: Int, place: String) -> Int
    {
        var position = index
        var semicolon: Int?
        while position < line.count {
            if line[position] == "#" {
                guard let entity = MermaidText.entity(in: line[...], at: position) else { break }
                position = entity.end
                continue
            }
            if line[position] == ";", semicolon == nil {
                semicolon = position
            }
            position += 1
        }
        if let semicolon {
            report(
                .mermaidInvalidCharacter(";", place: place, at: SourceRange(line: lineNumber, column: semicolon + 1)))
        }
        return position
    }

    private func trimmed(_ line: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, MermaidText.isWhitespace(line[lower]) { lower += 1 }
        while upper > lower, MermaidText.isWhitespace(line[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private func range(_ indices: Range<Int>, _ lineNumber: Int) -> SourceRange {
        SourceRange(line: lineNumber, column: indices.lowerBound + 1, length: indices.count)
    }

    private func firstNonWhitespace(_ line: [Unicode.Scalar], from index: Int) -> Int {
        var position = index
        while position < line.count, MermaidText.isWhitespace(line[position]) { position += 1 }
        return position
    }

    private func matches(_ line: [Unicode.Scalar], at index: Int, _ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return index + scalars.count <= line.count && Array(line[index..<(index + scalars.count)]) == scalars
    }

    /// Whether `word` (lowercase ASCII) stands at `index`, in any case, as Mermaid's lexer reads keywords.
    private func matchesIgnoringCase(_ line: [Unicode.Scalar], at index: Int, _ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard index + scalars.count <= line.count else { return false }
        return zip(line[index...], scalars).allSatisfy { written, expected in
            written == expected || (("A"..."Z").contains(written) && written.value + 32 == expected.value)
        }
    }

    /// A keyword followed by white space or the end of the line, such as `section Go home`.
    private func isKeyword(_ line: [Unicode.Scalar], at index: Int, _ word: String) -> Bool {
        let end = index + word.unicodeScalars.count
        return matchesIgnoringCase(line, at: index, word) && (end == line.count || MermaidText.isWhitespace(line[end]))
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        if diagnostic.severity == .error, sawJourney, !draft.sections.isEmpty {
            draft.incompleteSections.insert(draft.sections.count - 1)
        }
    }
}
