/// How long after the stage-1 event that starts a chain its later stages still count, in milliseconds.
///
/// Written on the command line as a whole number and a unit: `14d` (days of 24 hours), `36h`,
/// `30m` or `90s`. The window is inclusive: an event exactly one window after the chain's
/// stage-1 event still counts, one millisecond later does not (ClickHouse's
/// `timestamp <= first + window`).
public struct ConversionWindow: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The length of the window, in milliseconds, above zero.
    public let milliseconds: Int64

    /// The default window: 14 days.
    public static let `default` = ConversionWindow(uncheckedMilliseconds: 14 * millisecondsPerDay)

    /// The longest window `init(parsing:)` accepts, in days.
    public static let maximumDays: Int64 = 1_000_000

    static let millisecondsPerSecond: Int64 = 1000
    static let millisecondsPerMinute: Int64 = 60 * millisecondsPerSecond
    static let millisecondsPerHour: Int64 = 60 * millisecondsPerMinute
    static let millisecondsPerDay: Int64 = 24 * millisecondsPerHour

    /// A window of `milliseconds`, or nil when it is zero or negative.
    public init?(milliseconds: Int64) {
        guard milliseconds > 0 else { return nil }
        self.milliseconds = milliseconds
    }

    private init(uncheckedMilliseconds: Int64) {
        self.milliseconds = uncheckedMilliseconds
    }

    /// A window of whole days, hours, minutes or seconds, or nil when not above zero or too long.
    public static func days(_ count: Int64) -> ConversionWindow? { scaled(count, millisecondsPerDay) }
    /// A window of whole hours, or nil when not above zero or too long.
    public static func hours(_ count: Int64) -> ConversionWindow? { scaled(count, millisecondsPerHour) }
    /// A window of whole minutes, or nil when not above zero or too long.
    public static func minutes(_ count: Int64) -> ConversionWindow? { scaled(count, millisecondsPerMinute) }
    /// A window of whole seconds, or nil when not above zero or too long.
    public static func seconds(_ count: Int64) -> ConversionWindow? { scaled(count, millisecondsPerSecond) }

    private static func scaled(_ count: Int64, _ unit: Int64) -> ConversionWindow? {
        let (product, overflow) = count.multipliedReportingOverflow(by: unit)
        guard !overflow, product <= maximumDays * millisecondsPerDay else { return nil }
        return ConversionWindow(milliseconds: product)
    }

    /// Reads a window written as a whole number and a unit: `14d`, `36h`, `30m` or `90s`.
    ///
    /// White space around the text is ignored; none is allowed between the number and the
    /// unit. Units are lower case (`30M` is not read as minutes, nor as months). Fractions,
    /// signs, a missing or unknown unit, zero, and more than a million days are rejected with
    /// a `ConversionWindowError` whose description says what to write instead.
    public init(parsing text: String) throws(ConversionWindowError) {
        let trimmed = text.trimmingWhiteSpace()
        guard !trimmed.isEmpty else { throw .empty }
        let scalars = Array(trimmed.unicodeScalars)
        var digits = 0
        let negative = scalars[0] == "-"
        let numberStart = negative ? 1 : 0
        while numberStart + digits < scalars.count, ("0"..."9").contains(scalars[numberStart + digits]) {
            digits += 1
        }
        let unit = String(String.UnicodeScalarView(scalars[(numberStart + digits)...]))
        guard digits > 0 else {
            throw .notAWholeNumber(trimmed)
        }
        if unit.isEmpty { throw .missingUnit(trimmed) }
        if unit.first == "." || unit.first == "," { throw .notAWholeNumber(trimmed) }
        let scale: Int64
        switch unit {
        case "d": scale = Self.millisecondsPerDay
        case "h": scale = Self.millisecondsPerHour
        case "m": scale = Self.millisecondsPerMinute
        case "s": scale = Self.millisecondsPerSecond
        default: throw .unknownUnit(trimmed)
        }
        let number = String(String.UnicodeScalarView(scalars[numberStart..<(numberStart + digits)]))
        guard let count = Int64(number) else { throw .tooLong(trimmed) }
        if negative || count == 0 { throw .notPositive(trimmed) }
        guard let window = Self.scaled(count, scale) else { throw .tooLong(trimmed) }
        self = window
    }

    /// The window in the largest unit that divides it exactly: `14d`, `36h`, `90s`, or `1500ms`.
    public var description: String {
        for (unit, scale) in [
            ("d", Self.millisecondsPerDay), ("h", Self.millisecondsPerHour),
            ("m", Self.millisecondsPerMinute), ("s", Self.millisecondsPerSecond),
        ]
        where milliseconds % scale == 0 {
            return "\(milliseconds / scale)\(unit)"
        }
        return "\(milliseconds)ms"
    }

    public static func < (lhs: ConversionWindow, rhs: ConversionWindow) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }
}

extension String {
    /// The string without white space (including new lines) at either end.
    fileprivate func trimmingWhiteSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
