/// Finds where the fields the funnel uses lie in one row of an event log, without building
/// anything for a field.
///
/// Rows follow the rules of `CSVRecord`, walked in place: only where the customer, time and
/// event fields are is remembered, with whether each was quoted and holds an escaped quote
/// (`""`). A row's shape is checked here (field count, quotes); its content is the caller's.
/// Blank lines (empty, or a lone CR) are reported as such and are not rows.
///
/// This is the per-byte loop of reading an event log: `scan` is inlined into its caller's
/// loop over a buffer's rows, so that the fields stay in registers.
struct EventRowScanner {
    /// Where one field's content lies in the buffer, and how it was written.
    struct Field {
        /// The content's offsets in the buffer, quotes excluded.
        var start = 0
        var end = 0
        /// Whether the content holds `""`, to be read as `"`.
        var escaped = false
        /// Whether the field is quoted: its quotes are just outside `start..<end`.
        var quoted = false
    }

    /// One row, scanned.
    struct Row {
        var customer = Field()
        var time = Field()
        var event = Field()
        /// Line feeds inside quoted fields.
        var innerLineBreaks = 0
        /// What is wrong with the row's shape, if anything.
        var problem: EventRowProblem?
        /// Whether the line is blank: not a row.
        var isBlank = false
        /// Where the next row starts: past this row's line feed, or at the end of the buffer.
        var next = 0
    }

    /// The number of fields every row must have.
    let fieldCount: Int
    /// For each column, the roles it plays (`EventLogColumns.customerRole` and the others, or'ed).
    let roles: [UInt8]

    init(columns: EventLogColumns) {
        self.fieldCount = columns.count
        self.roles = columns.roles
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lineFeed = UInt8(ascii: "\n"),
        carriageReturn = UInt8(ascii: "\r")

    /// Scans the row that starts at `rowStart` in the `end` bytes at `p`.
    ///
    /// Returns nil when the row is not whole in the buffer and more input may follow it. `final`
    /// says that the input ends with the buffer, so that its last row needs no line break.
    @inline(__always)
    func scan(_ p: UnsafePointer<UInt8>, from rowStart: Int, end: Int, final: Bool) -> Row? {
        let fieldCount = self.fieldCount
        let quote = Self.quote
        let comma = Self.comma
        let lineFeed = Self.lineFeed
        let carriageReturn = Self.carriageReturn
        var i = rowStart
        var field = 0
        var innerLineBreaks = 0
        var customerStart = 0
        var customerEnd = 0
        var customerEscaped = false
        var customerQuoted = false
        var timeStart = 0
        var timeEnd = 0
        var timeQuoted = false
        var eventStart = 0
        var eventEnd = 0
        var eventEscaped = false
        var extraComma = -1
        var problem: EventRowProblem?
        var blank = false
        fieldLoop: while true {
            let contentStart: Int
            let contentEnd: Int
            var escaped = false
            var quoted = false
            if i < end, p[i] == quote {
                quoted = true
                var j = i + 1
                while true {
                    while j < end, p[j] != quote {
                        if p[j] == lineFeed { innerLineBreaks += 1 }
                        j += 1
                    }
                    if j >= end {
                        guard final else { return nil }
                        problem = .unterminatedQuote(at: i)
                        i = end
                        break fieldLoop
                    }
                    if j + 1 < end {
                        if p[j + 1] == quote {
                            escaped = true
                            j += 2
                            continue
                        }
                    } else if !final {
                        return nil
                    }
                    break
                }
                contentStart = i + 1
                contentEnd = j
                i = j + 1
                if i < end {
                    let next = p[i]
                    if next == carriageReturn {
                        if i + 1 < end {
                            if p[i + 1] == lineFeed { i += 1 } else { problem = .textAfterQuote(at: i) }
                        } else if !final {
                            return nil
                        } else {
                            i += 1
                        }
                    } else if next != comma && next != lineFeed {
                        problem = .textAfterQuote(at: i)
                    }
                    if problem != nil {
                        // The row ends at the next line break, quotes or not.
                        while i < end, p[i] != lineFeed { i += 1 }
                        if i >= end, !final { return nil }
                        break fieldLoop
                    }
                }
            } else {
                // The field ends at the first comma or line feed: looked for 8 bytes at a
                // time (a zero byte in word ^ ",,,,,,,," or word ^ "\n\n\n\n\n\n\n\n"),
                // then byte by byte for the last few. Byte by byte throughout read 10 M
                // rows 1.15 times as slowly.
                var j = i
                var located = false
                while j &+ 8 <= end {
                    let word = UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)
                    let commas = word ^ 0x2C2C_2C2C_2C2C_2C2C
                    let feeds = word ^ 0x0A0A_0A0A_0A0A_0A0A
                    let zeros =
                        ((commas &- 0x0101_0101_0101_0101) & ~commas | (feeds &- 0x0101_0101_0101_0101) & ~feeds)
                        & 0x8080_8080_8080_8080
                    if zeros != 0 {
                        j &+= zeros.trailingZeroBitCount >> 3
                        located = true
                        break
                    }
                    j &+= 8
                }
                if !located {
                    while j < end {
                        let byte = p[j]
                        if byte == comma || byte == lineFeed { break }
                        j += 1
                    }
                }
                if j >= end, !final { return nil }
                var last = j
                if last > i, p[last - 1] == carriageReturn, j >= end || p[j] == lineFeed { last -= 1 }
                contentStart = i
                contentEnd = last
                i = j
            }
            if field < fieldCount {
                let role = roles[field]
                if role != 0 {
                    if role & EventLogColumns.customerRole != 0 {
                        customerStart = contentStart
                        customerEnd = contentEnd
                        customerEscaped = escaped
                        customerQuoted = quoted
                    }
                    if role & EventLogColumns.timeRole != 0 {
                        timeStart = contentStart
                        timeEnd = contentEnd
                        timeQuoted = quoted
                    }
                    if role & EventLogColumns.eventRole != 0 {
                        eventStart = contentStart
                        eventEnd = contentEnd
                        eventEscaped = escaped
                    }
                }
            }
            field += 1
            if i < end, p[i] == comma {
                if field == fieldCount { extraComma = i }
                i += 1
                continue
            }
            blank = field == 1 && !quoted && contentStart == contentEnd
            break
        }
        // `i` is at the row's line feed, or at the end of the input.
        var row = Row()
        row.next = i < end ? i + 1 : end
        if blank {
            row.isBlank = true
            return row
        }
        if problem == nil {
            if field < fieldCount {
                var rowEnd = i
                if rowEnd > rowStart, p[rowEnd - 1] == carriageReturn { rowEnd -= 1 }
                problem = .tooFewFields(field, rowEnd: rowEnd)
            } else if field > fieldCount {
                problem = .tooManyFields(field, extraComma: extraComma)
            }
        }
        row.customer = Field(start: customerStart, end: customerEnd, escaped: customerEscaped, quoted: customerQuoted)
        row.time = Field(start: timeStart, end: timeEnd, quoted: timeQuoted)
        row.event = Field(start: eventStart, end: eventEnd, escaped: eventEscaped)
        row.innerLineBreaks = innerLineBreaks
        row.problem = problem
        return row
    }
}
