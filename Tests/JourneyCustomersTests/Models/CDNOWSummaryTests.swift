import Foundation
import JourneyCustomers
import JourneyTestSupport
import Testing

/// The 2,357-customer CDNOW summary in weeks that Fader, Hardie and Lee fit BG/NBD to, or nil
/// when it has not been fetched.
enum CDNOWSummary {
    static let summaries: [FrequencyRecency]? = {
        let url = Repository.root.appendingPathComponent(".data/cdnow/cdnow_customers_summary.csv")
        // Absent is the expected case on a machine without the data: the suite then skips.
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
        // `ID,frequency,recency,T`, then one customer a line.
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let fields = line.split(separator: ",")
            guard fields.count == 4, let frequency = Int(fields[1]), let recency = Double(fields[2]),
                let age = Double(fields[3]),
                let summary = FrequencyRecency(frequency: frequency, recency: recency, age: age)
            else { fatalError("not a summary line: \(line)") }
            return summary
        }
    }()
}

/// BG/NBD fitted to the CDNOW summary gives the parameters and log-likelihood of Fader, Hardie
/// and Lee (2005), which `lifetimes` tests against too.
///
/// `scripts/fetch-cdnow.sh` puts the summary in `.data/cdnow/`; without it these tests skip.
@Suite(.enabled(if: CDNOWSummary.summaries != nil, "no CDNOW summary: run scripts/fetch-cdnow.sh"))
struct CDNOWSummaryTests {
    static let groups = SummaryGroups(CDNOWSummary.summaries ?? [])

    @Test func theSummaryHasEveryCustomer() {
        #expect(Self.groups.customers == 2357)
    }

    @Test func bgnbdGivesThePublishedParameters() throws {
        let fit = try ModelFit.fit(.bgnbd, to: Self.groups)
        #expect(fit.distinctSummaries == 1016)
        #expect(abs(fit.parameters.r - 0.2426) < 1e-3)
        #expect(abs(fit.parameters.alpha - 4.4135) < 1e-3)
        #expect(abs(fit.parameters.a - 0.7929) < 1e-3)
        #expect(abs(fit.parameters.b - 2.4258) < 1e-3)
        #expect(abs(fit.logLikelihood - -9582.43) < 0.01)
    }

    /// P(alive) at the published parameters, worked out by hand for three CDNOW customers.
    ///
    /// P(alive) = 1 / (1 + a / (b + x − 1) · ((α + T) / (α + t))^(r + x)) for customers 1, 2 and
    /// 7, with T = 38.86 weeks for them all:
    ///
    /// - customer 1, x = 2, t = 30.43: a / (b + 1) = 0.7929 / 3.4258 = 0.231450;
    ///   (α + T) / (α + t) = 43.2735 / 34.8435 = 1.241939, to the power 2.2426: 1.625658;
    ///   1 / (1 + 0.231450 × 1.625658) = 1 / 1.376258 = 0.726608.
    /// - customer 2, x = 1, t = 1.71: a / b = 0.326861; 43.2735 / 6.1235 = 7.066792, to the power
    ///   1.2426: 11.356477; 1 / (1 + 3.711992) = 0.212224: one purchase a week after the first,
    ///   then nothing for 37 weeks.
    /// - customer 7, x = 1, t = 5: 43.2735 / 9.4135 = 4.596962, to the power 1.2426: 6.655587;
    ///   1 / (1 + 0.326861 × 6.655587) = 1 / 3.175453 = 0.314916.
    /// - a one-time buyer (customer 3): 1, whatever T.
    @Test func aliveProbabilitiesWorkedOutByHand() {
        let published = ModelParameters(r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258)
        let cases: [(x: Int, t: Double, alive: Double)] = [(2, 30.43, 0.726608), (1, 1.71, 0.212224), (1, 5, 0.314916)]
        for (x, t, alive) in cases {
            let summary = FrequencyRecency(frequency: x, recency: t, age: 38.86)!
            #expect(abs(PurchaseModel.bgnbd.aliveProbability(summary, published) - alive) < 5e-7, "x = \(x), t = \(t)")
        }
        let oneTimeBuyer = FrequencyRecency(frequency: 0, recency: 0, age: 38.86)!
        #expect(PurchaseModel.bgnbd.aliveProbability(oneTimeBuyer, published) == 1)
    }

    /// The same customers' forecasts at the fitted parameters agree with `lifetimes` 0.11.3
    /// (`conditional_probability_alive` and `conditional_expected_number_of_purchases_up_to_time`,
    /// fitted with `tol=1e-9`): customer 1 is alive with 0.72660915 and expected to buy 0.35693102
    /// times in the next 10 weeks; a one-time buyer of 38.86 weeks 0.05421009 times.
    @Test func forecastsAgreeWithLifetimes() throws {
        let fit = try ModelFit.fit(.bgnbd, to: Self.groups)
        let customer1 = FrequencyRecency(frequency: 2, recency: 30.43, age: 38.86)!
        let oneTimeBuyer = FrequencyRecency(frequency: 0, recency: 0, age: 38.86)!
        #expect(abs(fit.aliveProbability(customer1) - 0.72660915) < 1e-8)
        #expect(abs(fit.expectedPurchases(customer1, within: 10) - 0.35693102) < 1e-8)
        #expect(abs(fit.expectedPurchases(oneTimeBuyer, within: 10) - 0.05421009) < 1e-8)
    }

    /// MBG/NBD on the same summary: `lifetimes`' `ModifiedBetaGeoFitter` (tol=1e-9) gives r =
    /// 0.52483798, α = 6.18299201, a = 0.89135615, b = 1.61399934, and P(alive) 0.70612625 for
    /// customer 1 and 0.38971631 for a one-time buyer of 38.86 weeks, who may have left.
    @Test func mbgnbdAgreesWithLifetimes() throws {
        let fit = try ModelFit.fit(.mbgnbd, to: Self.groups)
        let expected = ModelParameters(r: 0.52483798, alpha: 6.18299201, a: 0.89135615, b: 1.61399934)
        for (name, value, reference) in [
            ("r", fit.parameters.r, expected.r), ("alpha", fit.parameters.alpha, expected.alpha),
            ("a", fit.parameters.a, expected.a), ("b", fit.parameters.b, expected.b),
        ] {
            #expect(abs(value / reference - 1) < 1e-6, "\(name)")
        }
        let customer1 = FrequencyRecency(frequency: 2, recency: 30.43, age: 38.86)!
        let oneTimeBuyer = FrequencyRecency(frequency: 0, recency: 0, age: 38.86)!
        #expect(abs(fit.aliveProbability(customer1) - 0.70612625) < 1e-8)
        #expect(abs(fit.aliveProbability(oneTimeBuyer) - 0.38971631) < 1e-8)
    }
}
