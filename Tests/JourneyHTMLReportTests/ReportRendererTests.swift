import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyAnalysis
@testable import JourneyCharts
@testable import JourneyHTMLReport
@testable import JourneyLanguage
@testable import JourneyXML

/// The journey and metrics of an example, checked without errors.
private func example(_ name: String) throws -> (journey: Journey, metrics: FunnelMetrics) {
    let url = Repository.root.appendingPathComponent("journeys/\(name).journey")
    return try analysed(String(contentsOf: url, encoding: .utf8), name: "\(name).journey")
}

/// The journey and metrics of `trickyJourney`, with U+0001 at the end of its name.
private func analysedTricky() throws -> (journey: Journey, metrics: FunnelMetrics) {
    var (journey, metrics) = try analysed(trickyJourney)
    journey.name += "\u{1}"
    return (journey, metrics)
}

/// The journey and metrics of `source`, which must check without errors.
private func analysed(_ source: String, name: String = "test.journey") throws -> (
    journey: Journey, metrics: FunnelMetrics
) {
    let checked = check(source, name: name)
    #expect(!checked.diagnostics.containsErrors, "\(checked.diagnostics.map(\.message))")
    let metrics = try #require(FunnelMetrics(journey: checked.journey))
    return (checked.journey, metrics)
}

private func context(_ journey: Journey, _ metrics: FunnelMetrics, theme: String = "light") throws -> ReportContext {
    let theme = try #require(try Theme.bundled(named: theme))
    let chart = try #require(ChartRenderer.render(journey, chart: .dashboard, theme: theme))
    return try ReportContext(journey: journey, metrics: metrics, chart: chart, theme: theme)
}

private func report(_ journey: Journey, _ metrics: FunnelMetrics, theme: String = "light") throws -> RenderedReport {
    let theme = try #require(try Theme.bundled(named: theme))
    return try ReportRenderer.render(
        journey, metrics: metrics, theme: theme, template: try ReportTemplate.bundled(),
        name: "report.html")
}

/// A journey with `<`, `&`, quotes, `]]>` and emoji in every text it has; `analysedTricky()`
/// adds a control character to its name, which `journey check` refuses in a file but the
/// library can be given by code.
private let trickyJourney = """
    journey "Tom & Jerry's <b>\\"Café\\"</b> 🎉 ]]>"
    scale -5..5
    persona ana "Ana <admin> & 'power' user 👩🏽‍💻"
    channel web owned "Web & <app>"
    channel ads paid
    stage "Look & <see>"
      reach 1000
      target 50%
      touchpoint "Sees an \\"ad\\" & <clicks> 😀" -2 via ads
        pain "It's <loud> & \\"pushy\\""
        idea "Calm 'it' & <down> ✨"
        thought "Hmm… ]]> & <!-- -->"
    stage "Buy 'now' & \\"later\\""
      reach 200
      touchpoint "Pays <fast> 💳" +3 via web measured

    """

/// Every user text of `trickyJourney`, as written in the file (control character dropped).
private let trickyTexts = [
    "Tom & Jerry's <b>\"Café\"</b> 🎉 ]]>", "Ana <admin> & 'power' user 👩🏽‍💻", "Look & <see>",
    "Sees an \"ad\" & <clicks> 😀", "It's <loud> & \"pushy\"", "Calm 'it' & <down> ✨", "Hmm… ]]> & <!-- -->",
    "Buy 'now' & \"later\"", "Pays <fast> 💳",
]

@Suite struct ReportContextTests {
    @Test func aTinyOverallConversionIsACountNeverZeroPercent() throws {
        let (journey, metrics) = try analysed(
            header + """
                stage Seen
                  reach 3000
                  touchpoint "Sees" +1 via site
                stage Bought
                  reach 1
                  touchpoint "Pays" +1 via site
                """)
        let context = try context(journey, metrics)
        #expect(context.summary.overallConversion == "1 in 3,000 (0.03%)")
        #expect(context.reachSource == "Reach as planned in the journey file")
    }

