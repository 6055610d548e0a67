/// One CSV record scanned field by field, for the header row and the rare rows that need
/// a second look; the event rows themselves go through `EventRowScanner`'s faster loop.
///
/// Both follow the same rules (RFC 4180, read leniently where it is safe): fields are
/// separated by `,`; a field that starts with `"` is quoted, holds `""` for a quote and may
/// hold commas and line breaks, and must be followed by `,`, a line break or the end of the
/// input; a `"` anywhere else is an ordinary character; a record ends at LF or CRLF (the CR
/// is dropped from the last field) or at the end of the input.
struct CSVRecord {
    /// Where one field is in the bytes, as offsets from the start of the scanned buffer.
    struct Field {
        /// The first byte of the field, its opening quote included.
        var start: Int
        /// Just past the last byte of the field, its closing quote included.
        var end: Int
        /// The field's content: without the quotes, with `""` not yet unescaped.
        var contentStart: Int
        var contentEnd: Int
        /// Whether the content holds `""`, written for one quote.
        var hasEscapedQuotes: Bool
    }

    /// How scanning a record ended.
    enum Scan {
        /// A whole record: its fields, where the next record starts and the line breaks inside
        /// quoted fields.
        case record([Field], next: Int, innerLineBreaks: Int)
        /// The buffer ends before the record does; more input is needed.
        case incomplete
        /// A quoted field opened at this offset runs to the end of the input.
        case unterminatedQuote(at: Int)
        /// Something other than a comma or a line break follows a closing quote, at this offset.
        case textAfterQuote(at: Int)
    }

    /// Scans the record that starts at `start` in `bytes`; `final` says whether the input
    /// ends with the buffer.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, final: Bool) -> Scan {
        let end = bytes.count
        var fields: [Field] = []
        var i = start
        var innerLineBreaks = 0
        while true {
            let fieldStart = i
            var field: Field
            if i < end, bytes[i] == UInt8(ascii: "\"") {
                var j = i + 1
                var escaped = false
                while true {
                    while j < end, bytes[j] != UInt8(ascii: "\"") {
                        if bytes[j] == UInt8(ascii: "\n") { innerLineBreaks += 1 }
                        j += 1
                    }
                    if j >= end { return final ? .unterminatedQuote(at: fieldStart) : .incomplete }
                    if j + 1 < end, bytes[j + 1] == UInt8(ascii: "\"") {
                        escaped = true
                        j += 2
                        continue
                    }
                    if j + 1 >= end, !final { return .incomplete }
                    break
                }
                field = Field(
                    start: fieldStart, end: j + 1, contentStart: i + 1, contentEnd: j, hasEscapedQuotes: escaped)
                i = j + 1
                if i < end {
                    let next = bytes[i]
                    if next == UInt8(ascii: "\r"), i + 1 < end, bytes[i + 1] == UInt8(ascii: "\n") {
                        i += 1
                    } else if next == UInt8(ascii: "\r"), i + 1 >= end {
                        guard final else { return .incomplete }
                        i += 1
                    } else if next != UInt8(ascii: ",") && next != UInt8(ascii: "\n") {
                        return .textAfterQuote(at: i)
                    }
                }
            } else {
                var j = i
                while j < end, bytes[j] != UInt8(ascii: ","), bytes[j] != UInt8(ascii: "\n") { j += 1 }
                if j >= end, !final { return .incomplete }
                var contentEnd = j
                if contentEnd > i, bytes[contentEnd - 1] == UInt8(ascii: "\r"),
                    j >= end || bytes[j] == UInt8(ascii: "\n")
                {
                    contentEnd -= 1
                }
                field = Field(
                    start: fieldStart, end: contentEnd, contentStart: i, contentEnd: contentEnd, hasEscapedQuotes: false
                )
                i = j
            }
            fields.append(field)
            if i < end, bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            return .record(fields, next: i < end ? i + 1 : end, innerLineBreaks: innerLineBreaks)
        }
    }

    /// The content of `field` with `""` turned into `"`.
    static func content(of field: Field, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let raw = bytes[field.contentStart..<field.contentEnd]
        guard field.hasEscapedQuotes else { return Array(raw) }
        var content: [UInt8] = []
        content.reserveCapacity(raw.count)
        var previousWasQuote = false
        for byte in raw {
            if byte == UInt8(ascii: "\""), previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = byte == UInt8(ascii: "\"")
            content.append(byte)
        }
        return content
    }

    /// Whether the record is a blank line: one empty field that is not quoted.
    static func isBlank(_ fields: [Field]) -> Bool {
        fields.count == 1 && fields[0].start == fields[0].end
    }
}
