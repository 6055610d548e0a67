import Testing

@testable import JourneyCharts

/// Widths here are worked out by hand from the advances in FontMetrics+DejaVuSans.swift (font
/// units, 2048 per em), which `python3 scripts/generate-font-metrics.py --check` compares with
/// rsvg-convert's rendering of DejaVu Sans.
@Suite struct FontMetricsTests {
    let regular = FontMetrics.dejaVuSans
    let bold = FontMetrics.dejaVuSansBold

    /// A 300-character label mixing scripts, emoji and a long word.
    static let longLabel: String = {
        let parts = [
            "Checkout asks her to create an account before paying,",
            "👩‍👩‍👧 family plan, Größe & Kasse <fast>,",
            "مرحبا بالعالم, שלום,",
            "Supercalifragilisticexpialidocious-shipping-options",
        ]
        var text = ""
        var index = 0
        while text.count < 300 {
            text += (text.isEmpty ? "" : " ") + parts[index % parts.count]
            index += 1
        }
        return String(text.prefix(300))
    }()

    /// ASCII is measured without Unicode property look-ups: the answers must be those of the
    /// properties (general category, white space, emoji).
    @Test func measuresASCIIAsThePropertiesWould() throws {
        let space = try #require(regular.advance(of: " "))
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            let character = Character(scalar)
            #expect(!FontMetrics.isEmoji(character))
            #expect(FontMetrics.isBreakingSpace(character) == character.isWhitespace, "\(value)")
            let expected: Int
            switch scalar.properties.generalCategory {
            case _ where [0x09, 0x0A, 0x0D].contains(value): expected = space
            case .control: expected = 0
            default: expected = regular.advance(of: scalar) ?? regular.averageAdvance
            }
            #expect(regular.units(of: character) == expected, "\(value)")
        }
        #expect(FontMetrics.isBreakingSpace("\r\n") && regular.units(of: "\r\n") == 2 * space)
    }

    @Test func knowsTheFontsVerticalMetrics() {
        #expect(regular.familyName == "DejaVu Sans")
        #expect(regular.weight == .regular && bold.weight == .bold)
        #expect(regular.unitsPerEm == 2048)
        #expect(regular.ascent == 1901 && regular.descent == 483 && regular.lineGap == 0)
        #expect(regular.capHeight == 1493 && regular.xHeight == 1120)
        #expect(regular.ascent(size: 2048) == 1901)
        #expect(regular.lineHeight(size: 20.48) == 23.84)
    }

    @Test func measuresKnownStringsFromTheTable() {
        #expect(regular.advance(of: "H") == 1540)
        #expect(regular.advance(of: "i") == 569)
        #expect(regular.advance(of: " ") == 651)
        #expect(regular.advance(of: "…") == 2048)
        #expect(regular.width(of: "Hi", size: 12) == Double(1540 + 569) / 2048 * 12)
        #expect(regular.width(of: "Hi", size: 2048) == 2109)
        #expect(bold.width(of: "Hi", size: 2048) == 1714 + 702)
        // Sums listed in the generated file: "Checkout" 9654, "€ 1,250 – 15%" 14695,
        // "Ελληνικά Кириллица" 22075, "שלום עולם" 9546 (regular).
        #expect(regular.width(of: "Checkout", size: 2048) == 9654)
        #expect(regular.width(of: "€ 1,250 – 15%", size: 2048) == 14695)
        #expect(regular.width(of: "Ελληνικά Кириллица", size: 2048) == 22075)
        #expect(regular.width(of: "שלום עולם", size: 2048) == 9546)
        #expect(regular.width(of: "", size: 12) == 0)
    }

    @Test func boldIsWiderThanRegular() {
        for text in ["Hi", "Checkout", "Forced sign-up before paying", "Größe", "Кириллица"] {
            #expect(bold.width(of: text, size: 12) > regular.width(of: text, size: 12))
        }
    }

    @Test func widthScalesWithTheFontSize() {
        #expect(regular.width(of: "Checkout", size: 24) == 2 * regular.width(of: "Checkout", size: 12))
    }

    @Test func eastAsianCharactersAreOneEmWide() {
        #expect(regular.width(of: "一二三", size: 10) == 30)
        #expect(regular.width(of: "カタカナ", size: 10) == 40)
        #expect(regular.width(of: "한국어", size: 10) == 30)
        #expect(regular.width(of: "ＡＢ", size: 10) == 20)
    }

    @Test func anEmojiClusterIsOneAndAQuarterEmWide() {
        for emoji in ["😀", "👩‍👩‍👧", "👍🏽", "🇫🇷", "❤️", "1️⃣", "🏳️‍🌈"] {
            #expect(regular.width(of: emoji, size: 16) == 20, "\(emoji)")
        }
        #expect(regular.width(of: "👩‍👩‍👧 family", size: 16) == 20 + regular.width(of: " family", size: 16))
        // Without U+FE0F, ©, ❤, ☺ and ⚠ are text, drawn by DejaVu Sans with its own advances.
        #expect(regular.width(of: "©", size: 2048) == 2048)
        #expect(regular.width(of: "❤", size: 2048) == 1716)
        #expect(regular.width(of: "☺", size: 2048) == 2135)
        #expect(regular.width(of: "⚠", size: 2048) == 1836)
        #expect(regular.width(of: "✓ measured", size: 2048) == 1716 + regular.width(of: " measured", size: 2048))
    }

    @Test func marksAndInvisibleCharactersTakeNoWidth() {
        let e = regular.width(of: "e", size: 12)
        #expect(regular.width(of: "e\u{301}", size: 12) == e)
        #expect(regular.width(of: "e\u{301}\u{323}", size: 12) == e)
        #expect(regular.width(of: "a\u{200D}b\u{200E}c", size: 12) == regular.width(of: "abc", size: 12))
        #expect(regular.width(of: "a\u{1B}b", size: 12) == regular.width(of: "ab", size: 12))
        #expect(regular.width(of: "a\tb", size: 12) == regular.width(of: "a b", size: 12))
        // Hebrew points and Arabic vowel marks sit on their letters.
        #expect(regular.width(of: "שָׁלוֹם", size: 12) == regular.width(of: "שלום", size: 12))
        #expect(regular.width(of: "مَرْحَبًا", size: 12) == regular.width(of: "مرحبا", size: 12))
    }

    @Test func unknownCharactersTakeTheAverageAdvance() {
        #expect(regular.averageAdvance == 1038)
        #expect(regular.width(of: "क", size: 2048) == 1038)  // Devanagari is not in DejaVu Sans.
    }

    @Test func rightToLeftTextHasAWidth() {
        let arabic = "مرحبا بالعالم"
        #expect(regular.width(of: arabic, size: 2048) == 15259)
        for scalar in arabic.unicodeScalars where scalar != " " {
            #expect(regular.advance(of: scalar) != nil, "U+\(String(scalar.value, radix: 16)) is in the table")
        }
        #expect(bold.width(of: arabic, size: 12) > regular.width(of: arabic, size: 12))
    }

    // MARK: Truncation

    @Test func truncationKeepsTextThatFits() {
        #expect(regular.truncated("Checkout", toWidth: 100, size: 12) == "Checkout")
        #expect(regular.truncated("a  b", toWidth: 100, size: 12) == "a  b")
        let exact = regular.width(of: "Checkout", size: 12)
        #expect(regular.truncated("Checkout", toWidth: exact, size: 12) == "Checkout")
    }

    @Test func truncationEndsWithAnEllipsisWithinTheWidth() {
        // "Forced sign-up…" is 17229 units, 100.95 px at 12 px; "Forced sign-up b…" is 112.38 px.
        let text = "Forced sign-up before paying"
        #expect(regular.truncated(text, toWidth: 101, size: 12) == "Forced sign-up…")
        // The space before "before" is dropped rather than left before the ellipsis.
        #expect(regular.truncated(text, toWidth: 106, size: 12) == "Forced sign-up…")
        for width in stride(from: 12.0, through: 170, by: 0.5) {
            let result = regular.truncated(text, toWidth: width, size: 12)
            #expect(regular.width(of: result, size: 12) <= width)
            #expect(result.hasSuffix("…"))
            #expect(text.hasPrefix(String(result.dropLast()).trimmingTrailingSpaces))
        }
    }

    @Test func truncationIsEmptyWhenNotEvenTheEllipsisFits() {
        #expect(regular.truncated("Checkout", toWidth: 11.9, size: 12) == "")
        #expect(regular.truncated("Checkout", toWidth: 12, size: 12) == "…")
    }

    @Test func truncationKeepsEmojiAndAccentsWhole() {
        // At 10 px the family emoji is 12.5 px and "…" 10 px.
        #expect(regular.truncated("👩‍👩‍👧 family", toWidth: 22.5, size: 10) == "👩‍👩‍👧…")
        #expect(regular.truncated("👩‍👩‍👧 family", toWidth: 22.4, size: 10) == "…")
        // "é" written as e + combining acute: the accent stays with its letter.
        let accents = "e\u{301}e\u{301}e\u{301}e\u{301}"
        let result = regular.truncated(accents, toWidth: regular.width(of: "e…", size: 10), size: 10)
        #expect(Array(result.unicodeScalars) == Array("e\u{301}…".unicodeScalars))
        for width in stride(from: 10.0, through: 60, by: 0.25) {
            let shortened = regular.truncated("🇫🇷👍🏽 e\u{301}a\u{308}", toWidth: width, size: 10)
            let kept = shortened.hasSuffix("…") ? String(shortened.dropLast()) : shortened
            #expect("🇫🇷👍🏽 e\u{301}a\u{308}".unicodeScalars.starts(with: kept.unicodeScalars))
            #expect(Array("🇫🇷👍🏽 e\u{301}a\u{308}").starts(with: Array(kept)))
        }
    }

    // MARK: Wrapping

    @Test func wrapsAtSpaces() {
        // "Checkout asks her" is 110.92 px at 12 px; with " to" it would be 126.79 px.
        let text = "Checkout asks her to create an account"
        #expect(
            regular.wrapped(text, width: 120, size: 12, maxLines: 3) == [
                "Checkout asks her", "to create an", "account",
            ])
        #expect(regular.wrapped(text, width: 120, size: 12, maxLines: 2) == ["Checkout asks her", "to create an…"])
        // On the last line the ellipsis takes the place of the "r": "Checkout asks he…" is 117.99 px.
        #expect(regular.wrapped(text, width: 120, size: 12, maxLines: 1) == ["Checkout asks he…"])
        #expect(regular.wrapped(text, width: 500, size: 12, maxLines: 1) == [text])
    }

    @Test func wrappingCollapsesWhiteSpaceButNotNoBreakSpaces() {
        #expect(regular.wrapped("  a \t b\n\nc  ", width: 500, size: 12, maxLines: 2) == ["a b c"])
        let amount = "Total 10\u{A0}000\u{A0}€"
        let number = regular.width(of: "10\u{A0}000\u{A0}€", size: 12)
        #expect(regular.wrapped(amount, width: number, size: 12, maxLines: 2) == ["Total", "10\u{A0}000\u{A0}€"])
    }

    @Test func wrappingSplitsAWordLongerThanALine() {
        // "Supercalifragilistic" is 110.79 px at 12 px.
        let word = "Supercalifragilisticexpialidocious"
        let lines = regular.wrapped(word, width: 111, size: 12, maxLines: 5)
        #expect(lines.first == "Supercalifragilistic")
        #expect(lines.joined() == word)
        #expect(lines.allSatisfy { regular.width(of: $0, size: 12) <= 111 })
        #expect(regular.wrapped("to " + word, width: 111, size: 12, maxLines: 5).first == "to")
    }

    @Test func wrappingWithNothingToPlace() {
        #expect(regular.wrapped("", width: 100, size: 12, maxLines: 2) == [])
        #expect(regular.wrapped("   ", width: 100, size: 12, maxLines: 2) == [])
        #expect(regular.wrapped("Checkout", width: 100, size: 12, maxLines: 0) == [])
        // A line narrower than one character holds only the ellipsis, or nothing.
        // At 10 px an emoji is 12.5 px and "…" 10 px.
        #expect(regular.wrapped("😀😀", width: 12, size: 10, maxLines: 3) == ["…"])
        #expect(regular.wrapped("😀😀", width: 5, size: 10, maxLines: 3) == [])
        // At 12 px "C" is 8.39 px, "Ch" 15.98 px: one letter a line, the third line cut short.
        #expect(regular.wrapped("Checkout", width: 12, size: 12, maxLines: 3) == ["C", "h", "…"])
    }

    @Test(arguments: [1, 2, 3, 4])
    func aLongLabelWrapsWithinItsLimits(maxLines: Int) {
        let label = Self.longLabel
        #expect(label.count == 300)
        for width in [40.0, 90, 160, 240] {
            for font in [regular, bold] {
                let lines = font.wrapped(label, width: width, size: 12, maxLines: maxLines)
                #expect(lines.count == maxLines)
                #expect(lines.allSatisfy { font.width(of: $0, size: 12) <= width && !$0.isEmpty })
                #expect(lines.last?.hasSuffix("…") == true)
                let truncated = font.truncated(label, toWidth: width, size: 12)
                #expect(font.width(of: truncated, size: 12) <= width && truncated.hasSuffix("…"))
            }
        }
    }

    @Test func aLongLabelKeepsAllItsWordsWhenLinesAllow() {
        let lines = regular.wrapped(Self.longLabel, width: 400, size: 12, maxLines: 50)
        #expect(lines.count < 50)
        #expect(lines.last?.hasSuffix("…") == false)
        let words = Self.longLabel.split(separator: " ").map(String.init)
        #expect(lines.joined(separator: " ").split(separator: " ").map(String.init) == words)
    }

    @Test func rightToLeftTextWraps() {
        // "مرحبا بالعالم" is 15259 units, 89.41 px at 12 px.
        let lines = regular.wrapped("مرحبا بالعالم مرحبا بالعالم", width: 90, size: 12, maxLines: 4)
        #expect(lines == ["مرحبا بالعالم", "مرحبا بالعالم"])
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
