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
    public mutating func append(_ curve: MonotoneCurve, moving: Bool) {
        guard let first = curve.segments.first else { return }
        if moving { move(to: first.start) } else { line(to: first.start) }
        for segment in curve.segments {
            self.curve(segment.control1, segment.control2, segment.end)
        }
    }

    /// The `d` attribute text, such as `M0 0 L10 5 Z`.
    public var text: String {
        commands.map { command in
            ([String(command.letter)] + command.points.map { "\(XMLWriter.format($0.x)) \(XMLWriter.format($0.y))" })
                .joined(separator: command.points.isEmpty ? "" : " ")
                .replacingFirstSpace()
        }.joined(separator: " ")
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
            guard let value = Double(String(decoding: number, as: UTF8.self)) else {
                result.append(contentsOf: number)
                continue
            }
            result.append(contentsOf: XMLWriter.format(value + (isX ? dx : dy)).utf8)
            isX.toggle()
        }
        return String(decoding: result, as: UTF8.self)
    }

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

extension String {
    /// `M 0 0` → `M0 0`: the letter joined to its first number.
    fileprivate func replacingFirstSpace() -> String {
        guard count > 1, let space = firstIndex(of: " "), space == index(after: startIndex) else { return self }
        var copy = self
        copy.remove(at: space)
        return copy
    }
}
