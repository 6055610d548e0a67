import JourneyTestSupport
import Testing

@testable import JourneyLanguage

/// The `customers` block: what it sets, and one test per message at its exact line and column.
@Suite struct CustomersBlockTests {
    @Test func theBlockSetsTheRulesOfJourneyCustomers() {
        let result = check(
            header + """
                customers
                  recommend 0..10
                  fan 4
                  lost after 1.5x
                stage A
                  touchpoint "Pays" +1 via site
                """)
        #expect(result.diagnostics.isEmpty, "\(rendered(result.diagnostics))")
        #expect(
            result.journey.customers
                == RelationshipRules(lostAfter: 1.5, fanPurchaseDays: 4, recommendScale: .fromZero))
    }

    @Test func anItemLeftOutKeepsItsDefault() {
        let result = check(
            header + """
                customers
                    fan 3   # indentation is free
                stage A
                  touchpoint "Pays" +1 via site
                """)
        #expect(result.diagnostics.isEmpty, "\(rendered(result.diagnostics))")
        #expect(result.journey.customers == RelationshipRules(lostAfter: 2, fanPurchaseDays: 3))
    }

    @Test func anEmptyBlockMeansTheDefaultsAndNoBlockMeansNone() {
        #expect(check(header + "customers\n").journey.customers == RelationshipRules())
        #expect(check(header).journey.customers == nil)
    }

    @Test func aRepeatedBlockIsReportedAndItsItemsAreNotKept() {
        let source = """
            journey "Test"
            customers
              fan 4
            2️⃣customers
              fan 6
            """
        expectDiagnostics(
            source,
            [
                .init(
                    marker: 2, code: "repeated-statement", message: "the file has a second 'customers' block",
                    helpContains: "line 2")
            ])
        #expect(check(MarkedText(source).text).journey.customers?.fanPurchaseDays == 4)
    }

    @Test func theBlockMustComeBeforeTheFirstStage() {
        let source =
            header + """
                stage A
                  touchpoint "Pays" +1 via site
                1️⃣customers
                  fan 4
                """
        expectDiagnostics(
            source,
            [
                .init(
                    marker: 1, code: "statement-out-of-place",
                    message: "the 'customers' block must come before the first stage")
            ])
        #expect(check(MarkedText(source).text).journey.customers == nil)
    }

    @Test func anItemOutsideTheBlockIsOutOfPlace() {
        expectDiagnostics(
            header + """
                1️⃣fan 4
                customers
                  recommend 1..10
                channel shop owned
                  2️⃣lost after 3x
                stage A
                  touchpoint "Pays" +1 via site
                  3️⃣recommend 0..10
                """,
            [
                .init(
                    marker: 1, code: "statement-out-of-place", message: "'fan' belongs in the 'customers' block",
                    helpContains: "right below a 'customers' line"),
                .init(marker: 2, code: "statement-out-of-place", message: "'lost' belongs in the 'customers' block"),
                .init(
                    marker: 3, code: "statement-out-of-place", message: "'recommend' belongs in the 'customers' block"),
            ])
    }

    @Test func aRepeatedItem() {
        expectDiagnostics(
            header + """
                customers
                  fan 4
                  lost after 2x
                  1️⃣fan 5
                """,
            [
                .init(
                    marker: 1, code: "repeated-statement", message: "the 'customers' block has 'fan' twice",
                    helpContains: "line 5")
            ])
    }

    @Test func aRecommendScaleOtherThanOneOrZeroToTen() {
        expectDiagnostics(
            header + """
                customers
                  recommend 1️⃣2..10
                  recommend 2️⃣1..5
                  recommend 3️⃣"1..10"
                  recommend4️⃣
                """,
            [
                .init(
                    marker: 1, code: "invalid-recommend-scale",
                    message: "the recommend scale '2..10' is neither 1..10 nor 0..10", helpContains: "from 0 to 10"),
                .init(marker: 2, code: "invalid-recommend-scale"),
                .init(
                    marker: 3, code: "invalid-recommend-scale",
                    message: #"the recommend scale '"1..10"' is neither 1..10 nor 0..10"#),
                .init(marker: 4, code: "missing-argument", message: "'recommend' needs a scale, 1..10 or 0..10"),
            ])
    }

    @Test func aFanThresholdBelowTwoOrNotAWholeNumber() {
        expectDiagnostics(
            header + """
                customers
                  fan 1️⃣1
                  fan 2️⃣2.5
                  fan 3️⃣five
                """,
            [
                .init(
                    marker: 1, code: "invalid-fan-threshold",
                    message: "'fan' needs a whole number of purchase days of 2 or more, found '1'",
                    helpContains: "fan 5"),
                .init(marker: 2, code: "invalid-fan-threshold"),
                .init(marker: 3, code: "invalid-fan-threshold"),
            ])
    }

    @Test func lostNeedsAfterThenAPositiveNumberOfGaps() {
        expectDiagnostics(
            header + """
                customers
                  lost 1️⃣2x
                  lost after 2️⃣2
                  lost after 3️⃣0x
                  lost after 4️⃣1,5x
                  lost after5️⃣
                  lost after 3x 6️⃣gaps
                """,
            [
                .init(
                    marker: 1, code: "malformed-argument",
                    message: "'lost' needs 'after' before the number of gaps, found '2x'",
                    helpContains: "lost after 2x"),
                .init(
                    marker: 2, code: "invalid-lost-after", message: "'2' is not a positive number of gaps",
                    helpContains: "did you mean 2x?"),
                .init(marker: 3, code: "invalid-lost-after", helpContains: "lost after 1.5x"),
                .init(marker: 4, code: "malformed-argument", helpContains: "1.5x"),
                .init(marker: 5, code: "missing-argument", message: "'lost after' needs a number of gaps"),
                .init(marker: 6, code: "unexpected-argument"),
            ])
    }

    @Test func aMisspeltItemSuggestsTheKeyword() {
        expectDiagnostics(
            header + """
                customers
                  1️⃣recomend 1..10
                  fan 4
                """,
            [.init(marker: 1, code: "unknown-keyword", helpContains: "did you mean 'recommend'?")])
    }

    @Test func anUnknownLineDoesNotCloseTheBlock() {
        // One mistake, one message: the misspelt line is reported, and `fan` still belongs to the block.
        let result = check(
            header + """
                customers
                  recomend 1..10
                  fan 4
                """)
        #expect(result.diagnostics.map(\.code) == ["unknown-keyword"])
        #expect(result.journey.customers?.fanPurchaseDays == 4)
    }

    @Test func customersTakesNoArgument() {
        expectDiagnostics(
            header + """
                customers 1️⃣fan 4
                """, [.init(marker: 1, code: "unexpected-argument")])
    }
}
