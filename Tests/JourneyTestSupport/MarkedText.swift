public import JourneyLanguage

@testable import JourneyLanguage

/// Journey source with emoji markers (1️⃣ … 9️⃣) that stand where a diagnostic is expected.
///
/// The markers are removed before parsing; each one's position is recorded as the 1-based
/// line and column (in Unicode scalars) of the character that followed it.
public struct MarkedText {
    /// The source with the markers removed.
    public let text: String
    /// Where each marker stood, by its digit.
    public let markers: [Int: SourceLocation]

    public init(_ marked: String) {
        var text = String.UnicodeScalarView()
        var markers: [Int: SourceLocation] = [:]
        var line = 1
        var column = 1
        let scalars = Array(marked.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            // A keycap marker is a digit, U+FE0F and U+20E3.
            if ("0"..."9").contains(scalar), index + 2 < scalars.count,
                scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}"
            {
                let digit = Int(scalar.value - ("0" as Unicode.Scalar).value)
                precondition(markers[digit] == nil, "marker \(digit) is used twice")
                markers[digit] = SourceLocation(line: line, column: column)
                index += 3
                continue
            }
            text.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        self.text = String(text)
        self.markers = markers
    }

    /// The location of marker `digit`.
    public subscript(_ digit: Int) -> SourceLocation {
        guard let location = markers[digit] else {
            preconditionFailure("no marker \(digit) in the text")
        }
        return location
    }
}