    @Test func dressmateHeaderSummaryAndChart() throws {
        let (journey, metrics) = try example("dressmate")
        let context = try context(journey, metrics)
        #expect(context.title == "Dressmate — first order")
        #expect(context.personas.map(\.id) == ["giulia"])
        #expect(context.personas.first?.label == "Giulia, 34, shops on her phone during the commute")
        #expect(context.hasPersonas)
        #expect(context.state == "current")
        #expect(context.stateLabel == "Current state")
        #expect(context.scale == "-5..5")
        #expect(context.version == JourneyKitVersion.current)
        #expect(context.generator == "journey \(JourneyKitVersion.current)")

        #expect(context.summary.entered == "120,000")
        #expect(context.summary.completed == "2,600")
        #expect(context.summary.firstStage == "Awareness")
        #expect(context.summary.lastStage == "Loyalty")
        #expect(context.summary.overallConversion == "2.2%")
        #expect(context.summary.belowTargetCount == 3)
        #expect(context.summary.painPointCount == 3)
        #expect(context.summary.stagesAndTouchpoints == "5 stages, 10 touchpoints")
        #expect(context.summary.verdict == MetricsTableReport.verdict(metrics))

        #expect(context.chart.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""))
        #expect(context.chart.svg.hasSuffix("</svg>"))
        #expect(!context.chart.svg.contains("<?xml"))
        #expect(!context.chart.svg.contains("<!DOCTYPE"))
        #expect(context.chart.theme == "light")
        #expect(context.chart.width > 1000 && context.chart.height > 1000)
        #expect(context.chart.caption.hasPrefix("How the customer feels at 10 touchpoints in 5 stages"))
    }

