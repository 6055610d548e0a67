/// Reads the time of an event from the bytes of a CSV field, in milliseconds since the epoch (UTC).
///
/// Two kinds of text are accepted, and nothing else:
///
/// - **ISO 8601**: `YYYY-MM-DDTHH:MM:SS`, with a `T`, a `t` or one space between date and
///   time, optional fractional seconds (a `.` and 1 to 9 digits, truncated to milliseconds),
///   and an optional zone: `Z` (or `z`), `±HH:MM`, `±HHMM` or `±HH`, offsets up to ±23:59.
///   **Without a zone the time is taken as UTC**: event logs are exported in UTC far more
///   often than in a local time the file does not name, and the reader must not depend on
///   the machine it runs on. Years run from 0001 to 9999; months, days (leap years included:
///   divisible by 4, except centuries not divisible by 400), hours (00–23), minutes and
///   seconds (00–59, so no leap second) are checked. A **date alone**, `YYYY-MM-DD`, is
///   midnight UTC of that day, as purchase logs often write it. Two-digit years, one-digit
///   months or days, week dates and ordinal dates are rejected.
/// - **Epoch seconds or milliseconds**: 1 to 15 ASCII digits, no sign. A value below
///   10^11 is seconds (10^11 seconds is the year 5138), a value of 10^11 or more is
///   milliseconds (10^11 ms is 1973-03-03): `1795446245` and `1795446245000` are the same
///   instant. Values past 9999-12-31T23:59:59.999Z are rejected. A date written without
///   dashes is such a number: `19970930` is 1970-08-20T03:28:50Z, not 1997-09-30.
///
/// Parsing is hand-written and allocation-free: about 12 ns a field, 8% of the time of reading
/// the benchmark's log (see EventLogReader.swift), before the reader kept a `DateMemo`.
/// `problem(_:)` explains a rejection, for diagnostics; it is slower and only runs on the error
/// path.
public enum Timestamp {
    /// The instant `bytes` writes, in milliseconds since 1970-01-01T00:00:00Z, or nil when
    /// it is not one of the accepted forms.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let base = bytes.baseAddress else { return nil }
        return parse(base, count: bytes.count)
    }

    /// The instant `text` writes, in milliseconds since the epoch; see `parse(_:)` for the forms.
    public static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Why `text` is not a timestamp, as a phrase that completes "'TEXT' is not a valid
    /// timestamp: …", or nil when it is one.
    public static func problem(_ text: some Collection<UInt8>) -> String? {
        let bytes = Array(text)
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress else { return Failure.empty.phrase }
            if case .failure(let failure) = outcome(base, count: buffer.count) {
                // The fast path only says that the form is unknown; the reason is worked out here.
                return (failure == .unknownForm ? Failure.shortDateField(bytes) : nil)?.phrase ?? failure.phrase
            }
            return nil
        }
    }

    /// The fast path of the reader: the instant written by `count` bytes at `start`.
    @inline(__always)
    static func parse(_ start: UnsafePointer<UInt8>, count: Int) -> Int64? {
        if case .success(let milliseconds) = outcome(start, count: count) {
            return milliseconds
        }
        return nil
    }

    /// The last date a reading thread parsed: the bytes `YYYY-MM-DD` and their day.
    ///
    /// Rows come roughly in time order (an export sorted by time, a collector's arrival order),
    /// so most rows repeat the date of the row before: a row whose first 10 bytes are the
    /// memo's is the same date, already checked, and only its time is read. Timestamps of the
    /// funnel benchmark's 1 M-row log took 249 instructions each without the memo and 137 with
    /// it, the whole `journey funnel` 1,243,015,850 instructions and then 1,156,918,448
    /// (callgrind); a log in no order costs two comparisons a row more.
    struct DateMemo {
        /// The first 8 bytes of the date and the last 2, as loaded from the text.
        fileprivate var head: UInt64
        fileprivate var tail: UInt16
        /// Its day, in days since 1970-01-01.
        fileprivate var days: Int64

        /// A memo of 1970-01-01: a real date, so that a text matching it is one.
        init() {
            let epochDay = Array("1970-01-01".utf8)
            head = epochDay.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            tail = epochDay.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 8, as: UInt16.self) }
            days = 0
        }

        fileprivate init(head: UInt64, tail: UInt16, days: Int64) {
            self.head = head
            self.tail = tail
            self.days = days
        }
    }

    /// The fast path of the reader with `memo` of the last date: the instant written by `count`
    /// bytes at `start`, exactly as `parse(_:count:)` reads it.
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, count n: Int, memo: inout DateMemo) -> Int64? {
        guard n >= 10 else {
            if case .success(let milliseconds) = outcome(p, count: n) { return milliseconds }
            return nil
        }
        let raw = UnsafeRawPointer(p)
        let head = raw.loadUnaligned(as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        var days = memo.days
        if head != memo.head || tail != memo.tail {
            guard p[4] == UInt8(ascii: "-") else {
                if case .success(let milliseconds) = epoch(p, count: n) { return milliseconds }
                return nil
            }
            guard case .success(let day) = isoDate(p) else { return nil }
            memo = DateMemo(head: head, tail: tail, days: day)
            days = day
        }
        if case .success(let milliseconds) = isoTime(p, count: n, days: days) { return milliseconds }
        return nil
    }

    // MARK: - Parsing

    /// The result of reading a timestamp: the instant in milliseconds, or why there is none.
    enum Outcome {
        case success(Int64)
        case failure(Failure)
    }

    /// What made a field fail to be a timestamp, described by `phrase`.
    enum Failure: Equatable {
        case empty
        case unknownForm
        /// A date such as `1997-9-30`, whose month or day has one digit; `padded` is the date
        /// with two, when that is a real date.
        case oneDigitMonthOrDay(padded: String?)
        case month(Int)
        case day(Int, month: Int, year: Int)
        case hour(Int)
        case minute(Int)
        case second(Int)
        case fraction
        case offset
        case trailingText
        case epochTooLarge

        var phrase: String {
            switch self {
            case .empty:
                return "it is empty"
            case .unknownForm:
                return "it is neither an ISO 8601 date or date and time nor a number of epoch seconds or milliseconds"
            case .oneDigitMonthOrDay(let padded):
                return "the month and the day take two digits each, as in \(padded ?? "2026-01-05")"
            case .month(let month):
                return "month \(month) does not exist"
            case .day(let day, let month, let year):
                let name = Failure.monthNames[month - 1]
                let days = Timestamp.daysIn(month: month, year: year)
                return day == 0 ? "day 0 does not exist" : "\(name) \(year) has \(days) days, not \(day)"
            case .hour(let hour):
                return "hour \(hour) is not between 00 and 23"
            case .minute(let minute):
                return "minute \(minute) is not between 00 and 59"
            case .second(let second):
                return "second \(second) is not between 00 and 59"
            case .fraction:
                return "fractional seconds need 1 to 9 digits after the '.'"
            case .offset:
                return "the time zone must be Z or an offset from -23:59 to +23:59, such as +01:00, -0530 or +02"
            case .trailingText:
                return "unexpected text after the time"
            case .epochTooLarge:
                return "the number is past the year 9999 even as milliseconds"
            }
        }

        /// The failure of a text that starts like a date of four-digit year whose month or day has
        /// one digit (`1997-9-30`, `1997-09-3T10:00:00Z`), up to the end or a byte that is not
        /// a digit; nil for any other text.
        static func shortDateField(_ bytes: [UInt8]) -> Failure? {
            /// The value of the digits at `start` and how many there are; nil for none or more than 2.
            func field(at start: Int) -> (value: Int, digits: Int)? {
                var index = start
                var value = 0
                while index < bytes.count, index - start < 3, let digit = Timestamp.digitValue(bytes[index]) {
                    value = value * 10 + digit
                    index += 1
                }
                return (1...2).contains(index - start) ? (value, index - start) : nil
            }
            guard bytes.count >= 8, (0..<4).allSatisfy({ Timestamp.digitValue(bytes[$0]) != nil }),
                bytes[4] == UInt8(ascii: "-"), let month = field(at: 5), bytes.count > 5 + month.digits,
                bytes[5 + month.digits] == UInt8(ascii: "-"), let day = field(at: 6 + month.digits),
                month.digits == 1 || day.digits == 1
            else { return nil }
            let year = bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            let isReal =
                year >= 1 && (1...12).contains(month.value) && day.value >= 1
                && day.value <= Timestamp.daysIn(month: month.value, year: year)
            let padded =
                isReal
                ? String(decoding: bytes[0..<5], as: UTF8.self) + twoDigits(month.value) + "-" + twoDigits(day.value)
                : nil
            return .oneDigitMonthOrDay(padded: padded)
        }

        private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

        private static let monthNames = [
            "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December",
        ]
    }

    /// 10^11: epoch values from here up are milliseconds, those below are seconds.
    static let millisecondsThreshold: Int64 = 100_000_000_000
    /// 9999-12-31T23:59:59.999Z in milliseconds: the latest instant accepted.
    static let latest: Int64 = 253_402_300_799_999

    @inline(__always)
    static func outcome(_ p: UnsafePointer<UInt8>, count n: Int) -> Outcome {
        guard n > 0 else { return .failure(.empty) }
        if n >= 10, p[4] == UInt8(ascii: "-") {
            return iso(p, count: n)
        }
        return epoch(p, count: n)
    }

    /// The value of the decimal digit `byte`, or nil; for the error path.
    static func digitValue(_ byte: UInt8) -> Int? {
        let value = digit(byte)
        return value < 10 ? value : nil
    }

    /// The value of the decimal digit `byte`, or a value of 10 or more when it is not one.
    @inline(__always)
    private static func digit(_ byte: UInt8) -> Int {
        Int(byte &- UInt8(ascii: "0"))
    }

    /// The number written by two digits at `p`, or nil.
    @inline(__always)
    private static func twoDigits(_ p: UnsafePointer<UInt8>) -> Int? {
        let a = digit(p[0])
        let b = digit(p[1])
        return a < 10 && b < 10 ? a * 10 + b : nil
    }

    private static func epoch(_ p: UnsafePointer<UInt8>, count n: Int) -> Outcome {
        guard n <= 15 else {
            for i in 0..<n where digit(p[i]) >= 10 { return .failure(.unknownForm) }
            return .failure(.epochTooLarge)
        }
        var value: Int64 = 0
        for i in 0..<n {
            let d = digit(p[i])
            guard d < 10 else { return .failure(.unknownForm) }
            value = value &* 10 &+ Int64(d)
        }
        if value < millisecondsThreshold {
            return .success(value * 1000)
        }
        return value <= latest ? .success(value) : .failure(.epochTooLarge)
    }

    private static func iso(_ p: UnsafePointer<UInt8>, count n: Int) -> Outcome {
        let date = isoDate(p)
        guard case .success(let days) = date else { return date }
        return isoTime(p, count: n, days: days)
    }

    /// The date `YYYY-MM-DD` of the first 10 bytes at `p`, in days since 1970-01-01.
    @inline(__always)
    private static func isoDate(_ p: UnsafePointer<UInt8>) -> Outcome {
        guard let yearHigh = twoDigits(p), let yearLow = twoDigits(p + 2), p[7] == UInt8(ascii: "-"),
            let month = twoDigits(p + 5), let day = twoDigits(p + 8)
        else {
            return .failure(.unknownForm)
        }
        let year = yearHigh * 100 + yearLow
        guard year >= 1 else { return .failure(.unknownForm) }
        guard month >= 1, month <= 12 else { return .failure(.month(month)) }
        guard day >= 1, day <= daysIn(month: month, year: year) else {
            return .failure(.day(day, month: month, year: year))
        }
        return .success(Int64(daysFromCivil(year: year, month: month, day: day)))
    }

    /// The instant written by the `n` bytes at `p`, whose first 10 are a valid date `days` days
    /// after 1970-01-01: midnight of it, or the time after it.
    @inline(__always)
    private static func isoTime(_ p: UnsafePointer<UInt8>, count n: Int, days: Int64) -> Outcome {
        // A date alone: midnight UTC. (n is 10 here: `outcome` sends nothing shorter.) It costs a
        // date and time nothing: `iso` ran 172,794,470 instructions (callgrind) on the benchmark's
        // 1M-row log before this branch returned a date, and the same number after.
        guard n > 10 else { return .success(days * 86_400_000) }
        // T, t or a space, then HH:MM:SS
        let separator = p[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else {
            return .failure(.unknownForm)
        }
        guard n >= 19, let hour = twoDigits(p + 11), p[13] == UInt8(ascii: ":"), let minute = twoDigits(p + 14),
            p[16] == UInt8(ascii: ":"), let second = twoDigits(p + 17)
        else {
            return .failure(.unknownForm)
        }
        guard hour <= 23 else { return .failure(.hour(hour)) }
        guard minute <= 59 else { return .failure(.minute(minute)) }
        guard second <= 59 else { return .failure(.second(second)) }
        var i = 19
        // .fff… (1 to 9 digits; milliseconds are the first three)
        var milliseconds = 0
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < n, digit(p[i]) < 10 {
                if i - start < 3 { milliseconds = milliseconds * 10 + digit(p[i]) }
                i += 1
            }
            let digits = i - start
            guard digits >= 1, digits <= 9 else { return .failure(.fraction) }
            if digits == 1 { milliseconds *= 100 } else if digits == 2 { milliseconds *= 10 }
        }
        // Zone: none (UTC), Z, ±HH, ±HHMM, ±HH:MM
        var offsetMinutes = 0
        if i < n {
            let zone = p[i]
            if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
                guard i + 1 == n else { return .failure(.trailingText) }
            } else if zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-") {
                let rest = n - i - 1
                let q = p + i + 1
                var hours = 0
                var minutes = 0
                switch rest {
                case 2:
                    guard let h = twoDigits(q) else { return .failure(.offset) }
                    hours = h
                case 4:
                    guard let h = twoDigits(q), let m = twoDigits(q + 2) else { return .failure(.offset) }
                    hours = h
                    minutes = m
                case 5:
                    guard let h = twoDigits(q), q[2] == UInt8(ascii: ":"), let m = twoDigits(q + 3) else {
                        return .failure(.offset)
                    }
                    hours = h
                    minutes = m
                default:
                    return .failure(.offset)
                }
                guard hours <= 23, minutes <= 59 else { return .failure(.offset) }
                offsetMinutes = (hours * 60 + minutes) * (zone == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return .failure(.trailingText)
            }
        }
        let seconds = ((days * 24 + Int64(hour)) * 60 + Int64(minute - offsetMinutes)) * 60 + Int64(second)
        return .success(seconds * 1000 + Int64(milliseconds))
    }

    // MARK: - Calendar

    /// Whether `year` of the proleptic Gregorian calendar has a February 29.
    @inline(__always)
    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1–12) of `year`.
    @inline(__always)
    static func daysIn(month: Int, year: Int) -> Int {
        if month == 2 { return isLeapYear(year) ? 29 : 28 }
        // 30 days hath September, April, June and November.
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31
    }

    /// Days from 1970-01-01 to a valid proleptic Gregorian date; negative before it.
    ///
    /// Howard Hinnant's `days_from_civil`: years start in March so that the leap day is last.
    @inline(__always)
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400  // [0, 399]
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1  // [0, 365]
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear  // [0, 146096]
        return era * 146_097 + dayOfEra - 719_468
    }
}
