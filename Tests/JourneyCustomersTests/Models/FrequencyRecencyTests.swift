import JourneyCustomers
import Testing

/// The triple the models read: repeat purchase days x, recency t_x and age T.
@Suite struct FrequencyRecencyTests {
    @Test func fromPurchaseDays() {
        // Bought on days 10, 15 and 40; at day 100: x = 2, t_x = 40 − 10 = 30, T = 100 − 10 = 90.
        #expect(
            FrequencyRecency(purchaseDays: [10, 15, 40], asOf: 100)
                == FrequencyRecency(frequency: 2, recency: 30, age: 90))
        // Day 40 is after the as-of date 20: ignored.
        #expect(
            FrequencyRecency(purchaseDays: [10, 15, 40], asOf: 20)
                == FrequencyRecency(frequency: 1, recency: 5, age: 10))
        // A one-time buyer: no repeat purchase, recency 0; bought on the as-of date itself: age 0.
        #expect(FrequencyRecency(purchaseDays: [10], asOf: 10) == FrequencyRecency(frequency: 0, recency: 0, age: 0))
    }

    @Test func noPurchaseByTheAsOfDateHasNoSummary() {
        #expect(FrequencyRecency(purchaseDays: [], asOf: 100) == nil)
        #expect(FrequencyRecency(purchaseDays: [101], asOf: 100) == nil)
    }

    @Test func impossibleFiguresAreRefused() {
        #expect(FrequencyRecency(frequency: -1, recency: 0, age: 5) == nil)
        #expect(FrequencyRecency(frequency: 1, recency: 6, age: 5) == nil, "recency after the as-of date")
        #expect(FrequencyRecency(frequency: 1, recency: 0, age: 5) == nil, "a repeat purchase takes time")
        #expect(FrequencyRecency(frequency: 0, recency: 2, age: 5) == nil, "a recency without a repeat purchase")
        #expect(FrequencyRecency(frequency: 0, recency: 0, age: .infinity) == nil)
        #expect(FrequencyRecency(frequency: 0, recency: 0, age: -1) == nil)
    }
}
