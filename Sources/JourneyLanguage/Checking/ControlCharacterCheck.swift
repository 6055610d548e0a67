/// Finds the characters in the strings of a journey file that no XML document can carry.
///
/// XML 1.0 allows tab, line feed and carriage return among the control characters, and
/// forbids the others (U+0000 to U+001F), U+FFFE and U+FFFF, even written as character
/// references. A label holding one could be checked, then not drawn, reported or exported as
/// XML as written (the XML export failed its own read-back check and called it a bug in
/// journey), so a string holding one is an error at the character's column. Outside strings
/// they are white space (vertical tab, form feed), part of a word (`invalid-bare-word`) or in
/// a comment, and nothing is written from them.
package enum ControlCharacterCheck {
    /// One diagnostic for each such character inside a string of `file`, in file order: of its
    /// first `lines` lines, or all.
    static func diagnostics(for file: SourceFile, lines: Int? = nil) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (offset, line) in file.lines.prefix(lines ?? file.lines.count).enumerated()
        where mayHoldForbiddenCharacter(line) {
            let strings = Lexer.tokenize(line, lineNumber: offset + 1).tokens.filter { $0.kind == .string }
            for (index, scalar) in line.unicodeScalars.enumerated() where isForbidden(scalar) {
                let column = index + 1
                guard
                    strings.contains(where: { $0.range.start.column < column && column < $0.range.endColumn })
                else { continue }
                diagnostics.append(
                    .controlCharacterInText(scalar, at: SourceRange(line: offset + 1, column: column)))
            }
        }
        return diagnostics
    }

    /// Whether XML 1.0 forbids `scalar` in a document.
    package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// A test on the line's UTF-8 bytes that is false for nearly every line: no byte below
    /// 0x20 but tab and carriage return, and no 0xEF that could start U+FFFE or U+FFFF.
    private static func mayHoldForbiddenCharacter(_ line: Substring) -> Bool {
        line.utf8.contains { byte in (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0xEF }
    }
}
