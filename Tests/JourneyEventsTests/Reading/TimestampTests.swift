import Testing

@testable import JourneyEvents

/// Every accepted timestamp form, and every rejection, in milliseconds since the epoch.
@Suite struct TimestampTests {
    /// 2026-11-23T15:04:05Z.
    private let instant: Int64 = 1_795_446_245_000

    @Test(arguments: [
        ("2026-11-23T15:04:05Z", 0),
        ("2026-11-23T15:04:05z", 0),
        ("2026-11-23t15:04:05Z", 0),
        ("2026-11-23 15:04:05Z", 0),
        ("2026-11-23T15:04:05", 0),  // no zone: UTC
        ("2026-11-23 15:04:05", 0),
        ("2026-11-23T15:04:05.123Z", 123),
        ("2026-11-23T15:04:05.1Z", 100),
        ("2026-11-23T15:04:05.12Z", 120),
        ("2026-11-23T15:04:05.123456789Z", 123),  // truncated, not rounded
        ("2026-11-23T15:04:05.999999Z", 999),
        ("2026-11-23T16:04:05+01:00", 0),
        ("2026-11-23T16:04:05+0100", 0),
        ("2026-11-23T16:04:05+01", 0),
        ("2026-11-23T09:34:05-0530", 0),
        ("2026-11-23T09:34:05-05:30", 0),
        ("2026-11-23T15:04:05+00:00", 0),
        ("2026-11-23T15:04:05-00:00", 0),
        ("2026-11-24T14:04:05.250+23:00", 250),
        ("2026-11-23T16:04:05.5+01:00", 500),
    ])
    func isoForms(text: String, extraMilliseconds: Int64) {
        #expect(Timestamp.parse(text) == instant + extraMilliseconds)
    }

    @Test func epochSecondsAndMillisecondsAreToldApartByMagnitude() {
        #expect(Timestamp.parse("1795446245") == instant)
        #expect(Timestamp.parse("1795446245000") == instant)
        #expect(Timestamp.parse("1795446245123") == instant + 123)
        // Below 10^11 is seconds, from 10^11 up milliseconds.
        #expect(Timestamp.parse("99999999999") == 99_999_999_999_000)
        #expect(Timestamp.parse("100000000000") == 100_000_000_000)
        #expect(Timestamp.parse("0") == 0)
        #expect(Timestamp.parse("0001795446245") == instant)
        // The last millisecond of 9999, and one past it.
        #expect(Timestamp.parse("253402300799999") == 253_402_300_799_999)
        #expect(Timestamp.parse("253402300800000") == nil)
        #expect(Timestamp.parse("1234567890123456") == nil)
    }

    @Test func calendarEdges() {
        #expect(Timestamp.parse("1970-01-01T00:00:00Z") == 0)
        #expect(Timestamp.parse("1969-12-31T23:59:59.999Z") == -1)
        #expect(Timestamp.parse("2000-03-01T00:00:00Z") == 951_868_800_000)
        #expect(Timestamp.parse("2024-02-29T00:00:00Z") == 1_709_164_800_000)  // leap year
        #expect(Timestamp.parse("2000-02-29T00:00:00Z") == 951_782_400_000)  // divisible by 400
        #expect(Timestamp.parse("2026-12-31T23:59:59Z") == 1_798_761_599_000)
        #expect(Timestamp.parse("0001-01-01T00:00:00Z") == -62_135_596_800_000)
        #expect(Timestamp.parse("9999-12-31T23:59:59.999Z") == 253_402_300_799_999)
        // The offset moves the instant across midnight and across the year.
        #expect(Timestamp.parse("2027-01-01T00:30:00+01:00") == 1_798_759_800_000)
    }

    @Test(arguments: [
        ("1970-01-01", 0),
        ("1997-09-30", 875_577_600_000),  // a CDNOW purchase day
        ("2026-11-23", 1_795_392_000_000),
        ("2024-02-29", 1_709_164_800_000),  // leap year
        ("2000-02-29", 951_782_400_000),  // a century divisible by 400
        ("1969-12-31", -86_400_000),
        ("0001-01-01", -62_135_596_800_000),
        ("9999-12-31", 253_402_214_400_000),
    ])
    func aDateAloneIsMidnightUTC(text: String, milliseconds: Int64) {
        #expect(Timestamp.parse(text) == milliseconds)
        #expect(Timestamp.parse(text) == Timestamp.parse(text + "T00:00:00Z"))
        #expect(Timestamp.problem(Array(text.utf8)) == nil)
    }

