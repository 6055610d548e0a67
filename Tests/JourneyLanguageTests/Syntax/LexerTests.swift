import Testing

@testable import JourneyLanguage

@Suite struct LexerTests {
    private func kinds(_ line: String) -> [Token.Kind] {
        Lexer.tokenize(Substring(line), lineNumber: 1).tokens.map(\.kind)
    }

    private func texts(_ line: String) -> [String] {
        Lexer.tokenize(Substring(line), lineNumber: 1).tokens.map(\.text)
    }

    @Test func wordsStringsAndCommas() {
        #expect(texts(#"touchpoint "Pays now" +2 for a,b"#) == ["touchpoint", "Pays now", "+2", "for", "a", ",", "b"])
        #expect(kinds(#"x "y" ,"#) == [.word, .string, .comma])
    }

    @Test func rangesCountUnicodeScalars() {
        let tokens = Lexer.tokenize(#"stage "Città" dopo"#, lineNumber: 7).tokens
        #expect(tokens[1].range == SourceRange(line: 7, column: 7, length: 7))
        #expect(tokens[2].range == SourceRange(line: 7, column: 15, length: 4))
    }

    @Test func emojiCountAsOneColumn() {
        let tokens = Lexer.tokenize(#"pain "😀😀" x"#, lineNumber: 1).tokens
        #expect(tokens[2].range.start.column == 11)
    }

    @Test func commentStopsTheLineButNotInsideAString() {
        #expect(texts(##"pain "a # b" # comment "c""##) == ["pain", "a # b"])
        #expect(texts("stage A#B") == ["stage", "A"])
    }

    @Test func escapes() {
        let line = Lexer.tokenize(#""a\"b\\c""#, lineNumber: 1)
        #expect(line.tokens.map(\.text) == [#"a"b\c"#])
        #expect(line.diagnostics.isEmpty)
    }

    @Test func unknownEscapeKeepsTheTextAndReportsTheBackslash() {
        let line = Lexer.tokenize(#"pain "a\tb""#, lineNumber: 3)
        #expect(line.tokens.map(\.text) == ["pain", #"a\tb"#])
        #expect(line.diagnostics.map(\.code) == ["unknown-escape"])
        #expect(line.diagnostics.first?.range == SourceRange(line: 3, column: 8, length: 2))
    }

    @Test func unterminatedStringRunsToTheEndOfTheLine() {
        let line = Lexer.tokenize(#"pain "open # not a comment"#, lineNumber: 1)
        #expect(line.tokens.map(\.text) == ["pain", "open # not a comment"])
        #expect(line.diagnostics.map(\.code) == ["unterminated-string"])
        #expect(line.diagnostics.first?.location == SourceLocation(line: 1, column: 6))
    }

    @Test func tabsAndOtherWhiteSpaceSeparateTokens() {
        #expect(texts("\treach\u{00A0}100\r") == ["reach", "100"])
    }

    @Test func wideWhiteSpaceSeparatesTokensAndCountsOneColumn() {
        // U+3000 is three bytes, U+2003 three, U+0085 two; each is one column.
        let line = Lexer.tokenize("reach\u{3000}100\u{2003}é\u{0085}x", lineNumber: 1)
        #expect(line.tokens.map(\.text) == ["reach", "100", "é", "x"])
        #expect(line.tokens.map(\.range.start.column) == [1, 7, 11, 13])
    }

    @Test func unknownEscapeOfAMultiByteCharacterNamesIt() {
        let line = Lexer.tokenize(#"pain "a\éb""#, lineNumber: 2)
        #expect(line.tokens.map(\.text) == ["pain", #"a\éb"#])
        #expect(line.diagnostics.map(\.message) == [#"unknown escape sequence '\é' in a string"#])
    }

    @Test func emptyAndCommentOnlyLinesHaveNoTokens() {
        #expect(texts("").isEmpty)
        #expect(texts("   # just a comment").isEmpty)
    }

    @Test func bidirectionalControlsAreWarnedAboutInStringsWordsAndComments() {
        let line = Lexer.tokenize("pain \"a\u{202E}b\" x\u{2066} # \u{2069}c \u{200F}", lineNumber: 3)
        #expect(line.diagnostics.map(\.code) == ["bidi-control", "bidi-control", "bidi-control"])
        #expect(line.diagnostics.map(\.range.start.column) == [8, 13, 17])
        #expect(line.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(line.diagnostics.first?.message.contains("U+202E") == true)
        // The right-to-left mark is how right-to-left text places punctuation: no warning.
        #expect(Lexer.tokenize("pain \"שלום\u{200F}!\"", lineNumber: 1).diagnostics.isEmpty)
    }
}
