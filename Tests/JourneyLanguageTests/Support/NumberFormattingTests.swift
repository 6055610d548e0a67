import Testing

@testable import JourneyLanguage

@Suite struct NumberFormattingTests {
    @Test(arguments: [
        (5.0, 6, "5"), (-1.5, 6, "-1.5"), (0.125, 2, "0.13"), (-0.0001, 2, "0"), (2.5, 0, "3"),
        (100, 6, "100"), (0.1 + 0.2, 6, "0.3"), (1e20, 6, "1e+20"),
    ])
    func plain(value: Double, digits: Int, expected: String) {
        #expect(NumberFormatting.plain(value, maximumFractionDigits: digits) == expected)
    }
}
