import JourneyLanguage

/// Where the values of a JSON document are, by path, so that the importer's messages point at
/// the line and column of the value they are about; and the characters no XML document can
/// carry that its strings hold, each at its own column.
///
/// Paths are written as the importer names them: `journey.stages[2].touchpoints[0].score`.
/// Columns count Unicode scalars from 1, as `journey check` does. The document is read once,
/// with an explicit stack instead of recursion, so depth costs no call stack; it is meant for
/// a document the JSON decoder has accepted, and stops quietly (keeping what it found) at
/// anything it does not expect, and at a value nested more than `maximumDepth` deep: every
/// value keeps its path, so deeper nesting would cost memory growing with the square of the
/// depth, and the journey document is 6 deep.
struct JSONValueLocations {
    /// A character XML 1.0 forbids (`ControlCharacterCheck.isForbidden`), inside the string at
    /// `path`, written raw or as an escape starting at `range`.
    struct ForbiddenCharacter: Equatable {
        var path: String
        var scalar: Unicode.Scalar
        var range: SourceRange
    }

    /// Where each value starts, by path.
    private(set) var ranges: [String: SourceRange] = [:]
    /// The forbidden characters of the strings, in document order.
    private(set) var forbiddenCharacters: [ForbiddenCharacter] = []

    /// How deep values are located: deeper ones are not (the importer never asks for them).
    static let maximumDepth = 64

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    private enum Container {
        case object(path: String)
        case array(path: String, count: Int)
    }

