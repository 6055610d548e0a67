/// The advance widths and vertical metrics of one font face, to measure label text without a font engine.
///
/// The charts declare the font they measured with (`FontMetrics.dejaVuSans`, generated from the
/// font files by `scripts/generate-font-metrics.py`), so a label that fits here fits wherever
/// that font is installed. Widths are in px at a font size in px, and add up grapheme cluster by
/// grapheme cluster without kerning, which makes them a little wide (at most about 1% for Latin
/// text) and never cuts a cluster in two. Most code points take their advance from the table;
/// these do not:
///
/// - combining and enclosing marks, format characters (such as the zero-width joiner and the
///   direction marks) and control characters other than tab, line feed and carriage return: 0;
/// - tab, line feed and carriage return: a space, as browsers render them;
/// - an emoji (a cluster shown as an emoji picture, such as 😀, ❤️, 🇫🇷 or 👩‍👩‍👧): 1.25 em for
///   the whole cluster, the advance of Noto Color Emoji (1.245 em), which Debian's rsvg-convert
///   falls back to, and wider than DejaVu Sans's own emoji (1.04 em);
/// - East Asian wide and fullwidth characters (Han, kana, Hangul, fullwidth forms): 1 em;
/// - anything else outside the table: the font's average advance (`averageAdvance`).
///
/// Arabic is measured from its isolated letter forms, which are wider than the joined forms
/// the renderer shows: Arabic labels come out up to 30% wider than drawn.
public struct FontMetrics: Sendable {
    /// How heavy the face is; the raw value is the SVG `font-weight`.
    public enum Weight: String, Hashable, Sendable {
        case regular = "normal"
        case bold
    }

    /// The advance widths of consecutive code points, in font units.
    public struct AdvanceRun: Sendable {
        /// The code point of the first width.
        public var first: UInt32
        /// The advance width of `first`, `first + 1`, … in font units.
        public var widths: [UInt16]

        public init(first: UInt32, widths: [UInt16]) {
            self.first = first
            self.widths = widths
        }
    }

    /// The family to declare in SVG `font-family`, such as `DejaVu Sans`.
    public let familyName: String
    public let weight: Weight
    /// The font units in one em (the font size).
    public let unitsPerEm: Int
    /// How far the font rises above the baseline, in font units (hhea ascender).
    public let ascent: Int
    /// How far the font reaches below the baseline, in font units, as a positive number.
    public let descent: Int
    /// The extra space between lines the font asks for, in font units.
    public let lineGap: Int
    /// The height of capital letters above the baseline, in font units.
    public let capHeight: Int
    /// The height of lowercase letters such as `x` above the baseline, in font units.
    public let xHeight: Int
    /// The width of a character the table does not know, in font units (OS/2 xAvgCharWidth).
    public let averageAdvance: Int

    /// The advance of each code point below `advances.count`, in font units; `notInTable` where the font has none.
    private let advances: [UInt16]
    private static let notInTable = UInt16.max

    public init(
        familyName: String, weight: Weight, unitsPerEm: Int, ascent: Int, descent: Int, lineGap: Int,
        capHeight: Int, xHeight: Int, averageAdvance: Int, advanceRuns: [AdvanceRun]
    ) {
        self.familyName = familyName
        self.weight = weight
        self.unitsPerEm = unitsPerEm
        self.ascent = ascent
        self.descent = descent
        self.lineGap = lineGap
        self.capHeight = capHeight
        self.xHeight = xHeight
        self.averageAdvance = averageAdvance
        let end = advanceRuns.map { Int($0.first) + $0.widths.count }.max() ?? 0
        var advances = [UInt16](repeating: Self.notInTable, count: end)
        for run in advanceRuns {
            for (offset, width) in run.widths.enumerated() {
                advances[Int(run.first) + offset] = width
            }
        }
        self.advances = advances
    }

    // MARK: Measuring

