import Testing

@testable import JourneyCustomers

/// Customers grouped by identical summaries: the fit's cost grows with the groups.
@Suite struct SummaryGroupsTests {
    static let summaries = [
        FrequencyRecency(frequency: 2, recency: 30, age: 90)!,
        FrequencyRecency(frequency: 0, recency: 0, age: 90)!,
        FrequencyRecency(frequency: 2, recency: 30, age: 90)!,
        FrequencyRecency(frequency: 0, recency: 0, age: 40)!,
        FrequencyRecency(frequency: 2, recency: 30, age: 90)!,
        FrequencyRecency(frequency: 1, recency: 30, age: 40)!,
    ]

    @Test func identicalSummariesAreOneGroupInAscendingOrder() {
        let groups = SummaryGroups(Self.summaries)
        #expect(groups.customers == 6)
        #expect(groups.count == 4)
        #expect(
            groups.summaries == [
                FrequencyRecency(frequency: 0, recency: 0, age: 40)!,
                FrequencyRecency(frequency: 0, recency: 0, age: 90)!,
                FrequencyRecency(frequency: 1, recency: 30, age: 40)!,
                FrequencyRecency(frequency: 2, recency: 30, age: 90)!,
            ])
        #expect(groups.counts == [1, 1, 1, 3])
    }

    @Test func distinctTimesAreNumberedOnce() {
        let groups = SummaryGroups(Self.summaries)
        #expect(groups.ages == [40, 90])
        #expect(groups.ageIndex == [0, 1, 0, 1])
        #expect(groups.recencies == [0, 30])
        #expect(groups.recencyIndex == [0, 0, 1, 1])
        #expect(groups.customersByFrequency == [2, 1, 3])
        #expect(groups.highestFrequency == 2)
    }

    @Test func theOrderOfTheCustomersDoesNotMatter() {
        let groups = SummaryGroups(Self.summaries)
        let reversed = SummaryGroups(Self.summaries.reversed() as [FrequencyRecency])
        #expect(groups.summaries == reversed.summaries)
        #expect(groups.counts == reversed.counts)
    }

    @Test func noCustomers() {
        let groups = SummaryGroups([])
        #expect(groups.customers == 0)
        #expect(groups.count == 0)
        #expect(groups.highestFrequency == -1)
    }
}