    /// Reads `bytes`.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        read()
    }

    /// Whether `bytes` may hold a character XML forbids in a string: false for nearly every
    /// document, and quick to tell (a byte scan for the escapes `\b`, `\f`, `\u000`–`\u001`
    /// and `\uFFFE`, `\uFFFF` in any case, and the UTF-8 of U+FFFE and U+FFFF).
    static func mayHoldForbiddenCharacter(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0xEF { return true }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                switch bytes[index + 1] {
                case UInt8(ascii: "b"), UInt8(ascii: "f"): return true
                case UInt8(ascii: "u"):
                    let digits = String(decoding: bytes[(index + 2)..<min(index + 6, bytes.count)], as: UTF8.self)
                        .lowercased()
                    if digits.hasPrefix("000") || digits.hasPrefix("001") || digits == "fffe" || digits == "ffff" {
                        return true
                    }
                    index += 1
                default: index += 1  // the escaped character, such as a quote or a backslash
                }
            }
            index += 1
        }
        return false
    }

    /// Where the value at `path` starts; 1:1 when the document has no such value.
    func range(of path: String) -> SourceRange {
        ranges[path] ?? SourceRange(line: 1, column: 1)
    }

    private mutating func read() {
        var stack: [Container] = []
        var path = ""
        var expectsValue = true
        while true {
            skipWhiteSpace()
            guard index < bytes.count else { return }
            if expectsValue {
                guard stack.count <= Self.maximumDepth else { return }
                ranges[path] = SourceRange(line: line, column: column)
                switch bytes[index] {
                case UInt8(ascii: "{"):
                    advance()
                    stack.append(.object(path: path))
                    skipWhiteSpace()
                    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                        advance()
                        stack.removeLast()
                    } else {
                        guard let key = readKey() else { return }
                        path = path.isEmpty ? key : path + "." + key
                        continue
                    }
                case UInt8(ascii: "["):
                    advance()
                    stack.append(.array(path: path, count: 0))
                    skipWhiteSpace()
                    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                        advance()
                        stack.removeLast()
                    } else {
                        path += "[0]"
                        continue
                    }
                case UInt8(ascii: "\""):
                    guard readString(at: path) != nil else { return }
                default:
                    // A number, true, false or null.
                    while index < bytes.count && !Self.endsScalarValue(bytes[index]) { advance() }
                }
                expectsValue = false
            }
            // After a value: a comma and the next member or element, or the end of a container.
            skipWhiteSpace()
            guard index < bytes.count, let container = stack.last else { return }
            switch (bytes[index], container) {
            case (UInt8(ascii: ","), .object(let parent)):
                advance()
                guard let key = readKey() else { return }
                path = parent.isEmpty ? key : parent + "." + key
                expectsValue = true
            case (UInt8(ascii: ","), .array(let parent, let count)):
                advance()
                stack[stack.count - 1] = .array(path: parent, count: count + 1)
                path = parent + "[\(count + 1)]"
                expectsValue = true
            case (UInt8(ascii: "}"), .object), (UInt8(ascii: "]"), .array):
                advance()
                stack.removeLast()
            default:
                return
            }
        }
    }

    /// A member's key and the colon after it; nil when the document does not go on so.
    private mutating func readKey() -> String? {
        skipWhiteSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        guard let key = readString(at: nil) else { return nil }
        skipWhiteSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        advance()
        return key
    }

    /// The string starting at the opening quote, escapes decoded; nil when it does not end.
    ///
    /// The forbidden characters of a value (`path` not nil) are noted.
    private mutating func readString(at path: String?) -> String? {
        advance()
        var scalars = String.UnicodeScalarView()
        var pendingHighSurrogate: UInt32?
        while index < bytes.count {
            let start = SourceRange(line: line, column: column)
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                advance()
                return String(scalars)
            }
            var scalar: Unicode.Scalar?
            if byte == UInt8(ascii: "\\") {
                advance()
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                advance()
                switch escape {
                case UInt8(ascii: "b"): scalar = "\u{8}"
                case UInt8(ascii: "f"): scalar = "\u{C}"
                case UInt8(ascii: "n"): scalar = "\n"
                case UInt8(ascii: "r"): scalar = "\r"
                case UInt8(ascii: "t"): scalar = "\t"
                case UInt8(ascii: "u"):
                    guard let value = readHex() else { return nil }
                    if (0xD800...0xDBFF).contains(value) {
                        pendingHighSurrogate = value
                        continue
                    }
                    if (0xDC00...0xDFFF).contains(value), let high = pendingHighSurrogate {
                        scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00))
                    } else {
                        scalar = Unicode.Scalar(value)
                    }
                default: scalar = Unicode.Scalar(escape)
                }
            } else {
                scalar = readUTF8Scalar()
            }
            pendingHighSurrogate = nil
            guard let scalar else { continue }
            scalars.append(scalar)
            if let path, ControlCharacterCheck.isForbidden(scalar) {
                forbiddenCharacters.append(ForbiddenCharacter(path: path, scalar: scalar, range: start))
            }
        }
        return nil
    }

    /// The four hexadecimal digits of a `\u` escape.
    private mutating func readHex() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexDigit(bytes[index]) else { return nil }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    /// The scalar whose UTF-8 encoding starts here (nil for a malformed one, skipped).
    private mutating func readUTF8Scalar() -> Unicode.Scalar? {
        let first = bytes[index]
        let length =
            switch first {
            case 0..<0x80: 1
            case 0xC0..<0xE0: 2
            case 0xE0..<0xF0: 3
            case 0xF0..<0xF8: 4
            default: 1
            }
        var decoder = UTF8()
        var iterator = bytes[index..<min(index + length, bytes.count)].makeIterator()
        let result = decoder.decode(&iterator)
        advance(by: length)
        if case .scalarValue(let scalar) = result { return scalar }
        return nil
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func endsScalarValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D: true
        default: false
        }
    }

    private mutating func skipWhiteSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
    }

    /// Moves past `count` bytes, counting lines and columns (a column a scalar).
    private mutating func advance(by count: Int = 1) {
        for _ in 0..<count where index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
    }
}

/// `JSONValueLocations` of a document, read the first time they are asked for.
final class LazyJSONValueLocations {
    private let bytes: [UInt8]
    private var located: JSONValueLocations?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The locations, read now if they were not yet.
    var value: JSONValueLocations {
        if let located { return located }
        let read = JSONValueLocations(bytes)
        located = read
        return read
    }

    /// Where the value at `path` starts (`JSONValueLocations.range(of:)`).
    func range(of path: String) -> SourceRange {
        value.range(of: path)
    }
}
