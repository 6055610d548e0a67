/// Formats numbers the same way on every machine and every run.
public enum NumberFormatting {
    /// A number as a person writes it: no trailing zeros, `.` as the decimal separator,
    /// at most `maximumFractionDigits` decimals (0 to 9), rounded half away from zero.
    ///
    /// `plain(5)` is `5`, `plain(-1.5)` is `-1.5`, `plain(0.125, maximumFractionDigits: 2)` is `0.13`.
    /// Magnitudes too large to scale into 64 bits, far outside anything a journey holds,
    /// fall back to Swift's shortest round-trip description.
    public static func plain(_ value: Double, maximumFractionDigits: Int = 6) -> String {
        let digits = min(max(maximumFractionDigits, 0), 9)
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        guard value.isFinite, abs(value) * Double(scale) < 9e18 else { return "\(value)" }
        let scaled = Int64((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
        let integerPart = scaled / scale
        // The trailing zeros are dropped from the number, not the text: removing characters
        // from a string one by one cost thousands of instructions a call, and a per-customer
        // list formats hundreds of thousands of numbers.
        var fractionPart = scaled % scale
        var fractionDigits = digits
        while fractionDigits > 0, fractionPart % 10 == 0 {
            fractionPart /= 10
            fractionDigits -= 1
        }
        var text = value < 0 && scaled != 0 ? "-" : ""
        text += String(integerPart)
        if fractionDigits > 0 {
            let fraction = String(fractionPart)
            text += "." + String(repeating: "0", count: fractionDigits - fraction.count) + fraction
        }
        return text
    }

    /// A ratio as a percentage with at most `maximumFractionDigits` decimals: `percent(0.3444)` is `34.4%`.
    public static func percent(_ ratio: Double, maximumFractionDigits: Int = 1) -> String {
        plain(ratio * 100, maximumFractionDigits: maximumFractionDigits) + "%"
    }

    /// A whole number with thin groups of three digits for reading, `120000` → `120,000`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }
}