    @Test func dressmateMetricsTableHasEveryColumnOfJourneyMetrics() throws {
        let (journey, metrics) = try example("dressmate")
        let rows = try context(journey, metrics).stages
        #expect(rows.map(\.name) == ["Awareness", "Consideration", "Purchase", "Delivery", "Loyalty"])
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5])
        let purchase = rows[2]
        #expect(
            [purchase.reach, purchase.conversion, purchase.target, purchase.dropOff, purchase.experience]
                == ["9,000", "34.4%", "50%", "5,900", "-1 (-4 to +2)"])
        #expect([purchase.influence, purchase.measurement, purchase.control] == ["100%", "100%", "100%"])
        #expect(purchase.painPoints == 1)
        #expect(purchase.isWeakest && purchase.isBelowTarget && purchase.status == "weakest stage")
        #expect(rows[0].status == "on target" && !rows[0].isBelowTarget)
        #expect(rows[1].status == "below target")
        #expect([rows[4].conversion, rows[4].target, rows[4].dropOff, rows[4].status] == ["–", "–", "–", "–"])
        #expect(rows[4].control == "50%")
    }

    @Test func dressmateWeakestStageUsesTheSentencesOfJourneyWeakest() throws {
        let (journey, metrics) = try example("dressmate")
        let weakest = try #require(try context(journey, metrics).weakest)
        let stage = try #require(metrics.weakest)
        #expect(weakest.name == "Purchase")
        #expect(weakest.reason == stage.reason)
        #expect(weakest.worth == WeakestStageReport.worth(stage, metrics: metrics))
        #expect(
            weakest.worth
                == "Meeting its target would bring about 1,174 more people to the end of the funnel (Loyalty).")
        #expect(weakest.confidence == WeakestStageReport.confidence(stage, metrics: metrics))
        #expect(weakest.confidence?.hasPrefix("The shortfall is significant") == true)
        #expect(
            [weakest.conversion, weakest.target, weakest.shortfall] == [
                "34.4%", "50%", "15.6 points short (31.1% below target)",
            ])
        #expect(weakest.recoverable == "1,174")
        #expect(weakest.isSignificant && !weakest.isSmallSample && !weakest.isAllLost)
        #expect(weakest.isFullyControlled && !weakest.hasControlGaps && weakest.controlGaps.isEmpty)
        #expect(!weakest.hasNoTouchpoints)
    }

    @Test func dressmatePainPointsAndOpportunities() throws {
        let (journey, metrics) = try example("dressmate")
        let context = try context(journey, metrics)
        #expect(context.painPoints.map(\.rank) == [1, 2, 3])
        #expect(context.painPoints.map(\.name) == metrics.rankedPainPoints.map(\.touchpoint.name))
        let first = context.painPoints[0]
        #expect(first.stage == "Purchase" && first.isInWeakestStage && first.score == "-4" && first.channel == "site")
        #expect(first.pains == ["Forced sign-up before paying"] && first.hasPains)
        #expect(first.ideas == ["Offer guest checkout"] && first.hasIdeas)
        #expect(first.thoughts == ["Why do they need my password?"] && first.hasThoughts)
        #expect(!context.painPoints[2].hasIdeas && !context.painPoints[2].hasThoughts)

        let opportunities = context.opportunities
        #expect(opportunities.stages.map(\.stage) == ["Purchase", "Consideration"], "most urgent stage first")
        #expect(opportunities.stages.map(\.status) == ["weakest stage", "10 points short (25% below target)"])
        #expect(opportunities.stages[0].ideas.map(\.idea) == ["Offer guest checkout"])
        #expect(opportunities.stages[0].ideas[0].touchpoint == "Checkout asks her to create an account")
        #expect(opportunities.belowTarget.map(\.stage) == ["Consideration", "Delivery"])
        #expect(
            opportunities.belowTarget[0].worth
                == "Meeting its target would bring about 867 more people to the end of the funnel (Loyalty).")
        #expect(opportunities.hasIdeas && opportunities.hasBelowTarget)
    }

    @Test func controlGapsSayHowToRaiseControl() throws {
        let (journey, metrics) = try analysed(
            """
            journey "Gaps"
            channel ads paid
            channel friends earned
            channel courier partner
            channel site owned
            stage Awareness
              reach 1000
              target 50%
              touchpoint "Ad" +1 via ads measured
              touchpoint "Friend" +2 via friends
              touchpoint "Parcel" -1 via courier measured
              touchpoint "Nowhere" +1
              touchpoint "Site" +1 via site
              touchpoint "Site measured" +1 via site measured
            stage Purchase
              reach 100

            """)
        let weakest = try #require(try context(journey, metrics).weakest)
        #expect(weakest.hasControlGaps && !weakest.isFullyControlled)
        #expect(weakest.controlGaps.map(\.touchpoint) == ["Ad", "Friend", "Parcel", "Nowhere", "Site"])
        #expect(weakest.controlGaps.map(\.media) == ["paid", "earned", "partner", nil, "owned"])
        #expect(weakest.controlGaps.map(\.isUnmeasured) == [false, true, false, true, true])
        #expect(weakest.controlGaps[0].advice == ["ads is paid media: an owned channel would give full control."])
        #expect(weakest.controlGaps[1].advice.count == 2)
        #expect(weakest.controlGaps[3].advice.last == "Say where it happens with 'via': it is on no declared channel.")
        #expect(weakest.controlGaps[4].advice == ["Measure it: nobody would notice a change here."])
    }

    @Test func aSingleStageHasNoWeakestStage() throws {
        let (journey, metrics) = try analysed(
            "journey \"One\"\nchannel site owned\nstage Only\n  reach 5\n  touchpoint \"Here\" +1 via site\n")
        let context = try context(journey, metrics)
        #expect(context.weakest == nil)
        #expect(context.noWeakestReason == "A funnel needs two stages or more for a weakest stage.")
        #expect(!context.hasPainPoints && !context.hasPersonas)
        #expect(context.summary.stagesAndTouchpoints == "1 stage, 1 touchpoint")
        #expect(context.summary.painPointLabel == "pain points")
        #expect(try report(journey, metrics).isValid)
    }

    @Test func textThatXMLDoesNotAllowIsDropped() throws {
        let (journey, metrics) = try analysedTricky()
        let context = try context(journey, metrics)
        #expect(
            context.title == "Tom & Jerry's <b>\"Café\"</b> 🎉 ]]>",
            "the control character is dropped, the rest kept as is")
    }

    @Test func cleaningDropsExactlyTheCharactersXMLForbids() {
        let allowed = ["", "plain", "tab\tline\ncarriage\r", "é 😀 👩‍👩‍👧 日本 \u{FFFD} \u{EFBF} \u{D7FF} \u{E000} \u{FFF0}"]
        for text in allowed {
            #expect(ReportContext.clean(text) == text)
        }
        #expect(ReportContext.clean("a\u{1}b\u{1F}c\u{0}") == "abc")
        #expect(ReportContext.clean("x\u{FFFE}y\u{FFFF}z\u{FFFD}") == "xyz\u{FFFD}")
        #expect(ReportContext.clean("\u{FFFF}") == "")
    }
}

