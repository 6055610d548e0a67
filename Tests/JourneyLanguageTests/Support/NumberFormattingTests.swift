import JourneyTestSupport
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

    /// `plain` spelled out on text: the value scaled and rounded half away from zero, the digits
    /// split at the decimal point, the trailing zeros and a bare point dropped.
    static func plainOnText(_ value: Double, maximumFractionDigits digits: Int) -> String {
        let scale = (0..<digits).reduce(1.0) { scale, _ in scale * 10 }
        guard value.isFinite, abs(value) * scale < 9e18 else { return "\(value)" }
        let scaled = Int64((abs(value) * scale).rounded(.toNearestOrAwayFromZero))
        var text = String(scaled)
        if text.count <= digits { text = String(repeating: "0", count: digits + 1 - text.count) + text }
        text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        while text.last == "0" && text.contains(".") { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return (value < 0 && scaled != 0 ? "-" : "") + text
    }

    @Test func aShareBelowItsBoundIsNeverRoundedUpToIt() {
        // 54.955% against 55%: one decimal would say 55%.
        #expect(NumberFormatting.percent(0.549_55, below: 0.55) == "54.96%")
        #expect(NumberFormatting.percent(0.549_99, below: 0.55) == "54.999%")
        #expect(NumberFormatting.percent(0.549_999_99, below: 0.55) == "54.9999%")
        // Far enough below, or at or above the bound, or no bound: as percent(_:) writes it.
        #expect(NumberFormatting.percent(0.379_12, below: 0.45) == "37.9%")
        #expect(NumberFormatting.percent(0.55, below: 0.55) == "55%")
        #expect(NumberFormatting.percent(0.56, below: 0.55) == "56%")
        #expect(NumberFormatting.percent(0.549_55, below: .infinity) == "55%")
    }

    @Test func aShareAboveItsBoundIsNeverRoundedDownToIt() {
        // A shortfall of 0.004% of the target is not "0% below target".
        #expect(NumberFormatting.percent(0.000_04, above: 0) == "0.004%")
        #expect(NumberFormatting.percent(0.000_000_1, above: 0) == "0.0001%")
        #expect(NumberFormatting.percent(0.158, above: 0) == "15.8%")
        #expect(NumberFormatting.percent(0, above: 0) == "0%")
    }

    @Test func aTinyShareIsACountNeverZeroPercent() {
        #expect(NumberFormatting.share(1, of: 3_000) == "1 in 3,000 (0.03%)")
        #expect(NumberFormatting.share(3, of: 1_000_000) == "1 in 333,333 (0.0003%)")
        #expect(NumberFormatting.share(22, of: 1_000) == "2.2%")
        #expect(NumberFormatting.share(10, of: 1_000) == "1%")
        #expect(NumberFormatting.share(0, of: 1_000) == "0%")
        #expect(NumberFormatting.share(5, of: 0) == "0%")
    }

    @Test func pointsAreReadOffTheTwoPercentagesShown() {
        // 37.9% against 45%: 7.1 points, whatever the digits behind the 37.9.
        #expect(NumberFormatting.points(0.379_12, below: 0.45) == "7.1 points")
        // 54.955% is shown as 54.96%: 0.04 points below 55%, not 0.045 rounded to 0.05.
        #expect(NumberFormatting.points(0.549_55, below: 0.55) == "0.04 points")
        #expect(NumberFormatting.points(0.44, below: 0.45) == "1 point")
        #expect(NumberFormatting.points(0.3, below: 0.455) == "15.5 points")
    }

    @Test func bytesSpellTheNumberAsText() {
        var random = SplitMix64(seed: 7)
        let special: [Double] = [0, -0.0, 0.005, -0.005, 0.015, 1.005, 9.995, 1e15, -1e17, 9.2e18, .infinity, .nan]
        let values =
            special
            + (0..<20_000).map { index in
                let magnitude = Double.random(in: 0..<1, using: &random) * [1, 10, 1_000, 1e6, 1e12][index % 5]
                return index.isMultiple(of: 2) ? magnitude : -magnitude
            }
        for value in values {
            for digits in [0, 1, 2, 6, 9] {
                #expect(
                    NumberFormatting.plain(value, maximumFractionDigits: digits)
                        == Self.plainOnText(value, maximumFractionDigits: digits), "\(value), \(digits)")
            }
        }
    }

    @Test func exactReadsBackAsTheSameNumberWithoutAnExponent() {
        var random = SplitMix64(seed: 11)
        let special: [Double] = [
            0, 1, -1, 0.1, 1e-10, -1e-12, 123_456.789, 1e20, -9.2e18, 5e-324, .greatestFiniteMagnitude,
            33.33333333333333, 0.000000000001,
        ]
        let values =
            special
            + (0..<5_000).map { index in
                let magnitude = Double.random(in: 0..<1, using: &random) * [1e-12, 1e-3, 1, 1e6, 1e19][index % 5]
                return index.isMultiple(of: 2) ? magnitude : -magnitude
            }
        for value in values {
            let text = NumberFormatting.exact(value)
            #expect(Double(text) == value, "\(value) → \(text)")
            #expect(!text.contains("e") && !text.contains("E"), "\(value) → \(text)")
        }
        #expect(NumberFormatting.exact(1e-10) == "0.0000000001")
        #expect(NumberFormatting.exact(-1.25e3) == "-1250")
        #expect(NumberFormatting.exact(2) == "2")
    }

    @Test func anExactPercentDividedBy100GivesTheSameRatio() {
        var random = SplitMix64(seed: 13)
        let written =
            ["0.0000000001", "33.33333333333333", "12.5", "0.1", "99.99999999999", "7"]
            + (0..<5_000).map { _ in String(Double.random(in: 0..<100, using: &random)) }
        for text in written {
            let ratio = Double(text)! / 100
            let percent = NumberFormatting.exactPercent(ratio)
            #expect(Double(percent).map { $0 / 100 } == ratio, "\(text) → \(percent)")
        }
        #expect(NumberFormatting.exactPercent(0.25) == "25")
    }

    @Test func groupedRoundingIsTotal() {
        #expect(NumberFormatting.grouped(rounding: 1234.5) == "1,235")
        #expect(NumberFormatting.grouped(rounding: -999.4) == "-999")
        #expect(NumberFormatting.grouped(rounding: 9_223_372_036_854_775_807) == "9,223,372,036,854,776,000")
        #expect(NumberFormatting.grouped(rounding: 1e20) == "100,000,000,000,000,000,000")
        #expect(NumberFormatting.grouped(rounding: -.infinity) == "-inf")
    }
}
