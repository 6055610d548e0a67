/// How the XML format writes and reads the numbers of a journey: exactly.
///
/// A score, a target or a scale bound is written with the fewest digits that read back as
/// the same `Double` (Swift's shortest round-trip digits), as a plain decimal (`0.25`, `-1.5`,
/// `120000`) when its exponent lies from -7 to 20, in the E notation of `xs:double`
/// otherwise (`1e-27`, `1.5e21`). Non-finite values are written `NaN`, `INF` and `-INF`,
/// which the schema rejects, so that a journey holding one never passes as valid.
enum XMLNumber {
    /// The text of `value`, which `parse(_:)` reads back as exactly `value` (0 for -0).
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-INF" : "INF") }
        guard value != 0 else { return "0" }
        // Swift's description holds the shortest round-trip digits: "1.5", "120000.0", "1e-05", "1.25e+20".
        var description = Substring(value.magnitude.description)
        var exponent = 0
        if let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(description[description.index(after: e)...].drop { $0 == "+" }) ?? 0
            description = description[..<e]
        }
        let parts = description.split(separator: ".", omittingEmptySubsequences: false)
        let integerDigits = parts[0]
        let fractionDigits = parts.count > 1 ? parts[1] : ""
        // value = 0.digits × 10^point, with digits free of leading zeros.
        var digits = Array(integerDigits + fractionDigits)
        var point = integerDigits.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        let scientificExponent = point - 1
        var text: String
        if (-7...20).contains(scientificExponent) {
            if point <= 0 {
                text = "0." + String(repeating: "0", count: -point) + String(digits)
            } else if point >= digits.count {
                text = String(digits) + String(repeating: "0", count: point - digits.count)
            } else {
                text = String(digits[..<point]) + "." + String(digits[point...])
            }
        } else {
            text = String(digits[0])
            if digits.count > 1 { text += "." + String(digits[1...]) }
            text += "e\(scientificExponent)"
        }
        return (value < 0 ? "-" : "") + text
    }

    /// The number written in `text` as `xs:double` writes it, ignoring the white space around
    /// it; nil when it is not a finite number (`INF`, `NaN` and overflowing values included).
    static func parse(_ text: String) -> Double? {
        let trimmed = XMLWhiteSpace.trimmed(text)
        guard !trimmed.isEmpty,
            trimmed.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || "+-.eE".unicodeScalars.contains($0) }),
            let value = Double(trimmed), value.isFinite
        else {
            return nil
        }
        return value
    }
}