    @Test func aDateAloneParsesFromABufferSliceThatDoesNotEndTheBytes() {
        // The field's end, not the bytes' end, ends the date: the time after it is another field.
        let bytes = Array("ana,1997-09-30,12:00:00Z".utf8)
        let value = bytes.withUnsafeBufferPointer { Timestamp.parse(UnsafeBufferPointer(rebasing: $0[4..<14])) }
        #expect(value == 875_577_600_000)
    }

    @Test func everyDayOfEveryMonthAgreesWithCountingDays() {
        // Walks 1999–2001 and 2099–2101 day by day: leap years, centuries, month lengths.
        for startYear in [1999, 2099] {
            var expected = Int64(Timestamp.parse(String(format4(startYear)) + "-01-01T00:00:00Z")!)
            for year in startYear...(startYear + 2) {
                for month in 1...12 {
                    let days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
                    for day in 1...days {
                        let text = "\(format4(year))-\(format2(month))-\(format2(day))T00:00:00Z"
                        #expect(Timestamp.parse(text) == expected, "\(text)")
                        let date = String(text.prefix(10))
                        #expect(Timestamp.parse(date) == expected, "\(date)")
                        expected += 86_400_000
                    }
                    let past = "\(format4(year))-\(format2(month))-\(format2(days + 1))T00:00:00Z"
                    #expect(Timestamp.parse(past) == nil, "\(past)")
                    #expect(Timestamp.parse(String(past.prefix(10))) == nil, "\(past.prefix(10))")
                }
            }
        }
    }

    @Test(arguments: [
        ("", "it is empty"),
        // Dates alone are checked as strictly as dates with a time.
        ("2026-02-29", "February 2026 has 28 days, not 29"),
        ("1900-02-29", "February 1900 has 28 days, not 29"),
        ("2100-02-29", "February 2100 has 28 days, not 29"),
        ("2026-04-31", "April 2026 has 30 days, not 31"),
        ("2026-11-00", "day 0 does not exist"),
        ("2026-13-01", "month 13 does not exist"),
        ("0000-01-01", "neither an ISO 8601"),
        // One-digit months and days: the reason shows the date with two digits each.
        ("1997-9-30", "the month and the day take two digits each, as in 1997-09-30"),
        ("1997-09-3", "the month and the day take two digits each, as in 1997-09-03"),
        ("1997-9-3", "the month and the day take two digits each, as in 1997-09-03"),
        ("1997-9-30T10:00:00Z", "the month and the day take two digits each, as in 1997-09-30"),
        ("1997-09-3 10:00:00", "the month and the day take two digits each, as in 1997-09-03"),
        ("1997-2-30", "the month and the day take two digits each, as in 2026-01-05"),
        ("1997-9-300", "neither an ISO 8601"),
        ("1997-123-1", "neither an ISO 8601"),
        ("97-9-30", "neither an ISO 8601"),
        // A date followed by anything but a time.
        ("1997-09-30 ", "neither an ISO 8601"),
        ("1997-09-30x", "neither an ISO 8601"),
        ("1997-09-30Z", "neither an ISO 8601"),
        ("1997-09-30T", "neither an ISO 8601"),
        ("1997-09-30 12:00", "neither an ISO 8601"),
        ("1997-09-301", "neither an ISO 8601"),
        ("1997-09-30+01:00", "neither an ISO 8601"),
        ("19970930x", "neither an ISO 8601"),
        ("2026-02-29T10:00:00Z", "February 2026 has 28 days, not 29"),
        ("2100-02-29T10:00:00Z", "February 2100 has 28 days, not 29"),
        ("2026-04-31T10:00:00Z", "April 2026 has 30 days, not 31"),
        ("2026-01-00T10:00:00Z", "day 0 does not exist"),
        ("2026-13-01T10:00:00Z", "month 13 does not exist"),
        ("2026-00-01T10:00:00Z", "month 0 does not exist"),
        ("2026-11-23T24:00:00Z", "hour 24 is not between 00 and 23"),
        ("2026-11-23T23:60:00Z", "minute 60 is not between 00 and 59"),
        ("2026-11-23T23:59:60Z", "second 60 is not between 00 and 59"),
        ("2026-11-23T15:04:05+24:00", "the time zone must be"),
        ("2026-11-23T15:04:05+01:60", "the time zone must be"),
        ("2026-11-23T15:04:05+1:00", "the time zone must be"),
        ("2026-11-23T15:04:05+01:0", "the time zone must be"),
        ("2026-11-23T15:04:05+", "the time zone must be"),
        ("2026-11-23T15:04:05 +01:00", "unexpected text after the time"),
        ("2026-11-23T15:04:05ZZ", "unexpected text after the time"),
        ("2026-11-23T15:04:05UTC", "unexpected text after the time"),
        ("2026-11-23T15:04:05.Z", "fractional seconds need 1 to 9 digits"),
        ("2026-11-23T15:04:05.1234567890Z", "fractional seconds need 1 to 9 digits"),
        ("2026-11-23T15:04Z", "neither an ISO 8601"),
        ("2026-11-23X15:04:05Z", "neither an ISO 8601"),
        ("2026-11-23T15-04-05Z", "neither an ISO 8601"),
        ("26-11-23T15:04:05Z", "neither an ISO 8601"),
        ("0000-01-01T00:00:00Z", "neither an ISO 8601"),
        ("2026/11/23 15:04:05", "neither an ISO 8601"),
        ("23/11/2026", "neither an ISO 8601"),
        ("1795446245.5", "neither an ISO 8601"),
        ("-1795446245", "neither an ISO 8601"),
        ("+1795446245", "neither an ISO 8601"),
        (" 1795446245", "neither an ISO 8601"),
        ("1795446245 ", "neither an ISO 8601"),
        ("yesterday", "neither an ISO 8601"),
        ("9999999999999999", "past the year 9999"),
    ])
    func rejections(text: String, reason: String) {
        #expect(Timestamp.parse(text) == nil)
        let problem = Timestamp.problem(Array(text.utf8))
        #expect(problem?.contains(reason) == true, "\(problem ?? "nil")")
    }

