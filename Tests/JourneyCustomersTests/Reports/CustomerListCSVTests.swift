import JourneyCustomers
import Testing

/// One row per customer, as `journey customers -o` writes it.
@Suite struct CustomerListCSVTests {
    @Test func everyCustomerHasARowWithTheReasonForTheLostFlag() {
        let histories = [
            CustomerHistory(id: "bo, \"the\" buyer", purchaseDays: [100, 140]),
            CustomerHistory(id: "al", purchaseDays: [100, 110, 120], recommendAnswer: 4),
            CustomerHistory(id: "cy", purchaseDays: [], contacted: true),
        ]
        // Own gaps: al 10, bo 40; the population's is their median, 25. At day 180 al is idle 60
        // days > 2 × 25 (his own gap is below the floor): lost; bo is idle 40 ≤ 2 × 40.
        let csv = CustomerListCSV.render(CustomerBase(histories: histories, asOf: 180))
        #expect(
            csv == """
                customer_id,category,rung,purchase_days,idle_days,own_gap_days,lost,recommend,reason\r
                al,lost,buyer,3,60,10,yes,4,usually every 25 days; idle 60 days > 2 × 25\r
                "bo, ""the"" buyer",client,buyer,2,40,40,no,,usually every 40 days; idle 40 days ≤ 2 × 40\r
                cy,prospect,prospect,0,,,no,,\r

                """)
    }
}