@Suite struct ReportRendererTests {
    @Test(arguments: ["light", "dark", "print"])
    func everyExampleIsWellFormedForLibxml2(theme: String) throws {
        let files = Repository.journeyFiles(in: "journeys")
        #expect(files.count >= 4)
        for url in files {
            let (journey, metrics) = try example(url.deletingPathExtension().lastPathComponent)
            let rendered = try report(journey, metrics, theme: theme)
            #expect(rendered.isValid, "\(url.lastPathComponent): \(rendered.validation.diagnostics.map(\.message))")
            #expect(XMLValidator.checkWellFormed(rendered.html, name: "report.html").isValid)
            #expect(
                rendered.html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"))
            #expect(rendered.html.hasSuffix("</html>\n"))
            for stage in journey.stages {
                #expect(rendered.html.contains(escapedMarkup(stage.name)))
            }
        }
    }

    @Test func theReportIsSelfContainedWithoutScripts() throws {
        let (journey, metrics) = try example("dressmate")
        let html = try report(journey, metrics).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("src="))
        #expect(!html.contains("url(http"))
        #expect(!html.contains("@import"))
        #expect(html.contains("<style>"))
        #expect(html.contains("@media print"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("<?xml"), "the inline SVG has no XML declaration")
        #expect(html.components(separatedBy: "<!DOCTYPE").count == 2, "one DOCTYPE: the page's")
        #expect(html.contains("journey \(JourneyKitVersion.current)"))
    }

    @Test func theOutputIsByteIdenticalFromRunToRun() throws {
        let (journey, metrics) = try example("dressmate")
        let first = try report(journey, metrics).html
        let second = try report(journey, metrics).html
        #expect(first == second)
        let (again, againMetrics) = try example("dressmate")
        #expect(try report(again, againMetrics).html == first)
    }

    @Test func everyUserTextIsEscapedAndTheDocumentStaysWellFormed() throws {
        let (journey, metrics) = try analysedTricky()
        let rendered = try report(journey, metrics)
        #expect(rendered.isValid, "\(rendered.validation.diagnostics.map(\.message))")
        let html = rendered.html
        for text in trickyTexts {
            #expect(html.contains(escapedMarkup(text)), "\(text) is not in the report, escaped")
        }
        #expect(html.contains("<h1>Tom &amp; Jerry&#39;s &lt;b&gt;&quot;Café&quot;&lt;/b&gt; 🎉 ]]&gt;</h1>"))
        for raw in ["<b>", "<admin>", "<see>", "<clicks>", "<loud>", "<down>", "<fast>", "<!-- -->", "]]>"] {
            #expect(!html.contains(raw), "\(raw) is in the report unescaped")
        }
        #expect(!html.unicodeScalars.contains("\u{1}"))
    }

    @Test func aUserTemplateSeesTheDocumentedKeys() throws {
        let (journey, metrics) = try example("dressmate")
        let template = try ReportTemplate(
            text: """
                <html xmlns="http://www.w3.org/1999/xhtml"><body>
                <h1>{{title}} ({{stateLabel}}, {{scale}})</h1>
                {{#weakest}}<p id="fix">{{name}}: {{recoverable}}</p>{{/weakest}}
                <ol>{{#painPoints}}<li>{{rank}}. {{name}} @ {{stage}}{{#ideas}} / {{.}}{{/ideas}}</li>{{/painPoints}}</ol>
                <p>{{#opportunities}}{{#belowTarget}}{{stage}} {{/belowTarget}}{{/opportunities}}</p>
                <p>{{missing}}{{^missing}}none{{/missing}}</p>
                </body></html>

                """, name: "custom.mustache")
        #expect(template.name == "custom.mustache")
        let rendered = ReportRenderer.render(try context(journey, metrics), template: template, name: "custom.html")
        #expect(rendered.isValid, "\(rendered.validation.diagnostics.map(\.message))")
        #expect(
            rendered.html == """
                <html xmlns="http://www.w3.org/1999/xhtml"><body>
                <h1>Dressmate — first order (Current state, -5..5)</h1>
                <p id="fix">Purchase: 1,174</p>
                <ol><li>1. Checkout asks her to create an account @ Purchase / Offer guest checkout</li>\
                <li>2. No size chart for petite sizes @ Consideration / Add petite measurements to every product page</li>\
                <li>3. Parcel arrives two days late @ Delivery</li></ol>
                <p>Consideration Delivery </p>
                <p>none</p>
                </body></html>

                """)
    }

    @Test func aUserTemplateCanIncludeTheBundledStylesheet() throws {
        let (journey, metrics) = try example("dressmate")
        let template = try ReportTemplate(
            text: "<html><head><style>\n{{> report.css}}\n</style></head><body/></html>\n",
            name: "styled.mustache")
        let rendered = ReportRenderer.render(try context(journey, metrics), template: template, name: "styled.html")
        #expect(rendered.isValid)
        #expect(rendered.html.contains("@media print"))
    }

    @Test func aMustacheParseErrorGivesItsLine() {
        #expect(throws: ReportTemplateError.self) {
            try ReportTemplate(text: "<p>{{#stages}}\n{{name}}\n{{/stage}}</p>\n", name: "t")
        }
        do {
            _ = try ReportTemplate(text: "<p>ok</p>\n<p>{{#stages}}\n{{name}}\n{{/stage}}</p>\n", name: "bad.mustache")
            Issue.record("the template should not parse")
        } catch {
            #expect(error.name == "bad.mustache")
            #expect(error.line == 4)
            #expect(error.message == "this closing tag does not close the section that is open")
            #expect(error.diagnostic.code == "report-template-invalid")
            #expect(error.diagnostic.location == SourceLocation(line: 4, column: error.column))
            #expect(error.description.hasPrefix("bad.mustache:4:"))
        }
        do {
            _ = try ReportTemplate(text: "<p>\n{{title\n", name: "open.mustache")
            Issue.record("the template should not parse")
        } catch {
            #expect(error.line >= 2)
        }
    }

    @Test func aTemplateThatBreaksTheMarkupIsNotValid() throws {
        let (journey, metrics) = try example("dressmate")
        let unclosed = try ReportTemplate(
            text: "<html>\n<body>\n<p>{{title}}\n</body>\n</html>\n", name: "unclosed.mustache")
        let rendered = ReportRenderer.render(try context(journey, metrics), template: unclosed, name: "out.html")
        #expect(!rendered.isValid)
        #expect(rendered.validation.diagnostics.first?.code == "xml-not-well-formed")
        #expect(rendered.validation.diagnostics.first?.location.line == 4)

        // Triple braces insert the title unescaped: fine for "—", not for a journey with '<' or '&'.
        let (tricky, trickyMetrics) = try analysedTricky()
        let raw = try ReportTemplate(text: "<html><body><h1>{{{title}}}</h1></body></html>\n", name: "raw.mustache")
        #expect(!ReportRenderer.render(try context(tricky, trickyMetrics), template: raw, name: "raw.html").isValid)
    }

    @Test func everyIDMustBeUnique() throws {
        let (journey, metrics) = try example("dressmate")
        let twice = try ReportTemplate(
            text: "<html><body>\n{{{chart.svg}}}\n{{{chart.svg}}}\n</body></html>\n",
            name: "twice.mustache")
        let rendered = ReportRenderer.render(try context(journey, metrics), template: twice, name: "twice.html")
        #expect(!rendered.isValid)
        #expect(rendered.validation.diagnostics.map(\.code) == ["xml-invalid", "xml-invalid"])
        #expect(
            rendered.validation.diagnostics.first?.message.hasPrefix("the id 'clip-1' is used twice: first on line ")
                == true)

        let result = ReportRenderer.check(
            """
            <html xmlns="http://www.w3.org/1999/xhtml">
            <!-- <p id="a"/> in a comment does not count -->
            <body id="a" data-x='id="b"'>
              <p title="x" id='b'/><p idea="a"/>
              <p
                 id = "a"/>
            </body></html>
            """, name: "ids.html")
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message == "the id 'a' is used twice: first on line 3")
        #expect(result.diagnostics.first?.location == SourceLocation(line: 6, column: 6))
    }

    @Test func idsAreLocatedInScalarsAfterTextOutsideASCII() {
        let result = ReportRenderer.check(
            """
            <html xmlns="http://www.w3.org/1999/xhtml"><body>
            <p id="é😀"/><p title="ü 👩‍👩‍👧" id="é😀"/>
            </body></html>
            """, name: "ids.html")
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message == "the id 'é😀' is used twice: first on line 2")
        #expect(result.diagnostics.first?.location == SourceLocation(line: 2, column: 32))
    }

    @Test func theChartIsInlinedOnlyWhenItIsValidSVG() throws {
        let (journey, _) = try example("dressmate")
        let theme = try #require(try Theme.bundled(named: "light"))
        let chart = try #require(ChartRenderer.render(journey, chart: .dashboard, theme: theme))
        let inline = try InlineSVG(document: chart.svg, name: "dashboard.svg")
        #expect(inline.markup.hasPrefix("<svg "))
        #expect(chart.svg.hasSuffix(inline.markup + "\n"))
        #expect(inline.ids == ["clip-1", "clip-2"])

        let invalid = chart.svg.replacingOccurrences(of: "<title>", with: "<bogus/><title>")
        #expect(throws: InvalidChartError.self) { try InlineSVG(document: invalid, name: "bad.svg") }
        do {
            _ = try InlineSVG(document: invalid, name: "bad.svg")
        } catch {
            #expect(error.diagnostics.first?.code == "xml-invalid")
            #expect(error.svg == invalid)
        }
        #expect(throws: InvalidChartError.self) {
            try InlineSVG(document: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", name: "no-doctype.svg")
        }
    }

    @Test func aCombiningMarkAfterACharacterToEscapeKeepsTheReportWellFormed() throws {
        let (journey, metrics) = try analysed(
            header + "stage A\n  reach 100\n  touchpoint \"Sees <\u{301} & \\\"\u{301} here\" -2 via site\n"
                + "    idea \"Show <\u{301}\"\nstage B\n  reach 50\n  touchpoint \"Pays\" +1 via site\n")
        let rendered = try report(journey, metrics)
        #expect(rendered.isValid, "\(rendered.validation.diagnostics.map(\.message))")
        #expect(rendered.html.contains("Sees &lt;\u{301} &amp; &quot;\u{301} here"))
    }

    @Test func aLargeJourneysReportHasACondensedChartAndListsEveryPainPoint() throws {
        let journey = GeneratedJourney.make(touchpoints: 2_000, stages: 6)
        let metrics = try #require(FunnelMetrics(journey: journey))
        let rendered = try report(journey, metrics)
        #expect(rendered.isValid, "\(rendered.validation.diagnostics.map(\.message))")
        let html = rendered.html
        #expect(html.contains("Showing "))
        #expect(html.contains(" of 2,000 touchpoints: the deepest pain points and highest highs of each stage."))
        let pains = metrics.rankedPainPoints.count
        #expect(
            html.contains("All \(NumberFormatting.grouped(pains)) pain points are listed below, most urgent first."))
        #expect(html.components(separatedBy: "<li class=\"pain-point").count == pains + 1)
    }

    @Test func mustacheEscapesTheFiveCharactersAsXMLAllows() throws {
        let template = try ReportTemplate(text: "<p title=\"{{title}}\">{{title}}</p>\n", name: "escape.mustache")
        let (journey, metrics) = try analysed("journey \"<a & 'b' \\\"c\\\">\"\nstage S\n  reach 1\n")
        let html = ReportRenderer.render(try context(journey, metrics), template: template, name: "e.html").html
        let escaped = "&lt;a &amp; &#39;b&#39; &quot;c&quot;&gt;"
        #expect(html == "<p title=\"\(escaped)\">\(escaped)</p>\n")
        #expect(XMLValidator.checkWellFormed(html, name: "e.html").isValid)
    }
}

