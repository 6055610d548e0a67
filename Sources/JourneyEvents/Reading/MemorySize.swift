/// An amount of memory written on the command line: a whole number and a unit, `K`, `M` or `G`
/// (powers of 1,024; `KiB`, `MiB` and `GiB` too, in any case), such as `64M` or `1G`.
public struct MemorySize: Hashable, Sendable, CustomStringConvertible {
    /// The amount, in bytes: from `minimum` to `maximum`.
    public let bytes: Int

    /// The smallest amount accepted: 1 KiB.
    public static let minimum = 1 << 10
    /// The largest amount accepted: 1,024 GiB.
    public static let maximum = 1 << 40

    /// Reads `64M`, `512K`, `2G` or `64MiB`; white space around the text is ignored.
    public init(parsing text: String) throws(MemorySizeError) {
        let trimmed = text.trimmingCharacters(in: " \t\n\r")
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let unit = trimmed.dropFirst(digits.count).lowercased()
        guard !digits.isEmpty else {
            throw MemorySizeError(text: trimmed, reason: "it does not start with a whole number")
        }
        let shift: Int
        switch unit {
        case "k", "kib": shift = 10
        case "m", "mib": shift = 20
        case "g", "gib": shift = 30
        case "": throw MemorySizeError(text: trimmed, reason: "it has no unit")
        default: throw MemorySizeError(text: trimmed, reason: "'\(unit)' is not a unit")
        }
        guard let number = Int(digits), number <= MemorySize.maximum >> shift else {
            throw MemorySizeError(text: trimmed, reason: "it is more than 1024G")
        }
        guard number << shift >= MemorySize.minimum else {
            throw MemorySizeError(text: trimmed, reason: "it is less than 1K")
        }
        self.bytes = number << shift
    }

    /// `bytes`, which must be from `minimum` to `maximum`.
    init(bytes: Int) {
        precondition(bytes >= MemorySize.minimum && bytes <= MemorySize.maximum, "an amount out of range")
        self.bytes = bytes
    }

    /// The amount in the largest unit that divides it exactly, such as `64M`.
    public var description: String {
        for (unit, shift) in [("G", 30), ("M", 20), ("K", 10)] where bytes % (1 << shift) == 0 {
            return "\(bytes >> shift)\(unit)"
        }
        return "\(bytes)B"
    }
}

/// Why an amount of memory such as `64M` could not be read, with what to write instead.
public struct MemorySizeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was written.
    public var text: String
    /// What is wrong with it.
    public var reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    public var description: String {
        "'\(text)' is not an amount of memory: \(reason); write a whole number followed by K, M or G "
            + "(powers of 1024), such as 64M or 1G"
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        guard let first = firstIndex(where: { !characters.contains($0) }),
            let last = lastIndex(where: { !characters.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
