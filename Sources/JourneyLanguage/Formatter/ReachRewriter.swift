/// Writes measured reach numbers into a journey file, changing only its `reach` lines.
///
/// A stage that has a `reach` gets its number replaced in place, keeping the rest of the
/// line (a comment, say); a stage without one gets a `reach` line just below its `stage`
/// line, indented like the stage's first statement (two spaces when it has none). Every
/// other line, comments and blank lines included, comes back byte for byte, with its line
/// ending.
public enum ReachRewriter {
    /// `text` (the file `journey` was parsed from) with the reach of stage `i` set to `reaches[i]`.
    public static func rewrite(_ text: String, journey: Journey, reaches: [Int]) -> String {
        rewrite(text, journey: journey, reaches: reaches.map(Optional.some))
    }

    /// `text` with the reach of stage `i` set to `reaches[i]`, and the stages whose entry is nil
    /// left as they are: the rung stages are measured from purchases, the others are not.
    public static func rewrite(_ text: String, journey: Journey, reaches: [Int?]) -> String {
        // Split keeping each line's ending, so that LF and CRLF files come back as they were.
        var lines: [Substring] = []
        var start = text.startIndex
        for index in text.unicodeScalars.indices where text.unicodeScalars[index] == "\n" {
            let next = text.unicodeScalars.index(after: index)
            lines.append(text[start..<next])
            start = next
        }
        if start < text.endIndex { lines.append(text[start...]) }
        let lineEnding =
            lines.first.map { $0.unicodeScalars.suffix(2).elementsEqual("\r\n".unicodeScalars) } == true ? "\r\n" : "\n"

        var replacements: [Int: String] = [:]  // line index → new line
        var insertions: [Int: [String]] = [:]  // after line index → new lines
        for (stage, reach) in zip(journey.stages, reaches) {
            guard let reach else { continue }
            if let range = stage.reachRange, lines.indices.contains(range.start.line - 1) {
                let line = lines[range.start.line - 1]
                let scalars = Array(line.unicodeScalars)
                let from = range.start.column - 1
                let to = from + range.length
                guard to <= scalars.count else { continue }
                var rewritten = String.UnicodeScalarView()
                rewritten.append(contentsOf: scalars[..<from])
                rewritten.append(contentsOf: String(reach).unicodeScalars)
                rewritten.append(contentsOf: scalars[to...])
                replacements[range.start.line - 1] = String(rewritten)
            } else {
                let stageLine = stage.location.line - 1
                let indentation = indentationOfFirstStatement(after: stageLine, in: lines) ?? "  "
                insertions[stageLine, default: []].append(indentation + "reach \(reach)" + lineEnding)
            }
        }
        var output = ""
        for (index, line) in lines.enumerated() {
            if let replacement = replacements[index] {
                output += replacement
            } else {
                output += line
            }
            if let added = insertions[index] {
                if line.unicodeScalars.last != "\n" { output += lineEnding }
                output += added.joined()
            }
        }
        return output
    }

    /// The leading white space of the first statement line after `stageLine`, if it is indented.
    private static func indentationOfFirstStatement(after stageLine: Int, in lines: [Substring]) -> String? {
        for line in lines.dropFirst(stageLine + 1) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.first?.isNewline == true { continue }
            let indentation = String(line.prefix { $0 == " " || $0 == "\t" })
            return indentation.isEmpty || trimmed.hasPrefix("stage") ? nil : indentation
        }
        return nil
    }
}
