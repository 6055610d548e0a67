/// Why a conversion window such as `14d` could not be read, with a message for the user.
public enum ConversionWindowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing was written.
    case empty
    /// A number without a unit, such as `14`.
    case missingUnit(String)
    /// A unit other than `d`, `h`, `m` or `s`, such as `14w`.
    case unknownUnit(String)
    /// Not a whole number of units, such as `1.5d` or `two days`.
    case notAWholeNumber(String)
    /// Zero or negative, such as `0h` or `-3d`.
    case notPositive(String)
    /// Longer than a million days.
    case tooLong(String)

    /// The message to show, naming what was written and what is expected.
    public var description: String {
        let expected =
            "write a whole number followed by d (days), h (hours), m (minutes) or s (seconds), such as 14d, 36h, 30m or 90s"
        switch self {
        case .empty:
            return "the conversion window is empty: \(expected)"
        case .missingUnit(let text):
            return "the conversion window '\(text)' has no unit: \(expected)"
        case .unknownUnit(let text):
            return "the conversion window '\(text)' has an unknown unit: \(expected)"
        case .notAWholeNumber(let text):
            return "the conversion window '\(text)' is not a whole number of units: \(expected) (1.5d is 36h)"
        case .notPositive(let text):
            return "the conversion window '\(text)' must be longer than zero"
        case .tooLong(let text):
            return "the conversion window '\(text)' is too long: at most \(ConversionWindow.maximumDays) days"
        }
    }
}
