extension NumberFormatting {
    /// The shortest plain decimal that reads back as exactly `value`: `2`, `-1.5`, `0.0000000001`.
    ///
    /// Every digit Swift's shortest round-trip description needs, written out without an
    /// exponent, as the language reads numbers; non-finite values keep Swift's description.
    public static func exact(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == 0 { return "0" }
        var text = Substring("\(value.magnitude)")  // such as "1.5", "100.0", "1e-10", "1.25e+20"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let digits = Array(parts[0] + (parts.count > 1 ? parts[1] : ""))
        // Where the decimal point falls among `digits`.
        let point = parts[0].count + exponent
        var whole: String
        var fraction: String
        if point <= 0 {
            whole = "0"
            fraction = String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            whole = String(digits) + String(repeating: "0", count: point - digits.count)
            fraction = ""
        } else {
            whole = String(digits[..<point])
            fraction = String(digits[point...])
        }
        while fraction.last == "0" { fraction.removeLast() }
        while whole.count > 1, whole.first == "0" { whole.removeFirst() }
        return (value < 0 ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A ratio as the percentage, without `%`, that the language reads back as exactly `ratio`
    /// (it divides what is written by 100): `0.25` → `25`, `0.000000000001` → `0.0000000001`.
    ///
    /// The fewest decimals that do, up to nine; past nine, every digit: `ratio * 100` may be a
    /// unit in the last place away from the number that was written, so its neighbours are tried too; a ratio that no percentage gives exactly (only an imported
    /// one can be such) gets the nearest.
    public static func exactPercent(_ ratio: Double) -> String {
        let percent = ratio * 100
        // The fewest decimals first: 0.29 is written 29, not 28.999999999999996.
        for digits in 0...9 {
            let text = plain(percent, maximumFractionDigits: digits)
            if let value = Double(text), value / 100 == ratio { return text }
        }
        for candidate in [percent, percent.nextUp, percent.nextDown] {
            let text = exact(candidate)
            if let value = Double(text), value / 100 == ratio { return text }
        }
        return exact(percent)
    }
}
