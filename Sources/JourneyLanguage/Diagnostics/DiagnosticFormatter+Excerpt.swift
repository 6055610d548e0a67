extension DiagnosticFormatter {
    /// The longest source line shown whole under a diagnostic, in UTF-8 bytes.
    static let longestLineShownWhole = 1_024

    /// How many characters of a longer line are shown on each side of the diagnostic's range.
    static let excerptContext = 60

    /// What to show of `line` under a diagnostic at `column` (1-based, in characters) that
    /// underlines `length` characters, and the diagnostic's column in what is shown.
    ///
    /// A line of at most `longestLineShownWhole` bytes is shown whole. Of a longer one, such as
    /// an SVG written on one line, only `excerptContext` characters either side of the range
    /// are, with `…` where the line is cut: the whole line was measured character by character
    /// and printed under every diagnostic, 85% of the time `journey validate` took on a 10 MB
    /// one-line SVG, and as much again for every other finding on it.
    static func excerpt(of line: Substring, column: Int, length: Int) -> (text: Substring, column: Int) {
        guard line.utf8.count > longestLineShownWhole else { return (line, column) }
        let scalars = line.unicodeScalars
        let firstShown = max(0, column - 1 - excerptContext)
        let start =
            scalars.index(scalars.startIndex, offsetBy: firstShown, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let shownAfterStart = (column - 1 - firstShown) + min(max(1, length), excerptContext) + excerptContext
        let end = scalars.index(start, offsetBy: shownAfterStart, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let cutBefore = firstShown > 0
        let text =
            (cutBefore ? "…" : "") + String(scalars[start..<end]) + (end < scalars.endIndex ? "…" : "")
        return (Substring(text), column - firstShown + (cutBefore ? 1 : 0))
    }
}
