/// Formats numbers the same way on every machine and every run.
public enum NumberFormatting {
    /// A number as a person writes it: no trailing zeros, `.` as the decimal separator,
    /// at most `maximumFractionDigits` decimals (0 to 9), rounded half away from zero.
    ///
    /// `plain(5)` is `5`, `plain(-1.5)` is `-1.5`, `plain(0.125, maximumFractionDigits: 2)` is `0.13`.
    /// Magnitudes too large to scale into 64 bits, far outside anything a journey holds,
    /// fall back to Swift's shortest round-trip description.
    public static func plain(_ value: Double, maximumFractionDigits: Int = 6) -> String {
        var bytes: [UInt8] = []
        appendPlain(value, maximumFractionDigits: maximumFractionDigits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The UTF-8 bytes of `plain(value, maximumFractionDigits:)`, appended to `bytes`.
    ///
    /// Writing digits, not strings: a chart's path data is moved by parsing and writing every
    /// number again, 0.24 G instructions of a report of 10,000 touchpoints with strings.
    public static func appendPlain(_ value: Double, maximumFractionDigits: Int = 6, to bytes: inout [UInt8]) {
        let digits = min(max(maximumFractionDigits, 0), 9)
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        guard value.isFinite, abs(value) * Double(scale) < 9e18 else {
            bytes += "\(value)".utf8
            return
        }
        let scaled = Int64((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
        // The trailing zeros are dropped from the number, not the text: removing characters
        // from a string one by one cost thousands of instructions a call, and a per-customer
        // list formats hundreds of thousands of numbers.
        var fractionPart = scaled % scale
        var fractionDigits = digits
        while fractionDigits > 0, fractionPart % 10 == 0 {
            fractionPart /= 10
            fractionDigits -= 1
        }
        if value < 0 && scaled != 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(of: scaled / scale, count: 1, to: &bytes)
        if fractionDigits > 0 {
            bytes.append(UInt8(ascii: "."))
            appendDigits(of: fractionPart, count: fractionDigits, to: &bytes)
        }
    }

    /// The decimal digits of `number` (not negative), with leading zeros up to `count` digits.
    private static func appendDigits(of number: Int64, count: Int, to bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        var written = 1
        while divisor <= number / 10 || written < count {
            divisor *= 10
            written += 1
        }
        var rest = number
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// A ratio as a percentage with at most `maximumFractionDigits` decimals: `percent(0.3444)` is `34.4%`.
    public static func percent(_ ratio: Double, maximumFractionDigits: Int = 1) -> String {
        plain(ratio * 100, maximumFractionDigits: maximumFractionDigits) + "%"
    }

    /// `ratio` as a percentage, never shown at or above `bound` when it is below it.
    ///
    /// One decimal as `percent(_:)` writes it, or as many more (up to 4) as it takes, then cut
    /// rather than rounded. A conversion of 54.955% against a target of 55% is `54.96%`, not
    /// `55%` beside "0.1% short".
    public static func percent(_ ratio: Double, below bound: Double) -> String {
        let shown = shownPercent(ratio, below: bound)
        return plain(shown.value, maximumFractionDigits: shown.digits) + "%"
    }

    /// `ratio` as a percentage, never shown at or below `bound` when it is above it.
    ///
    /// A shortfall of 0.004% is `0.004%`, not `0%`. One decimal, or up to 4, then cut upwards.
    public static func percent(_ ratio: Double, above bound: Double) -> String {
        let value = ratio * 100
        let limit = bound * 100
        guard ratio > bound, value.isFinite, limit.isFinite else { return percent(ratio) }
        var scale = 1.0
        for digits in 1...4 {
            scale *= 10
            if (value * scale).rounded(.toNearestOrAwayFromZero) / scale > limit + 1e-9 {
                return percent(ratio, maximumFractionDigits: digits)
            }
        }
        return plain((value * 10_000).rounded(.up) / 10_000, maximumFractionDigits: 4) + "%"
    }

    /// The percentage `percent(_:below:)` shows for `ratio`, and its most decimals.
    public static func shownPercent(_ ratio: Double, below bound: Double) -> (value: Double, digits: Int) {
        let value = ratio * 100
        let limit = bound * 100
        guard ratio < bound, value.isFinite, limit.isFinite else {
            return ((value * 10).rounded(.toNearestOrAwayFromZero) / 10, 1)
        }
        var scale = 1.0
        for digits in 1...4 {
            scale *= 10
            let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
            if rounded < limit - 1e-9 { return (rounded, digits) }
        }
        return ((value * 10_000).rounded(.down) / 10_000, 4)
    }

    /// How far `ratio` falls below `target`, in percentage points, as a person reads it off the
    /// two percentages shown (`percent(target)` and `percent(ratio, below: target)`):
    /// 37.9% against 45% is `7.1 points`, 54.955% against 55% is `0.04 points`, 44% against 45%
    /// is `1 point`.
    public static func points(_ ratio: Double, below target: Double) -> String {
        let shown = shownPercent(ratio, below: target)
        var scale = 1.0
        for _ in 0..<shown.digits { scale *= 10 }
        let shownTarget = (target * 100 * scale).rounded(.toNearestOrAwayFromZero) / scale
        let gap = ((shownTarget - shown.value) * scale).rounded(.toNearestOrAwayFromZero) / scale
        let text = plain(gap, maximumFractionDigits: shown.digits)
        return text + (text == "1" ? " point" : " points")
    }

    /// `part` of `whole` as a share a person can picture.
    ///
    /// A percentage from 1% up (`2.2%`), and below it a count with the percentage never
    /// rounded to 0 (`1 in 3,000 (0.03%)`); `0%` only when `part` or `whole` is 0.
    public static func share(_ part: Int, of whole: Int) -> String {
        guard whole > 0, part > 0 else { return percent(0) }
        let ratio = Double(part) / Double(whole)
        guard ratio < 0.01 else { return percent(ratio) }
        let oneIn = grouped(rounding: Double(whole) / Double(part))
        return "1 in \(oneIn) (\(percent(ratio, above: 0)))"
    }

    /// `value` rounded to a whole number, grouped as `grouped(_:)` does: `1234.5` → `1,235`.
    ///
    /// Total: a number too large for `Int` (9.2 × 10^18 and more, which a reach of `Int.max`
    /// times a target of 100% gives) is written with the digits that read back as it, and
    /// infinity and NaN keep Swift's names.
    public static func grouped(rounding value: Double) -> String {
        let rounded = value.rounded(.toNearestOrAwayFromZero)
        if let whole = Int(exactly: rounded) { return grouped(whole) }
        guard rounded.isFinite else { return "\(rounded)" }
        return (rounded < 0 ? "-" : "") + grouping(exact(rounded.magnitude))
    }

    /// A whole number with thin groups of three digits for reading, `120000` → `120,000`.
    public static func grouped(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouping(String(value.magnitude))
    }

    /// `digits` with a comma before each group of three from the right: `120000` → `120,000`.
    private static func grouping(_ digits: String) -> String {
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }
}