    /// The width of `text` set on one line at `size` px, in px.
    public func width(of text: String, size: Double) -> Double {
        // ASCII is measured byte by byte: a Character of ASCII (CR LF too) measures the sum of
        // its scalars, and no ASCII is an emoji. Walking Characters took 4 times as long.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return pixels(text.utf8.reduce(0) { $0 + units(ofScalar: Unicode.Scalar($1)) }, size: size)
        }
        return pixels(text.reduce(0) { $0 + units(of: $1) }, size: size)
    }

    /// The advance of `scalar` from the font's table, in font units, or `nil` when the table lacks it.
    public func advance(of scalar: Unicode.Scalar) -> Int? {
        let index = Int(scalar.value)
        guard index < advances.count, advances[index] != Self.notInTable else { return nil }
        return Int(advances[index])
    }

    /// How far the font rises above the baseline at `size` px, in px.
    public func ascent(size: Double) -> Double { pixels(ascent, size: size) }

    /// How far the font reaches below the baseline at `size` px, in px, as a positive number.
    public func descent(size: Double) -> Double { pixels(descent, size: size) }

    /// The distance between the baselines of two lines set solid at `size` px, in px.
    public func lineHeight(size: Double) -> Double { pixels(ascent + descent + lineGap, size: size) }

    /// The height of capital letters at `size` px, in px: half of it centres a line on a point.
    public func capHeight(size: Double) -> Double { pixels(capHeight, size: size) }

    // MARK: Shortening

    /// `text` unchanged when it fits in `maxWidth` px at `size` px, otherwise its longest start
    /// that fits followed by `…`.
    ///
    /// Cuts between grapheme clusters only, so an emoji or a letter with its accents stays
    /// whole, and drops spaces before the `…`. The result is never wider than `maxWidth`;
    /// when not even `…` fits, it is empty.
    public func truncated(_ text: String, toWidth maxWidth: Double, size: Double) -> String {
        let clusters = measured(text)
        if fits(clusters.reduce(0) { $0 + $1.units }, maxWidth, size) {
            return text
        }
        return String(ellipsized(clusters[...], maxWidth: maxWidth, size: size).map(\.character))
    }

    /// `text` broken into at most `maxLines` lines no wider than `width` px at `size` px.
    ///
    /// Lines break at spaces (runs of white space count as one; no-break spaces do not break),
    /// and a word wider than a line is split between grapheme clusters. When the text needs
    /// more lines, the last one ends with `…`. No text, or `maxLines` below 1, gives no lines.
    public func wrapped(_ text: String, width maxWidth: Double, size: Double, maxLines: Int) -> [String] {
        guard maxLines > 0 else { return [] }
        let words = measured(text).split { Self.isBreakingSpace($0.character) }
        let space = MeasuredCharacter(character: " ", units: units(of: " "))
        var lines: [[MeasuredCharacter]] = []
        var line: [MeasuredCharacter] = []
        var lineUnits = 0
        var isCut = false
        placing: for word in words {
            let wordUnits = word.reduce(0) { $0 + $1.units }
            if !line.isEmpty {
                if fits(lineUnits + space.units + wordUnits, maxWidth, size) {
                    line += [space] + word
                    lineUnits += space.units + wordUnits
                    continue
                }
                lines.append(line)
            }
            // The word starts a line; a word too long for one fills whole lines first.
            var rest = word
            var restUnits = wordUnits
            while !fits(restUnits, maxWidth, size) {
                let count = fittingPrefixCount(rest, maxWidth: maxWidth, size: size)
                guard count > 0 else {
                    isCut = true  // Not even one cluster fits in a line.
                    line = []
                    break placing
                }
                lines.append(Array(rest.prefix(count)))
                restUnits -= rest.prefix(count).reduce(0) { $0 + $1.units }
                rest = rest.dropFirst(count)
            }
            line = Array(rest)
            lineUnits = restUnits
            if lines.count >= maxLines { break }
        }
        if !line.isEmpty { lines.append(line) }
        if lines.count > maxLines {
            lines.removeLast(lines.count - maxLines)
            isCut = true
        }
        if isCut {
            let last = lines.popLast() ?? []
            let shortened = ellipsized(last[...], maxWidth: maxWidth, size: size)
            if !shortened.isEmpty { lines.append(shortened) }
        }
        return lines.map { String($0.map(\.character)) }
    }

    // MARK: Internals

    /// A grapheme cluster and its width in font units.
    private struct MeasuredCharacter {
        var character: Character
        var units: Int
    }

    private func measured(_ text: String) -> [MeasuredCharacter] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.map { MeasuredCharacter(character: $0, units: units(of: $0)) }
        }
        // ASCII: a Character is a byte, or CR LF; its width is that of its scalars.
        var characters: [MeasuredCharacter] = []
        characters.reserveCapacity(text.utf8.count)
        var pendingCarriageReturn = false
        for byte in text.utf8 {
            let scalarUnits = units(ofScalar: Unicode.Scalar(byte))
            if pendingCarriageReturn, byte == 0x0A {
                characters[characters.count - 1] = MeasuredCharacter(
                    character: "\r\n", units: characters[characters.count - 1].units + scalarUnits)
                pendingCarriageReturn = false
                continue
            }
            characters.append(MeasuredCharacter(character: Character(Unicode.Scalar(byte)), units: scalarUnits))
            pendingCarriageReturn = byte == 0x0D
        }
        return characters
    }

    /// `font units` at `size` px, in px; every comparison with a width in px goes through here.
    private func pixels(_ units: Int, size: Double) -> Double {
        Double(units) * size / Double(unitsPerEm)
    }

    private func fits(_ units: Int, _ maxWidth: Double, _ size: Double) -> Bool {
        pixels(units, size: size) <= maxWidth
    }

    /// How many clusters from the start of `characters` fit in `maxWidth` px.
    private func fittingPrefixCount(
        _ characters: ArraySlice<MeasuredCharacter>, maxWidth: Double, size: Double
    ) -> Int {
        var total = 0
        var count = 0
        for character in characters {
            total += character.units
            guard fits(total, maxWidth, size) else { break }
            count += 1
        }
        return count
    }

    /// The longest start of `characters` that fits in `maxWidth` px with `…` after it, then `…`;
    /// empty when `…` alone does not fit.
    private func ellipsized(
        _ characters: ArraySlice<MeasuredCharacter>, maxWidth: Double, size: Double
    ) -> [MeasuredCharacter] {
        let ellipsis = MeasuredCharacter(character: "…", units: units(of: "…"))
        guard fits(ellipsis.units, maxWidth, size) else { return [] }
        let available = maxWidth - pixels(ellipsis.units, size: size)
        var kept = Array(characters.prefix(fittingPrefixCount(characters, maxWidth: available, size: size)))
        // Same test in the same arithmetic as `width(of:)`, so the result never measures wider.
        while !fits(kept.reduce(0) { $0 + $1.units } + ellipsis.units, maxWidth, size) {
            kept.removeLast()
        }
        while let last = kept.last, last.character.isWhitespace {
            kept.removeLast()
        }
        return kept + [ellipsis]
    }

    /// The width of one grapheme cluster, in font units.
    func units(of character: Character) -> Int {
        // ASCII (and CR LF) is never an emoji: no property look-up. With those of
        // `units(ofScalar:)` and `isBreakingSpace(_:)`, the look-ups took 4.4 G of the 36.5 G
        // instructions of `journey report` on 10,000 touchpoints.
        if !character.isASCII, Self.isEmoji(character) {
            return unitsPerEm * 5 / 4
        }
        return character.unicodeScalars.reduce(0) { $0 + units(ofScalar: $1) }
    }

    private func units(ofScalar scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D:
            return advance(of: " ") ?? averageAdvance
        case 0x00..<0x20, 0x7F:
            return 0  // The other ASCII controls, decided without the general category.
        case 0x20..<0x7F:
            return advance(of: scalar) ?? averageAdvance  // Printable ASCII: never a mark, never wide.
        default:
            break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        if let advance = advance(of: scalar) {
            return advance
        }
        return Self.isWide(scalar) ? unitsPerEm : averageAdvance
    }

    /// Whether a cluster is drawn as an emoji picture rather than as text.
    static func isEmoji(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        if scalars.contains(where: { $0.properties.isEmojiPresentation }) {
            return true
        }
        // A text-style emoji (❤, ☺, a digit of a keycap) asks for the picture with U+FE0F or U+20E3.
        guard let first = scalars.first, first.properties.isEmoji else { return false }
        return scalars.contains { $0.value == 0xFE0F || $0.value == 0x20E3 }
    }

    /// Whether a code point is East Asian wide or fullwidth (Unicode's East_Asian_Width W or F).
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F,  // Hangul Jamo initial consonants
            0x2E80...0x303E,  // CJK radicals, Kangxi radicals, CJK symbols and punctuation
            0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
            0x3400...0x4DBF,  // CJK unified ideographs extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xA000...0xA4CF,  // Yi
            0xA960...0xA97F,  // Hangul Jamo extended A
            0xAC00...0xD7A3,  // Hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFE30...0xFE4F,  // CJK compatibility forms
            0xFF00...0xFF60,  // fullwidth forms
            0xFFE0...0xFFE6,  // fullwidth signs
            0x20000...0x2FFFD,  // CJK extensions B to F, compatibility supplement
            0x30000...0x3FFFD:  // CJK extensions G and H
            return true
        default:
            return false
        }
    }

    /// Whether a line may break at `character`: white space other than the no-break spaces.
    static func isBreakingSpace(_ character: Character) -> Bool {
        // ASCII white space (CR LF included) without the property look-up: tab to carriage
        // return and the space.
        if let ascii = character.asciiValue {
            return ascii == 0x20 || (0x09...0x0D).contains(ascii)
        }
        guard character.isWhitespace else { return false }
        return !character.unicodeScalars.contains { [0x00A0, 0x2007, 0x202F].contains($0.value) }
    }
}
