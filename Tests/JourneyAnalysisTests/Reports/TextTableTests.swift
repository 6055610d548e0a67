import Testing

@testable import JourneyAnalysis

/// A table laid out to a width: whole when it fits, else in parts that each repeat the names.
@Suite struct TextTableTests {
    private func table(names: [String] = ["Awareness", "Purchase"]) -> TextTable {
        var table = TextTable(
            headers: ["Stage", "Reach", "Conversion", "Experience", "Pains", "Control"],
            alignments: [.left, .right, .right, .left, .right, .right])
        table.groupStarts = [3, 5]
        for name in names {
            table.rows.append([name, "120,000", "25%", "+3 (+2 to +4)", "0", "37.5%"])
        }
        return table
    }

    @Test func aTableThatFitsIsRenderedWhole() {
        let table = table()
        #expect(table.rendered(width: 100) == table.rendered())
        let width = table.rendered().split(separator: "\n").map { TextTable.displayWidth(of: String($0)) }.max()
        #expect(width == 61)
        #expect(table.rendered(width: 61) == table.rendered())
    }

    @Test func aWiderTableIsSplitBetweenGroupsEachPartWithTheNames() {
        #expect(
            table().rendered(width: 50) == """
                Stage        Reach  Conversion
                ─────────  ───────  ──────────
                Awareness  120,000         25%
                Purchase   120,000         25%

                Stage      Experience     Pains  Control
                ─────────  ─────────────  ─────  ───────
                Awareness  +3 (+2 to +4)      0    37.5%
                Purchase   +3 (+2 to +4)      0    37.5%

                """)
    }

    @Test func aGroupTooWideForAPartGoesAColumnAtATime() {
        #expect(
            table().rendered(width: 30) == """
                Stage        Reach  Conversion
                ─────────  ───────  ──────────
                Awareness  120,000         25%
                Purchase   120,000         25%

                Stage      Experience
                ─────────  ─────────────
                Awareness  +3 (+2 to +4)
                Purchase   +3 (+2 to +4)

                Stage      Pains  Control
                ─────────  ─────  ───────
                Awareness      0    37.5%
                Purchase       0    37.5%

                """)
    }

    @Test func aNameWiderThanHalfTheWidthIsCutWithAnEllipsis() {
        let long = "Considers the offer after reading every review on three sites"
        let text = table(names: [long, "相談する顧客の長い名前です"]).rendered(width: 40)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { TextTable.displayWidth(of: String($0)) <= 40 }, "\(text)")
        #expect(lines[2] == "Considers the offer…  120,000")
        // A wide character is never cut in half: 9 of them take 18 cells, then `…`.
        #expect(lines[3] == "相談する顧客の長い…   120,000")
    }
}