@Suite struct ReportTemplateFileTests {
    @Test func allHoldsEveryFileOfTheFolderByteForByte() throws {
        let files = try Repository.resourceFiles(in: Repository.bundledReportTemplate)
        #expect(
            ReportTemplateFile.all.map(\.name) == files.map(\.name),
            "list every file of \(Repository.bundledReportTemplate) in ReportTemplateFile.all, and nothing else")
        for file in files {
            guard let bundled = ReportTemplateFile.named(file.name) else { continue }
            let identical = Array(bundled.text.utf8) == file.bytes
            #expect(
                identical,
                "ReportTemplateFile.all's entry for \(file.name) is not the file byte for byte: another file's bytes, or not UTF-8"
            )
        }
    }

    @Test func thePageAndItsStylesheetAreBundled() {
        #expect(ReportTemplateFile.named(ReportTemplateFile.pageName) != nil)
        #expect(ReportTemplateFile.named("report.css") != nil)
    }

    @Test func theBundledTemplateParses() throws {
        #expect(try ReportTemplate.bundled().name == "report.mustache")
    }

    @Test func theStylesheetKeepsTheDocumentWellFormed() throws {
        let css = try #require(ReportTemplateFile.named("report.css")).text
        #expect(!css.contains("<") && !css.contains("&"), "'<' and '&' would break the XML of the report")
        #expect(!css.contains("{{"), "the stylesheet is parsed as Mustache")
        #expect(!css.contains("url("), "no external resources")
    }

    /// The colour pairs the stylesheet draws text on, by custom property: each must pass WCAG AA.
    static let textPairs: [(foreground: String, background: String)] = [
        ("text", "page"), ("text", "surface"), ("text", "weakest-fill"),
        ("muted", "page"), ("muted", "surface"), ("muted", "weakest-fill"),
        ("accent", "page"), ("accent", "surface"),
        ("weakest-accent", "page"), ("weakest-accent", "weakest-fill"),
        ("pain", "page"), ("pain", "weakest-fill"), ("pain", "pain-fill"),
        ("idea", "idea-fill"), ("idea", "page"),
        ("masthead-text", "masthead"), ("masthead-muted", "masthead"),
        ("masthead-text", "pain"), ("masthead-text", "weakest-accent"),
    ]

    @Test func everyTextColourPassesWCAGAAOnItsBackground() throws {
        let css = try #require(ReportTemplateFile.named("report.css")).text
        let root = try #require(
            css.components(separatedBy: ":root {").dropFirst().first?.components(separatedBy: "}").first)
        var colours: [String: Color] = [:]
        for line in root.split(separator: "\n") {
            let parts = line.trimmingCharacters(in: .whitespaces).dropFirst(2).split(separator: ":")
            guard parts.count == 2 else { continue }
            let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " ;"))
            colours[String(parts[0])] = Color(hex: value)
        }
        #expect(colours.count >= 15)
        for (foreground, background) in Self.textPairs {
            let fg = try #require(colours[foreground], "--\(foreground) is not defined")
            let bg = try #require(colours[background], "--\(background) is not defined")
            let ratio = Color.contrastRatio(fg, bg)
            #expect(ratio >= 4.5, "--\(foreground) on --\(background): \(ratio)")
        }
    }
}

