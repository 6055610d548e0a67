/// A line whose keyword looks like a misspelt `channel` or `persona`, such as
/// `chanel podcast earned`, kept so that the uses of the id it meant to declare point back to it.
///
/// The line itself is reported as `unknown-keyword`; each `via podcast` is then reported as
/// `undeclared-channel`, whose help names this line, the cause to fix.
struct MisspeltDeclaration {
    /// What a misspelt line would have declared: a channel or a persona, and its id.
    struct Target: Hashable {
        /// `channel` or `persona`.
        var keyword: Keyword
        var id: String
    }

    /// The keywords a misspelt declaration may have been meant to start with.
    static let declarationKeywords: Set<Keyword> = [.channel, .persona]

    var target: Target
    /// The unknown keyword the line starts with, as written.
    var written: String
    /// The line, starting at 1.
    var line: Int

    /// The declaration that a line starting with an unknown keyword may be, or nil.
    ///
    /// - Parameters:
    ///   - tokens: the line's tokens; the first is the unknown keyword.
    ///   - suggestion: the keyword closest to it (`Suggestion`), which must be `channel` or
    ///     `persona`; the token after it must be an id, a bare word or a non-empty string.
    init?(_ tokens: [Token], suggestion: String?) {
        guard let suggestion, let keyword = Keyword(rawValue: suggestion),
            Self.declarationKeywords.contains(keyword), tokens.count >= 2, tokens[1].kind != .comma,
            !tokens[1].text.isEmpty
        else { return nil }
        target = Target(keyword: keyword, id: tokens[1].text)
        written = tokens[0].text
        line = tokens[0].range.start.line
    }
}
