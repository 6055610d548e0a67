import Foundation
import JourneyTestSupport
import Mustache
import Testing

@testable import JourneyAnalysis
@testable import JourneyCharts
@testable import JourneyHTMLReport
@testable import JourneyLanguage

/// Each value that answers the template's keys with a switch must answer as `Mirror` would,
/// which swift-mustache uses otherwise: a new property left out of the switch fails here.
@Suite struct ReportContextMustacheParentTests {
    /// A journey with a pain point on a channel and one without, ideas and every kind of note.
    private static let source = """
        journey "Shop"
        scale -5..5
        persona ana "Ana"
        channel web owned "Web"
        stage Look
          reach 1000
          target 50%
          touchpoint "Sees an ad" -2 via web for ana
            pain "Too loud"
            idea "Calm it down"
            thought "Hmm"
          touchpoint "Asks a friend" -3
            idea "Referral codes"
        stage Buy
          reach 200
          touchpoint "Pays" +3 via web measured

        """

    @Test func everyValueAnswersEveryKeyAsMirrorWould() throws {
        let checked = check(Self.source, name: "shop.journey")
        #expect(!checked.diagnostics.containsErrors, "\(checked.diagnostics.map(\.message))")
        let metrics = try #require(FunnelMetrics(journey: checked.journey))
        let theme = try #require(try Theme.bundled(named: "light"))
        let chart = try #require(ChartRenderer.render(checked.journey, chart: .dashboard, theme: theme))
        let context = try ReportContext(journey: checked.journey, metrics: metrics, chart: chart, theme: theme)

        #expect(context.painPoints.contains { $0.channel == nil } && context.painPoints.contains { $0.channel != nil })
        let stages = context.opportunities.stages
        #expect(!stages.isEmpty && stages.allSatisfy { !$0.ideas.isEmpty })
        let values: [any MustacheParent] =
            [context] + context.painPoints + stages + stages.flatMap(\.ideas)
        for value in values {
            expectAnswersAsMirror(value)
        }
    }

    private func expectAnswersAsMirror(_ value: any MustacheParent) {
        let mirror = Mirror(reflecting: value)
        #expect(!mirror.children.isEmpty)
        for child in mirror.children {
            guard let key = child.label else { continue }
            let expected = unwrapped(child.value)
            let answer = value.child(named: key)
            #expect(String(describing: answer) == String(describing: expected), "\(mirror.subjectType).\(key)")
        }
        #expect(value.child(named: "noSuchKey") == nil)
    }

    /// The value of an optional, or nil: what swift-mustache takes from a `Mirror`'s child.
    private func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