    @Test func theReadersDateMemoChangesNoAnswer() {
        // Texts that share a date with the one before, or its first bytes, or none; valid or not.
        let texts = [
            "2026-11-23T15:04:05Z", "2026-11-23T15:04:06Z", "2026-11-23", "2026-11-23T24:00:00Z", "2026-11-23 15:04:05",
            "2026-11-23X15:04:05Z", "2026-11-23T15:04:05+01:00", "2026-11-24T00:00:00Z", "2026-11-23T15:04:05Z",
            "2026-02-29T10:00:00Z", "2026-02-28T10:00:00Z", "1795446245", "1795446245000", "2026-11-23T15:04:05.5Z",
            "1970-01-01", "1970-01-01T00:00:00Z", "1970-01-0", "1970-01-01x", "", "0", "2026-11-23T",
            "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}", "2026-11-23T15:04:05ZZ", "2026-11-2315:04:05",
        ]
        var generator = SystemRandomNumberGenerator()
        for order in [texts, texts.reversed(), texts.shuffled(using: &generator), texts.shuffled(using: &generator)] {
            var memo = Timestamp.DateMemo()
            for text in order {
                let bytes = Array(text.utf8)
                let withMemo = bytes.withUnsafeBufferPointer { buffer in
                    Timestamp.parse(
                        buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: buffer.count, memo: &memo)
                }
                #expect(withMemo == Timestamp.parse(text), "\(text) after \(order)")
            }
        }
    }

    @Test func problemIsNilForAValidTimestamp() {
        #expect(Timestamp.problem(Array("2026-11-23T15:04:05Z".utf8)) == nil)
    }

    @Test func parsesFromABufferSlice() {
        let bytes = Array("x,2026-11-23T15:04:05Z,y".utf8)
        let value = bytes.withUnsafeBufferPointer { Timestamp.parse(UnsafeBufferPointer(rebasing: $0[2..<22])) }
        #expect(value == instant)
    }

    private func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }
    private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private func format4(_ value: Int) -> String {
        String(repeating: "0", count: 4 - String(value).count) + String(value)
    }
}
