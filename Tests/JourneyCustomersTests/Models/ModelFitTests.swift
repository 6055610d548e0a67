import Foundation
import JourneyCustomers
import Testing

/// Fitting the models: the same bits whatever the order of the customers, the same answer in
/// any time unit, and a clear error for data that cannot identify a model.
@Suite struct ModelFitTests {
    static let summaries = SimulatedCustomers.summaries(SimulatedCustomers.histories(count: 2000))

    @Test(arguments: PurchaseModel.allCases)
    func theFitConvergesWithinItsTolerance(_ model: PurchaseModel) throws {
        let fit = try ModelFit.fit(model, to: SummaryGroups(Self.summaries))
        #expect(fit.gradient <= ModelFit.gradientTolerance)
        #expect(fit.customers == 2000)
        #expect(fit.logLikelihood.isFinite && fit.logLikelihood < 0)
    }

    @Test(arguments: PurchaseModel.allCases)
    func theOrderOfTheCustomersChangesNoBit(_ model: PurchaseModel) throws {
        var generator = SeededGenerator(seed: 3)
        let shuffled = Self.summaries.shuffled(using: &generator)
        let fit = try ModelFit.fit(model, to: SummaryGroups(Self.summaries))
        #expect(try ModelFit.fit(model, to: SummaryGroups(shuffled)) == fit)
    }

    /// Weeks instead of days: r, a and b are the same, alpha is a seventh (a rate per week is
    /// seven times one per day, and alpha is the inverse of a time), and the log-likelihood
    /// gains x ln 7 per customer (the density of each repeat purchase's time is 7 times larger).
    @Test(arguments: PurchaseModel.allCases)
    func theTimeUnitOnlyScalesAlpha(_ model: PurchaseModel) throws {
        let weeks = Self.summaries.map {
            FrequencyRecency(frequency: $0.frequency, recency: $0.recency / 7, age: $0.age / 7)!
        }
        let inDays = try ModelFit.fit(model, to: SummaryGroups(Self.summaries))
        let inWeeks = try ModelFit.fit(model, to: SummaryGroups(weeks))
        #expect(abs(inWeeks.parameters.r / inDays.parameters.r - 1) < 1e-6)
        #expect(abs(inWeeks.parameters.alpha * 7 / inDays.parameters.alpha - 1) < 1e-6)
        #expect(abs(inWeeks.parameters.a / inDays.parameters.a - 1) < 1e-6)
        #expect(abs(inWeeks.parameters.b / inDays.parameters.b - 1) < 1e-6)
        let repeatPurchases = Double(Self.summaries.map(\.frequency).reduce(0, +))
        #expect(abs(inWeeks.logLikelihood - inDays.logLikelihood - repeatPurchases * log(7)) < 1e-6)
    }

    static func error(_ model: PurchaseModel, _ summaries: [FrequencyRecency]) -> ModelFitError? {
        do {
            _ = try ModelFit.fit(model, to: SummaryGroups(summaries))
            return nil
        } catch {
            return error
        }
    }

    static func oneTimeBuyers(ages: [Double]) -> [FrequencyRecency] {
        ages.map { FrequencyRecency(frequency: 0, recency: 0, age: $0)! }
    }

    @Test(arguments: PurchaseModel.allCases)
    func degenerateDataIsAnErrorNotANumber(_ model: PurchaseModel) {
        #expect(Self.error(model, []) == .noCustomers)
        #expect(Self.error(model, [FrequencyRecency(frequency: 3, recency: 20, age: 30)!]) == .singleCustomer)
        // Everyone bought once, on the same day: by the as-of date itself, or 10 days before it.
        #expect(Self.error(model, Self.oneTimeBuyers(ages: [0, 0, 0])) == .allOnOneDay)
        #expect(Self.error(model, Self.oneTimeBuyers(ages: [10, 10])) == .allOnOneDay)
        #expect(Self.error(model, Self.oneTimeBuyers(ages: [10, 20, 30])) == .noRepeatBuyer(customers: 3))
    }

    @Test func dataThatPinsNothingDownIsAnError() {
        // Two customers who bought every 10 days to the as-of date: nobody ever seems to leave, so
        // the likelihood rises without end as the chance of leaving falls toward 0.
        let loyal = [
            FrequencyRecency(frequency: 3, recency: 30, age: 30)!,
            FrequencyRecency(frequency: 3, recency: 30, age: 30)!,
        ]
        let error = Self.error(.bgnbd, loyal)
        guard case .unbounded(.bgnbd, _, _) = error else {
            Issue.record("expected an unbounded fit, got \(String(describing: error))")
            return
        }
    }

    @Test func everyMessageNamesTheProblem() {
        #expect(
            ModelFitError.noCustomers.description
                == "no customer had bought by the as-of date: there is nothing to fit a model to")
        #expect(
            ModelFitError.singleCustomer.description
                == "a model of a customer base needs more than one customer, and only one had bought by the as-of date")
        #expect(
            ModelFitError.allOnOneDay.description
                == "every purchase by the as-of date is on the same day: nobody has bought again yet, "
                + "so nothing tells how often customers buy or when they leave")
        #expect(
            ModelFitError.noRepeatBuyer(customers: 3).description
                == "none of the 3 customers bought on two different days by the as-of date: "
                + "without repeat purchases, nothing tells how often customers buy or when they leave")
        #expect(
            ModelFitError.unbounded(.mbgnbd, parameter: "b", towardZero: false).description
                == "the MBG/NBD fit does not settle: its likelihood keeps rising as b grows without bound")
        #expect(
            ModelFitError.unbounded(.bgnbd, parameter: "a", towardZero: true).description
                == "the BG/NBD fit does not settle: its likelihood keeps rising as a falls toward 0")
        #expect(ModelFitError.noCustomers.help == "give an as-of date on or after the first purchase")
    }
}