@Suite struct WellFormednessCheckTests {
    @Test func anHTML5DoctypeIsWellFormedWithoutADTD() {
        let html =
            "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><body><p>ok &amp; fine</p></body></html>\n"
        let result = XMLValidator.checkWellFormed(html, name: "page.html")
        #expect(result.diagnostics == [])
        #expect(result.isValid)
        #expect(result.grammar == nil, "no DTD is loaded or validated")
    }

    @Test func anSVGIsOnlyCheckedForWellFormedness() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><bogus/></svg>"
        #expect(XMLValidator.checkWellFormed(svg, name: "loose.svg").isValid)
        #expect(!XMLValidator.validate(svg, name: "loose.svg").isValid, "the generic entry point wants a DOCTYPE")
    }

    @Test func aBrokenDocumentIsReportedAtItsLine() {
        let result = XMLValidator.checkWellFormed("<html>\n<body>\n<p>a & b</p>\n</body>\n</html>\n", name: "amp.html")
        #expect(!result.isValid)
        #expect(result.diagnostics.first?.code == "xml-not-well-formed")
        #expect(result.diagnostics.first?.location.line == 3)

        let unclosed = XMLValidator.checkWellFormed("<html>\n<p>\n</html>\n", name: "unclosed.html")
        #expect(!unclosed.isValid)
        #expect(unclosed.diagnostics.allSatisfy { $0.code == "xml-not-well-formed" })

        #expect(!XMLValidator.checkWellFormed("", name: "empty.html").isValid)
        #expect(
            !XMLValidator.checkWellFormed("<p>&nbsp;</p>", name: "entity.html").isValid,
            "HTML's named entities are not XML's: the report writes characters instead")
    }
}

