import JourneyTestSupport

@testable import JourneyLanguage

/// A journey with a customers block, rung stages and partners' levels, for the tests of every
/// format: each must carry them there and back.
enum LadderAndPartnersJourney {
    static let source = """
        journey "Loyalty"
        channel shop    owned
        channel courier partner "Courier" vcp profitability theirs credibility
        channel reviews earned vcp visibility
        customers
          recommend 0..10
          fan 4
          lost after 1.5x
        stage Purchase
          reach 1000
          target 40%
          event order_placed
          touchpoint "Pays" +2 via shop measured
        stage Repeat
          reach 400
          target 30%
          rung buyer
          touchpoint "Orders again" +3 via courier
        stage Advocate
          reach 120
          rung sponsor
          touchpoint "Writes a review" +4 via reviews
        """

    /// The journey, checked; a test fails when it is not clean.
    static var journey: Journey {
        let result = check(source, name: "loyalty.journey")
        precondition(result.diagnostics.isEmpty, rendered(result.diagnostics))
        return result.journey
    }
}
