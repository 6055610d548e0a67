import Foundation

/// An sRGB colour written `#rrggbb`.
public struct Color: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// The colour written `#rrggbb` (or `#rgb`), case-insensitive; nil for anything else.
    public init?(hex: String) {
        var digits = Array(hex.utf8)
        guard digits.first == UInt8(ascii: "#") else { return nil }
        digits.removeFirst()
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        guard digits.count == 6 else { return nil }
        var values: [UInt8] = []
        for index in stride(from: 0, to: 6, by: 2) {
            guard let high = Color.hexValue(digits[index]), let low = Color.hexValue(digits[index + 1]) else {
                return nil
            }
            values.append(high << 4 | low)
        }
        self.init(red: values[0], green: values[1], blue: values[2])
    }

    /// The colour as `#rrggbb`, lowercase.
    public var description: String {
        "#"
            + [red, green, blue].map { value in
                let text = String(value, radix: 16)
                return value < 16 ? "0" + text : text
            }.joined()
    }

    /// The relative luminance of WCAG 2.x, from 0 (black) to 1 (white).
    public var relativeLuminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let value = Double(channel) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The WCAG contrast ratio between two colours, from 1 to 21; AA asks 4.5 for text.
    public static func contrastRatio(_ a: Color, _ b: Color) -> Double {
        let (lighter, darker) = (
            max(a.relativeLuminance, b.relativeLuminance), min(a.relativeLuminance, b.relativeLuminance)
        )
        return (lighter + 0.05) / (darker + 0.05)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