// MARK: - Partners

@Suite struct ReportPartnersTests {
    private static let source = """
        journey "Partners"
        channel shop     owned
        channel courier  partner "Courier" vcp profitability theirs credibility
        channel reviews  earned vcp visibility
        stage Visit
          reach 100
          target 50%
          touchpoint "Browses" +1 via shop
        stage Buy
          reach 40
          touchpoint "Pays" +1 via shop

        """

    @Test func theReportListsThePartnersAndRecommendsFourOrFiveAtProfitability() throws {
        let (journey, metrics) = try analysed(Self.source)
        let partners = try #require(try context(journey, metrics).partners)
        #expect(partners.rows.map(\.channel) == ["courier", "reviews"])
        #expect(partners.rows.map(\.theirs) == ["credibility", "–"])
        #expect(partners.rows.map(\.level) == ["credibility", "visibility"])
        #expect(partners.profitableCount == 0)
        #expect(partners.isBelowAim)
        #expect(partners.summary == "0 of 2 partners reach profitability.")

        let rendered = try report(journey, metrics)
        #expect(rendered.isValid, "\(rendered.validation.diagnostics.map(\.message))")
        #expect(rendered.html.contains(##"<li><a href="#partners">Partners</a></li>"##))
        #expect(rendered.html.contains(#"<section id="partners" class="section">"#))
        #expect(
            rendered.html.contains(
                "<p class=\"lead\">0 of 2 partners reach profitability.</p>\n<p class=\"worth\">Aim for 4 or 5 partners at profitability"
            ))
        #expect(
            rendered.html.contains(
                "<th scope=\"row\">courier</th>\n<td>partner</td>\n<td>profitability</td>\n<td>credibility</td>\n<td>credibility</td>"
            ))
    }

    @Test func aJourneyWithoutRatedPartnersHasNoPartnersSection() throws {
        let (journey, metrics) = try example("dressmate")
        #expect(try context(journey, metrics).partners == nil)
        let html = try report(journey, metrics).html
        #expect(!html.contains("partners"))
    }
}
