import JourneyXML

/// Builds SVG path data from absolute coordinates, numbers written the charts' way.
///
/// Only absolute commands with coordinate pairs are produced (`M`, `L`, `C`, `Z`), so a
/// path can be moved by adding to every pair.
public struct PathData: Hashable, Sendable {
    /// The commands, each a letter and its coordinate pairs.
    private var commands: [(letter: Character, points: [MonotoneCurve.Point])] = []

    public init() {}

    public mutating func move(to point: MonotoneCurve.Point) { commands.append(("M", [point])) }
    public mutating func line(to point: MonotoneCurve.Point) { commands.append(("L", [point])) }
    public mutating func curve(_ c1: MonotoneCurve.Point, _ c2: MonotoneCurve.Point, _ end: MonotoneCurve.Point) {
        commands.append(("C", [c1, c2, end]))
    }
    public mutating func close() { commands.append(("Z", [])) }

    /// Appends the pieces of `curve`, starting with a move to its first point when `moving`.
    ///
    /// - Parameter straightWithin: a piece at most this wide, in px, is drawn as a straight line:
    ///   where points are no further apart than the stroke is wide, a line draws what the curve
    ///   would, in a third of the path data.
    public mutating func append(_ curve: MonotoneCurve, moving: Bool, straightWithin: Double = 0) {
        guard let first = curve.segments.first else { return }
        if moving { move(to: first.start) } else { line(to: first.start) }
        for segment in curve.segments {
            if segment.end.x - segment.start.x <= straightWithin + 1e-9 {
                line(to: segment.end)
            } else {
                self.curve(segment.control1, segment.control2, segment.end)
            }
        }
    }

    /// The `d` attribute text, such as `M0 0 L10 5 Z`: each letter joined to its first number.
    public var text: String {
        var bytes: [UInt8] = []
        for (index, command) in commands.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: " ")) }
            bytes += command.letter.utf8
            for (offset, point) in command.points.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: " ")) }
                XMLWriter.appendFormatted(point.x, to: &bytes)
                bytes.append(UInt8(ascii: " "))
                XMLWriter.appendFormatted(point.y, to: &bytes)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func == (lhs: PathData, rhs: PathData) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// `data` (written by `PathData`) with every coordinate pair moved by `dx`, `dy`.
    static func offset(_ data: String, dx: Double, dy: Double) -> String {
        guard dx != 0 || dy != 0 else { return data }
        // Path data is ASCII, as `text` writes it: split it on its bytes. Splitting it into
        // Characters took 2.3 G of the 36.5 G instructions of `journey report` on 10,000
        // touchpoints, whose dashboard offsets 722,000 numbers. Any other text takes the
        // Character route, which gives the same result on ASCII.
        guard data.utf8.allSatisfy({ $0 < 0x80 }) else { return offsetCharacters(data, dx: dx, dy: dy) }
        var result: [UInt8] = []
        result.reserveCapacity(data.utf8.count + 16)
        var isX = true
        for token in data.utf8.split(separator: UInt8(ascii: " ")) {
            if !result.isEmpty { result.append(UInt8(ascii: " ")) }
            var number = token[...]
            if let first = token.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20) {
                result.append(first)
                number = token.dropFirst()
                isX = true
            }
            guard let value = decimal(number) ?? Double(String(decoding: number, as: UTF8.self)) else {
                result.append(contentsOf: number)
                continue
            }
            XMLWriter.appendFormatted(value + (isX ? dx : dy), to: &result)
            isX.toggle()
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The number that ASCII `bytes` such as `-12.34` write, with at most 15 digits; nil for other
    /// text, which `Double(_:)` reads instead.
    ///
    /// The same value as `Double(_:)` gives: the digits make an integer below 2^53 and the power
    /// of ten is exact, so the quotient is the decimal correctly rounded, as strtod's is. Reading
    /// each number through a String and strtod took a third of the time of moving a path.
    static func decimal(_ bytes: some Collection<UInt8>) -> Double? {
        var mantissa: Int64 = 0
        var digits = 0
        var fractionDigits: Int?
        var isNegative = false
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where offset == 0: isNegative = true
            case UInt8(ascii: ".") where fractionDigits == nil: fractionDigits = 0
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 15 else { return nil }
                mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0"))
                digits += 1
                fractionDigits = fractionDigits.map { $0 + 1 }
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        let value = Double(mantissa) / powersOfTen[fractionDigits ?? 0]
        return isNegative ? -value : value
    }

    /// 10^0 to 10^15, each exact in a Double.
    private static let powersOfTen = (0...15).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    /// `offset(_:dx:dy:)` on Characters, for path data that is not ASCII.
    private static func offsetCharacters(_ data: String, dx: Double, dy: Double) -> String {
        var result: [String] = []
        var isX = true
        for token in data.split(separator: " ") {
            var token = Substring(token)
            var prefix = ""
            if let first = token.first, first.isLetter {
                prefix = String(first)
                token = token.dropFirst()
                isX = true
            }
            guard let value = Double(token) else {
                result.append(prefix + token)
                continue
            }
            result.append(prefix + XMLWriter.format(value + (isX ? dx : dy)))
            isX.toggle()
        }
        return result.joined(separator: " ")
    }
}
