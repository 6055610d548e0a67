/// One lexical unit of a journey statement.
public struct Token: Hashable, Sendable {
    /// What kind of token this is.
    public enum Kind: Hashable, Sendable {
        /// A run of characters up to white space, a quote, a comma or a comment:
        /// a keyword, a bare name, a number or a percentage.
        case word
        /// A double-quoted string; `text` holds its content with escapes resolved.
        case string
        /// A comma separating the items of a list.
        case comma
    }

    public var kind: Kind
    /// The token's text: the word itself, or the string's unescaped content.
    public var text: String
    /// Where the token stands in the source, quotes included.
    public var range: SourceRange

    public init(kind: Kind, text: String, range: SourceRange) {
        self.kind = kind
        self.text = text
        self.range = range
    }

    /// The token as the user wrote it, for messages: strings keep their quotes.
    public var shown: String {
        kind == .string ? "\"\(text)\"" : text
    }

    /// Whether the token is the unquoted word `word`.
    public func isWord(_ word: String) -> Bool {
        kind == .word && text == word
    }
}
