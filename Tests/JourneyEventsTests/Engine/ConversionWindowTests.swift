import Testing

@testable import JourneyEvents

/// Reading `--window` values: whole numbers of days, hours, minutes or seconds.
@Suite struct ConversionWindowTests {
    static let accepted: [(String, Int64)] = [
        ("14d", 14 * 86_400_000), ("36h", 36 * 3_600_000), ("30m", 30 * 60_000), ("90s", 90_000),
        ("1d", 86_400_000), (" 7d\n", 7 * 86_400_000), ("0036h", 36 * 3_600_000),
    ]

    static let rejected: [(String, ConversionWindowError)] = [
        ("", .empty),
        ("   ", .empty),
        ("14", .missingUnit("14")),
        ("14w", .unknownUnit("14w")),
        ("30M", .unknownUnit("30M")),
        ("14 d", .unknownUnit("14 d")),
        ("14dd", .unknownUnit("14dd")),
        ("14ms", .unknownUnit("14ms")),
        ("1.5d", .notAWholeNumber("1.5d")),
        ("1,5d", .notAWholeNumber("1,5d")),
        ("d", .notAWholeNumber("d")),
        ("two days", .notAWholeNumber("two days")),
        ("+3d", .notAWholeNumber("+3d")),
        ("0d", .notPositive("0d")),
        ("0s", .notPositive("0s")),
        ("-3d", .notPositive("-3d")),
        ("1000001d", .tooLong("1000001d")),
        ("99999999999999999999s", .tooLong("99999999999999999999s")),
    ]

    @Test(arguments: accepted)
    func readsWholeUnits(text: String, milliseconds: Int64) throws {
        #expect(try ConversionWindow(parsing: text).milliseconds == milliseconds)
    }

    @Test func theDefaultIsFourteenDays() throws {
        #expect(ConversionWindow.default == (try ConversionWindow(parsing: "14d")))
        #expect(ConversionWindow.default.milliseconds == 1_209_600_000)
    }

    @Test(arguments: rejected)
    func rejects(text: String, error: ConversionWindowError) {
        #expect(throws: error) { try ConversionWindow(parsing: text) }
    }

    @Test func messagesSayWhatToWrite() {
        #expect(
            ConversionWindowError.missingUnit("14").description
                == "the conversion window '14' has no unit: write a whole number followed by d (days), h (hours), m (minutes) or s (seconds), such as 14d, 36h, 30m or 90s"
        )
        #expect(ConversionWindowError.notAWholeNumber("1.5d").description.hasSuffix("(1.5d is 36h)"))
        #expect(
            ConversionWindowError.notPositive("0d").description == "the conversion window '0d' must be longer than zero"
        )
        #expect(ConversionWindowError.tooLong("2000000d").description.contains("at most 1000000 days"))
    }

    @Test func writtenBackInTheLargestExactUnit() throws {
        #expect(try ConversionWindow(parsing: "14d").description == "14d")
        #expect(try ConversionWindow(parsing: "48h").description == "2d")
        #expect(try ConversionWindow(parsing: "36h").description == "36h")
        #expect(try ConversionWindow(parsing: "90s").description == "90s")
        #expect(try ConversionWindow(parsing: "120s").description == "2m")
        #expect(ConversionWindow(milliseconds: 1500)!.description == "1500ms")
    }

    @Test func builtFromNumbers() {
        #expect(ConversionWindow(milliseconds: 0) == nil)
        #expect(ConversionWindow(milliseconds: -1) == nil)
        #expect(ConversionWindow.hours(36) == ConversionWindow(milliseconds: 129_600_000))
        #expect(ConversionWindow.days(0) == nil)
        #expect(ConversionWindow.seconds(Int64.max) == nil)
        #expect(ConversionWindow.minutes(30)! < ConversionWindow.hours(1)!)
    }
}
