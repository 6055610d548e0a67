import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyAnalysis
@testable import JourneyCharts
@testable import JourneyHTMLReport
@testable import JourneyLanguage

/// Templates cut at their top-level lines render, part by part, what they render whole.
@Suite struct TemplatePartsTests {
    @Test func aTemplateIsCutWhereALineStartsOutsideEverySection() throws {
        let text = "<h1>{{title}}</h1>\n{{#a}}\n<p>{{b}}</p>\n{{/a}}\n{{! a {{#comment}} }}\ntail {{{raw}}}"
        let parts = try #require(TemplateParts.cut(text))
        #expect(
            parts == [
                "<h1>{{title}}</h1>\n", "{{#a}}\n<p>{{b}}</p>\n{{/a}}\n", "{{! a {{#comment}} }}\n", "tail {{{raw}}}",
            ])
        #expect(parts.joined() == text)
    }

    @Test func everyPartAfterAPragmaRepeatsIt() throws {
        let parts = try #require(TemplateParts.cut("{{% CONTENT_TYPE: XHTML }}\nA {{x}}\nB {{y}}\n"))
        #expect(
            parts == [
                "{{% CONTENT_TYPE: XHTML }}\n", "{{% CONTENT_TYPE: XHTML }}\nA {{x}}\n",
                "{{% CONTENT_TYPE: XHTML }}\nB {{y}}\n",
            ])
    }

    @Test(arguments: [
        "{{=<% %>=}}\n<% x %>\n", "{{#a}}\n{{% CONTENT_TYPE: TEXT }}\n{{/a}}\n", "{{#a}}\nopen\n", "{{/a}}\nx\n",
        "one line {{x}}", "{{x\n",
    ])
    func aTemplateThatCannotBeCutSafelyIsNot(text: String) {
        #expect(TemplateParts.cut(text) == nil)
    }

    /// A report's text rendered in parts and whole.
    static func renderedBothWays(_ journey: Journey, template: ReportTemplate) throws -> (String, String) {
        let metrics = try #require(FunnelMetrics(journey: journey))
        let theme = try #require(try Theme.bundled(named: "light"))
        let chart = try #require(ChartRenderer.render(journey, chart: .dashboard, theme: theme))
        let context = try ReportContext(journey: journey, metrics: metrics, chart: chart, theme: theme)
        return (template.render(context), template.renderWhole(context))
    }

    @Test func theBundledPageRendersTheSameInPartsAsWhole() throws {
        let template = try ReportTemplate.bundled()
        let page = try #require(ReportTemplateFile.named(ReportTemplateFile.pageName))
        #expect((TemplateParts.cut(page.text)?.count ?? 0) > 10)
        var journeys = try Repository.journeyFiles(in: "journeys").map { url in
            check(try String(contentsOf: url, encoding: .utf8), name: url.lastPathComponent).journey
        }
        journeys.append(GeneratedJourney.make(touchpoints: 600, stages: 4))
        for journey in journeys {
            let (inParts, whole) = try Self.renderedBothWays(journey, template: template)
            #expect(inParts == whole, "\(journey.name)")
        }
    }

    @Test func aTemplateOfOnesOwnRendersTheSameInPartsAsWhole() throws {
        let template = try ReportTemplate(
            text: """
                <html>{{! a comment }}
                  {{#painPoints}}
                  <li>{{rank}} {{name}}{{#pains}}, {{.}}{{/pains}}</li>
                  {{/painPoints}}
                {{^missing}}none{{/missing}}
                <style>
                {{> report.css}}
                </style>
                {{{chart.svg}}}
                </html>
                """, name: "own.mustache")
        let (inParts, whole) = try Self.renderedBothWays(
            GeneratedJourney.make(touchpoints: 300, stages: 3), template: template)
        #expect(inParts == whole)
        #expect(inParts.contains("<li>1 "))
    }
}
