import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyInterchange
@testable import JourneyLanguage

@Suite struct MermaidTests {
    static let journeyFiles: [URL] = Repository.journeyFiles(in: "journeys")
    static let fixtures: [URL] = {
        let folder = Repository.root.appendingPathComponent("Tests/JourneyInterchangeTests/Mermaid/Fixtures")
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "mmd" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }()
    static let origin = SourceLocation(line: 1, column: 1)

    // MARK: - Export

    @Test func dressmateExportsAsThisDiagram() throws {
        let url = Repository.root.appendingPathComponent("journeys/dressmate.journey")
        let journey = check(try String(contentsOf: url, encoding: .utf8)).journey
        #expect(
            MermaidExporter.export(journey) == """
                journey
                    title Dressmate — first order
                    %% journey:scale -5..5
                    %% journey:state current
                    %% journey:persona giulia Giulia, 34, shops on her phone during the commute
                    %% journey:channel instagram paid Instagram and TikTok ads
                    %% journey:channel friends earned Word of mouth
                    %% journey:channel site owned Shop website and app
                    %% journey:channel courier partner Delivery partner
                    %% journey:channel email owned
                    section Awareness
                        %% journey:reach 120000
                        %% journey:target 25%
                        %% journey:owner Brand team
                        %% journey:event ad_view
                        Sees a reel of the new collection: 3.8: giulia
                            %% journey:via instagram
                            %% journey:measured reel views
                            %% journey:everyone
                        A friend recommends the shop: 4.6: giulia
                            %% journey:via friends
                            %% journey:everyone
                            %% journey:engagement relationship
                    section Consideration
                        %% journey:reach 30000
                        %% journey:target 40%
                        %% journey:event product_view
                        Browses the collection: 4.2: giulia
                            %% journey:via site
                            %% journey:measured
                            %% journey:everyone
                        No size chart for petite sizes: 1.8: giulia
                            %% journey:via site
                            %% journey:pain Cannot tell whether the dress will fit
                            %% journey:idea Add petite measurements to every product page
                    section Purchase
                        %% journey:reach 9000
                        %% journey:target 50%
                        %% journey:event checkout_started
                        Checkout asks her to create an account: 1.4: giulia
                            %% journey:via site
                            %% journey:measured
                            %% journey:everyone
                            %% journey:pain Forced sign-up before paying
                            %% journey:idea Offer guest checkout
                            %% journey:thought Why do they need my password?
                        Pays with a saved card: 3.8: giulia
                            %% journey:via site
                            %% journey:measured
                            %% journey:everyone
                    section Delivery
                        %% journey:reach 3100
                        %% journey:target 90%
                        %% journey:event order_placed
                        Parcel arrives two days late: 1: giulia
                            %% journey:via courier
                            %% journey:everyone
                            %% journey:pain No tracking updates
                        The dress fits perfectly: 5: giulia
                            %% journey:via site
                            %% journey:everyone
                    section Loyalty
                        %% journey:reach 2600
                        %% journey:event second_order
                        Thank-you email with a discount: 4.2: giulia
                            %% journey:via email
                            %% journey:measured
                            %% journey:everyone
                            %% journey:engagement relationship
                        Recommends Dressmate to a colleague: 4.6: giulia
                            %% journey:via friends
                            %% journey:everyone
                            %% journey:engagement community

                """)
    }

    @Test(arguments: journeyFiles)
    func everyJourneyRoundTrips(url: URL) throws {
        let journey = check(try String(contentsOf: url, encoding: .utf8)).journey
        let mermaid = MermaidExporter.export(journey)
        let imported = MermaidImporter.parse(mermaid, name: "exported.mmd")
        #expect(imported.diagnostics.isEmpty, "\(url.lastPathComponent): \(rendered(imported.diagnostics))")
        #expect(normalised(imported.journey) == normalised(journey), "\(url.lastPathComponent)")
        #expect(MermaidExporter.export(journey) == mermaid, "the same journey gives the same text")
        #expect(MermaidExporter.export(imported.journey) == mermaid, "exporting the import gives the export back")
        expectChecksCleanly(imported.journey, url.lastPathComponent)
    }

    @Test func everyExportEndsWithANewlineAndStartsWithTheDiagramType() throws {
        for url in Self.journeyFiles {
            let mermaid = MermaidExporter.export(check(try String(contentsOf: url, encoding: .utf8)).journey)
            #expect(mermaid.hasPrefix("journey\n    title "))
            #expect(mermaid.hasSuffix("\n") && !mermaid.hasSuffix("\n\n"))
        }
    }

    @Test func aTouchpointForEveryoneListsEveryPersonaAndSaysSo() {
        let journey = Journey(
            name: "J", personas: [Persona(id: "ana", location: Self.origin), Persona(id: "bo", location: Self.origin)],
            stages: [
                Stage(
                    name: "S",
                    touchpoints: [
                        Touchpoint(name: "everyone", score: 1, location: Self.origin),
                        Touchpoint(name: "both, named", score: 1, personas: ["ana", "bo"], location: Self.origin),
                        Touchpoint(name: "one", score: 1, personas: ["bo"], location: Self.origin),
                    ], location: Self.origin)
            ])
        let mermaid = MermaidExporter.export(journey)
        #expect(mermaid.contains("        everyone: 3.4: ana, bo\n            %% journey:everyone\n"))
        #expect(mermaid.contains("        both, named: 3.4: ana, bo\n        one: 3.4: bo\n"))
        let imported = MermaidImporter.parse(mermaid, name: "x.mmd").journey
        #expect(imported.touchpoints.map(\.personas) == [[], ["ana", "bo"], ["bo"]])

        let nobody = Journey(
            name: "J",
            stages: [
                Stage(
                    name: "S",
                    touchpoints: [
                        Touchpoint(name: "alone", score: -1, location: Self.origin)
                    ], location: Self.origin)
            ])
        #expect(MermaidExporter.export(nobody).contains("        alone: 2.6\n"))
    }

    @Test func lossyScoresKeepTheirExactValueInAComment() throws {
        let url = Repository.root.appendingPathComponent("journeys/saas-trial.journey")
        let mermaid = MermaidExporter.export(check(try String(contentsOf: url, encoding: .utf8)).journey)
        // On -3..3, +0.5 is 3.33 in Mermaid, which maps back to 0.495.
        #expect(
            mermaid.contains(
                "        Sees a 'Stop rota chaos' ad between shifts: 3.33: dana, sam\n            %% journey:score 0.5\n"
            ))
        // -3 is exactly 1: no comment.
        #expect(
            mermaid.contains(
                "        Has to type in 40 staff members one by one: 1: dana\n            %% journey:via app\n"))
        #expect(mermaid.contains("    %% journey:scale -3..3\n    %% journey:state future\n"))
    }

    @Test func namesStartingWithAMermaidKeywordHaveTheirFirstLetterEscaped() {
        let names = [
            "Journey planning", "journeys", "Title page", "section 2 review", "accTitle hunt", "AccDescr",
            "Titles", "Sections", "A journey",
        ]
        let journey = Journey(
            name: "J",
            stages: [
                Stage(
                    name: "S",
                    touchpoints: names.map {
                        Touchpoint(name: $0, score: 0, location: Self.origin)
                    }, location: Self.origin)
            ])
        let mermaid = MermaidExporter.export(journey)
        for line in [
            "#74;ourney planning: 3", "#106;ourneys: 3", "#84;itle page: 3", "#115;ection 2 review: 3",
            "#97;ccTitle hunt: 3", "#65;ccDescr: 3", "        Titles: 3", "        Sections: 3", "        A journey: 3",
        ] {
            #expect(mermaid.contains(line), "\(line)")
        }
        let imported = MermaidImporter.parse(mermaid, name: "x.mmd")
        #expect(imported.diagnostics.isEmpty, "\(rendered(imported.diagnostics))")
        #expect(imported.journey.touchpoints.map(\.name) == names)
    }

    // MARK: - Scores

    @Test func scoresMapFromTheEndsAndZeroOfASymmetricScale() {
        let scale = ScoreScale.standard
        #expect(MermaidScoreMapping.mermaidScore(-5, on: scale) == 1)
        #expect(MermaidScoreMapping.mermaidScore(0, on: scale) == 3)
        #expect(MermaidScoreMapping.mermaidScore(5, on: scale) == 5)
        #expect(MermaidScoreMapping.mermaidScore(-2.5, on: scale) == 2)
        #expect(MermaidScoreMapping.writtenScore(2, on: scale) == "3.8")
        #expect(MermaidScoreMapping.writtenScore(-4, on: scale) == "1.4")
        #expect(MermaidScoreMapping.journeyScore(1, on: scale) == -5)
        #expect(MermaidScoreMapping.journeyScore(3, on: scale) == 0)
        #expect(MermaidScoreMapping.journeyScore(5, on: scale) == 5)
        #expect(MermaidScoreMapping.journeyScore(3.8, on: scale) == 2, "not 1.9999999999999996")
        #expect(MermaidScoreMapping.journeyScore(4.5, on: scale) == 3.75)
        for score in stride(from: -5.0, through: 5, by: 0.5) {
            #expect(MermaidScoreMapping.roundTrips(score, on: scale), "\(score)")
        }
    }

    @Test func scoresMapFromTheEndsAndZeroOfAnAsymmetricScale() {
        let scale = ScoreScale(minimum: -2, maximum: 4)
        #expect(MermaidScoreMapping.mermaidScore(-2, on: scale) == 1)
        #expect(MermaidScoreMapping.mermaidScore(-1, on: scale) == 2)
        #expect(MermaidScoreMapping.mermaidScore(0, on: scale) == 3)
        #expect(MermaidScoreMapping.mermaidScore(2, on: scale) == 4)
        #expect(MermaidScoreMapping.mermaidScore(4, on: scale) == 5)
        #expect(MermaidScoreMapping.journeyScore(1, on: scale) == -2)
        #expect(MermaidScoreMapping.journeyScore(2, on: scale) == -1)
        #expect(MermaidScoreMapping.journeyScore(3, on: scale) == 0)
        #expect(MermaidScoreMapping.journeyScore(4, on: scale) == 2)
        #expect(MermaidScoreMapping.journeyScore(5, on: scale) == 4)
        // Decimal scales: -2.5..1.5.
        let decimal = ScoreScale(minimum: -2.5, maximum: 1.5)
        #expect(MermaidScoreMapping.mermaidScore(-2.5, on: decimal) == 1)
        #expect(MermaidScoreMapping.mermaidScore(1.5, on: decimal) == 5)
        #expect(MermaidScoreMapping.journeyScore(1, on: decimal) == -2.5)
        #expect(MermaidScoreMapping.journeyScore(5, on: decimal) == 1.5)
    }

    @Test func scoresOutsideTheScaleAreKeptWithinOneToFive() {
        #expect(MermaidScoreMapping.mermaidScore(-9, on: .standard) == 1)
        #expect(MermaidScoreMapping.mermaidScore(9, on: .standard) == 5)
    }

    @Test func everyScoreOfAnAsymmetricJourneyRoundTripsExactly() {
        let scores: [Double] = [-2, -1.5, -1, -1.0 / 3, -0.01, 0, 0.1, 1, 4.0 / 3, 2.5, 3.99, 4]
        let journey = Journey(
            name: "Asymmetric", scale: ScoreScale(minimum: -2, maximum: 4), state: .future,
            stages: [
                Stage(
                    name: "S", touchpoints: scores.map { Touchpoint(name: "t\($0)", score: $0, location: Self.origin) },
                    location: Self.origin)
            ])
        let imported = MermaidImporter.parse(MermaidExporter.export(journey), name: "x.mmd")
        #expect(imported.diagnostics.isEmpty, "\(rendered(imported.diagnostics))")
        #expect(imported.journey.touchpoints.map(\.score) == scores)
        #expect(normalised(imported.journey) == normalised(journey))
    }

    @Test func plainMermaidScoresMapOntoTheDefaultScaleOrTheDeclaredOne() {
        let plain = MermaidImporter.parse("journey\nsection S\nA: 1\nB: 3\nC: 4.5\nD: 5\n", name: "x.mmd").journey
        #expect(plain.scale == .standard)
        #expect(plain.touchpoints.map(\.score) == [-5, 0, 3.75, 5])
        let declared = MermaidImporter.parse(
            "journey\n%% journey:scale -3..3\nsection S\nA: 1\nB: 3\nC: 4.5\nD: 5\n",
            name: "x.mmd"
        ).journey
        #expect(declared.scale == ScoreScale(minimum: -3, maximum: 3))
        #expect(declared.touchpoints.map(\.score) == [-3, 0, 2.25, 3])
    }

    @Test func anExactScoreThatNoLongerMatchesItsTaskIsIgnored() {
        let text = """
            journey
                %% journey:scale -3..3
                section S
                    Edited after the export: 5
                        %% journey:score 0.5
                    Untouched: 3.33
                        %% journey:score 0.5
            """
        let parsed = MermaidImporter.parse(text, name: "x.mmd")
        #expect(parsed.journey.touchpoints.map(\.score) == [3, 0.5])
        #expect(parsed.diagnostics.map(\.code) == ["mermaid-stale-score"])
        #expect(parsed.diagnostics.first?.location == SourceLocation(line: 5, column: 16))
    }

    // MARK: - Text

    @Test func trickyTextSurvivesEveryPlace() {
        let texts = [
            #"<b>Café</b> & "quotes" 'single' a: b # c; d"#,
            "%% not a comment %%{init: {}}%% 😀 שלום عربي 🇮🇹 <br> <br/> &amp; #35; #quot;",
            "  spaces at both ends\t",
            "line\nbreak and \u{2028} separator \u{1} control",
            "¶ and ﬂ° and ¶ß, Mermaid's placeholders",
            "journey starts here", "Title: a colon", "section ", "100%", "a,b, c",
        ]
        for text in texts {
            let journey = Journey(
                name: text,
                scale: ScoreScale(minimum: -2.5, maximum: 3),
                personas: [
                    Persona(id: text, description: text, location: Self.origin),
                    Persona(id: "Dr. Who: #1, the; best", location: Self.origin),
                ],
                channels: [Channel(id: text, media: .partner, description: text, location: Self.origin)],
                stages: [
                    Stage(
                        name: text, reach: 120, target: 0.125, owner: text, events: [text, "b"],
                        touchpoints: [
                            Touchpoint(
                                name: text, score: -2.5, channel: text, isMeasured: true, metric: text,
                                personas: [text, "Dr. Who: #1, the; best"], engagement: .coCreation,
                                pains: [text], ideas: [text, "x"], thoughts: [text], location: Self.origin),
                            Touchpoint(name: "plain", score: 3, location: Self.origin),
                        ], location: Self.origin)
                ])
            let mermaid = MermaidExporter.export(journey)
            let imported = MermaidImporter.parse(mermaid, name: "x.mmd")
            #expect(imported.diagnostics.isEmpty, "\(text): \(rendered(imported.diagnostics))")
            #expect(normalised(imported.journey) == normalised(journey), "\(text)")
            expectSafeForMermaid(mermaid)
        }
    }

    @Test func escapedTextIsWhatAPlainMermaidViewerShows() {
        let journey = Journey(
            name: "R&D <tips>: #1", personas: [Persona(id: "Ana, B", location: Self.origin)],
            stages: [
                Stage(
                    name: "Step 1: sign up; pay",
                    touchpoints: [
                        Touchpoint(
                            name: "Pay: card #2; or <br> cash", score: 5, personas: ["Ana, B"], location: Self.origin),
                        Touchpoint(name: "a < b & \"c\" 😀", score: 5, location: Self.origin),
                    ], location: Self.origin)
            ])
        let lines = MermaidExporter.export(journey).split(separator: "\n").map(String.init)
        #expect(lines[1] == "    title R#38;D #60;tips#62;#58; #35;1")
        #expect(lines.contains("    section Step 1#58; sign up#59; pay"))
        #expect(lines.contains("        Pay#58; card #35;2#59; or #60;br> cash: 5: Ana#44; B"))
        #expect(lines.contains("        a < b & \"c\" 😀: 5: Ana#44; B"))
    }

    // MARK: - Mermaid's own examples

    @Test(arguments: fixtures)
    func mermaidDocumentationExamplesImportCleanly(url: URL) throws {
        let parsed = MermaidImporter.parse(try String(contentsOf: url, encoding: .utf8), name: url.lastPathComponent)
        #expect(parsed.diagnostics.isEmpty, "\(url.lastPathComponent): \(rendered(parsed.diagnostics))")
        #expect(!parsed.journey.stages.isEmpty && parsed.journey.stages.allSatisfy { !$0.touchpoints.isEmpty })
        expectChecksCleanly(parsed.journey, url.lastPathComponent)
        // Once imported, the journey travels through Mermaid unchanged.
        let again = MermaidImporter.parse(MermaidExporter.export(parsed.journey), name: "again.mmd")
        #expect(again.diagnostics.isEmpty)
        #expect(normalised(again.journey) == normalised(parsed.journey))
    }

    @Test func theBasicExampleBecomesStagesTouchpointsAndPersonas() throws {
        let journey = try fixture("basic.mmd")
        #expect(journey.name == "A Saturday morning")
        #expect(journey.scale == .standard)
        #expect(journey.stages.map(\.name) == ["Wake up", "Go out"])
        #expect(
            journey.stages[0].touchpoints.map(\.name) == [
                "Snooze the alarm twice", "Brew a pot of coffee", "Feed the dog",
            ])
        #expect(journey.touchpoints.map(\.score) == [-2.5, 5, 2.5, 2.5, -5, 5])
        #expect(journey.personas.map(\.id) == ["Me", "Dog"])
        #expect(journey.personas.allSatisfy { $0.description == nil })
        #expect(journey.stages[0].touchpoints[2].personas == ["Me", "Dog"])
        #expect(journey.stages[0].location == SourceLocation(line: 3, column: 5))
        #expect(journey.stages[0].touchpoints[0].location == SourceLocation(line: 4, column: 7))
    }

    @Test func accessibilityStatementsAndBlocksAreSkipped() throws {
        let journey = try fixture("accessibility.mmd")
        #expect(journey.name == "Joining the library")
        #expect(journey.stages.map(\.name) == ["Find the form", "Sign up", "Borrow"])
        #expect(
            journey.touchpoints.map(\.name) == [
                "Search for \"library card\"", "Form hidden in a PDF",
                "Show an ID at the desk", "Card printed on the spot", "Self-service kiosk",
            ])
    }

    @Test func commentsAndDirectivesAreSkipped() throws {
        let journey = try fixture("comments.mmd")
        #expect(journey.stages.map(\.name) == ["Leave home", "On the train"])
        #expect(journey.touchpoints.count == 4)
    }

    @Test func tasksWithoutActorsAreForEveryone() throws {
        let journey = try fixture("no-actors.mmd")
        #expect(journey.personas.isEmpty)
        #expect(journey.touchpoints.allSatisfy { $0.personas.isEmpty })
        #expect(journey.touchpoints.map(\.score) == [-2.5, 0, -5, 5])
    }

    @Test func decimalScoresMapOntoTheScale() throws {
        #expect(try fixture("decimal-scores.mmd").touchpoints.map(\.score) == [3.75, -1.875, 0, -3.75, 4.375])
    }

    @Test func actorsThatAreNotBareWordsGetASlugAndKeepTheirName() throws {
        let journey = try fixture("several-actors.mmd")
        #expect(journey.personas.map(\.id) == ["Alice", "Bob", "Carol", "finance-team", "Dan"])
        #expect(journey.persona(withID: "finance-team")?.description == "Finance team")
        #expect(journey.stages[0].touchpoints[1].personas == ["Bob", "Carol"])
        #expect(journey.stages[0].touchpoints[2].personas == ["Alice", "finance-team"])
    }

    @Test func indentationAndBlankLinesMeanNothing() throws {
        let journey = try fixture("indentation.mmd")
        #expect(journey.stages.map(\.name) == ["Pack", "Move", "Settle in"])
        #expect(journey.stages.map(\.touchpoints.count) == [2, 2, 1])
    }

    @Test func frontMatterGivesTheTitle() throws {
        let journey = try fixture("front-matter.mmd")
        #expect(journey.name == "Renewing a passport")
        #expect(journey.stages[0].location == SourceLocation(line: 8, column: 5))
    }

    @Test func entitiesAreDecoded() throws {
        let journey = try fixture("entities.mmd")
        #expect(journey.name == "Ordering \"the usual\" ♥")
        #expect(
            journey.touchpoints.map(\.name) == [
                "Coffee #1 of the day", "Barista asks: oat or soy?", "Card reader; then cash only",
            ])
    }

    @Test func keywordsAreReadInAnyCaseAndHashStartsAComment() throws {
        let journey = try fixture("keywords.mmd")
        #expect(journey.name == "Keywords in any case")
        #expect(journey.stages.map(\.name) == ["First part", "Second part"])
        #expect(journey.stages[1].touchpoints[0].personas == ["Guest"])
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreRead() {
        let parsed = MermaidImporter.parse(
            "\u{FEFF}journey\r\n  title T\r\n  section S\r\n    A: 5: Me\r\n", name: "x.mmd")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.journey.name == "T")
        #expect(parsed.journey.touchpoints.first?.personas == ["Me"])
    }

    @Test func withoutATitleTheFileNameNamesTheJourney() {
        #expect(MermaidImporter.parse("journey\nsection S\nA: 3\n", name: "docs/my-trip.mmd").journey.name == "my-trip")
        #expect(MermaidImporter.parse("journey\nsection S\nA: 3\n", name: "-").journey.name == "Journey")
    }

    @Test func tasksBeforeAnySectionGoInAStageNamedAfterTheTitle() {
        let parsed = MermaidImporter.parse("journey\ntitle Day\n  Wake up: 2\nsection Day\n  Work: 3\n", name: "x.mmd")
        #expect(parsed.journey.stages.map(\.name) == ["Day", "Day (2)"])
        #expect(parsed.diagnostics.map(\.code) == ["mermaid-task-before-section", "mermaid-duplicate-section"])
        #expect(!parsed.hasErrors)
        let untitled = MermaidImporter.parse("journey\n  Wake up: 2\n", name: "x.mmd").journey
        #expect(untitled.stages.map(\.name) == ["Journey"])
        expectChecksCleanly(parsed.journey, "implicit stage")
    }

    @Test func repeatedSectionsAreRenamedUniquely() {
        let parsed = MermaidImporter.parse(
            "journey\nsection A\nx: 3\nsection A\ny: 3\nsection A (2)\nz: 3\nsection A\nw: 3\n",
            name: "x.mmd")
        #expect(parsed.journey.stages.map(\.name) == ["A", "A (3)", "A (2)", "A (4)"])
        expectChecksCleanly(parsed.journey, "renamed sections")
    }

    @Test func textAfterAClosedDescriptionBlockIsRead() {
        let inline = MermaidImporter.parse(
            "journey\naccDescr { short } title After the block\nsection S\nA: 3\n", name: "x.mmd")
        #expect(inline.diagnostics.isEmpty)
        #expect(inline.journey.name == "After the block")
        let spanning = MermaidImporter.parse(
            "journey\n  accDescr {\n  one\n  two } section Late\n  A: 3\n", name: "x.mmd")
        #expect(spanning.diagnostics.isEmpty)
        #expect(spanning.journey.stages.map(\.name) == ["Late"])
    }

    @Test func aTaskThatCannotBeReadTakesItsCommentsWithIt() {
        let parsed = MermaidImporter.parse(
            """
            journey
            section S
              Bad: 9
                %% journey:pain lost with its task
              %% journey:reach 100
              Good: 3
                %% journey:pain kept
            """, name: "x.mmd")
        #expect(parsed.diagnostics.map(\.code) == ["mermaid-score-out-of-range"])
        #expect(parsed.incompleteStages == [0])
        #expect(parsed.journey.stages.first?.reach == 100)
        #expect(parsed.journey.touchpoints.map(\.pains) == [["kept"]])
    }

    // MARK: - Diagnostics

    @Test func notAJourneyDiagram() {
        expectMermaidDiagnostics("1️⃣flowchart LR\n    A --> B\n", [(1, "mermaid-not-journey", .error)])
        expectMermaidDiagnostics("%% a comment\n\n  1️⃣Journey\n  section S\n", [(1, "mermaid-not-journey", .error)])
        expectMermaidDiagnostics("1️⃣\n%% only a comment\n", [(1, "mermaid-not-journey", .error)])
        expectMermaidDiagnostics("%%{init: {}}%%  1️⃣sequenceDiagram\n", [(1, "mermaid-not-journey", .error)])
        expectMermaidDiagnostics("1️⃣---\ntitle: x\n", [(1, "mermaid-unterminated-block", .error)])
    }

    @Test func taskBeforeAnySection() {
        expectMermaidDiagnostics(
            "journey\n  title T\n  1️⃣Wake up: 3: Me\n", [(1, "mermaid-task-before-section", .warning)])
    }

    @Test func taskWithoutAScore() {
        expectMermaidDiagnostics("journey\nsection S\n  Make tea:1️⃣\n", [(1, "mermaid-missing-score", .error)])
        expectMermaidDiagnostics("journey\nsection S\n  Make tea:1️⃣  : Me\n", [(1, "mermaid-missing-score", .error)])
    }

    @Test func scoreThatIsNotANumber() {
        expectMermaidDiagnostics("journey\nsection S\n  Make tea: 1️⃣five: Me\n", [(1, "mermaid-invalid-score", .error)])
        expectMermaidDiagnostics("journey\nsection S\n  Make tea:1️⃣4,5: Me\n", [(1, "mermaid-invalid-score", .error)])
    }

    @Test func scoreOutsideOneToFive() {
        expectMermaidDiagnostics(
            "journey\nsection S\n  Make tea: 1️⃣7: Me\n  Drink it: 2️⃣0\n  Wash up: 3️⃣-1: Me\n",
            [
                (1, "mermaid-score-out-of-range", .error), (2, "mermaid-score-out-of-range", .error),
                (3, "mermaid-score-out-of-range", .error),
            ])
    }

    @Test func unknownStatement() {
        expectMermaidDiagnostics(
            "journey\nsection S\n  1️⃣Make tea 5\n\t2️⃣participant Alice\n",
            [(1, "mermaid-unknown-statement", .error), (2, "mermaid-unknown-statement", .error)])
        expectMermaidDiagnostics(
            "journey\nsection S\n    1️⃣journey planning: 3\n", [(1, "mermaid-unknown-statement", .error)])
    }

    @Test func unterminatedAccessibleDescription() {
        expectMermaidDiagnostics(
            "journey\n  title T\n  1️⃣accDescr {\n    never closed\nsection S\n  A: 3\n",
            [(1, "mermaid-unterminated-block", .error)])
        expectMermaidDiagnostics("journey\n  1️⃣%%{init: {\nsection S\n", [(1, "mermaid-unterminated-block", .error)])
    }

    @Test func missingTexts() {
        expectMermaidDiagnostics(
            "journey\n  1️⃣title\n  2️⃣section\n  3️⃣: 3: Me\n",
            [
                (1, "mermaid-missing-text", .error), (2, "mermaid-missing-text", .error),
                (3, "mermaid-missing-text", .error),
            ])
    }

    @Test func charactersMermaidCannotRead() {
        expectMermaidDiagnostics(
            "journey\n  title A1️⃣; B\n  section Step 12️⃣: pay\n  Pay3️⃣; leave: 3\n",
            [
                (1, "mermaid-invalid-character", .error), (2, "mermaid-invalid-character", .error),
                (3, "mermaid-invalid-character", .error),
            ])
    }

    @Test func textAfterTheActors() {
        expectMermaidDiagnostics("journey\nsection S\n  Pay: 3: Me1️⃣: later\n", [(1, "mermaid-ignored-text", .warning)])
    }

    @Test func journeyCommentsThatCannotBeApplied() {
        expectMermaidDiagnostics(
            """
            journey
                %% 1️⃣journey:reech 12
                %% journey:scale 2️⃣5..10
                section S
                    %% journey:reach 3️⃣many
                    %% 4️⃣journey:pain before any task
                    A: 3
                        %% journey:via 5️⃣nowhere
                        %% journey:engagement 6️⃣deep
                    %% journey:target 50%
                    %% 7️⃣journey:target 60%
            """,
            [
                (1, "mermaid-unknown-annotation", .warning), (2, "mermaid-malformed-annotation", .warning),
                (3, "mermaid-malformed-annotation", .warning), (4, "mermaid-misplaced-annotation", .warning),
                (5, "mermaid-undeclared-channel", .warning), (6, "mermaid-malformed-annotation", .warning),
                (7, "mermaid-repeated-annotation", .warning),
            ])
    }

    @Test func diagnosticsCarryTheirMessages() {
        let parsed = MermaidImporter.parse("journey\nsection S\n  Make tea: 7: Me\n", name: "x.mmd")
        #expect(parsed.diagnostics.first?.message == "the score 7 is outside Mermaid's 1..5")
        #expect(parsed.diagnostics.first?.range.length == 1)
        let other = MermaidImporter.parse("graph TD\n", name: "x.mmd")
        #expect(other.diagnostics.first?.message == "not a Mermaid journey diagram: it starts with 'graph'")
    }

    // MARK: - Helpers

    private func fixture(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Journey {
        let url = Repository.root.appendingPathComponent("Tests/JourneyInterchangeTests/Mermaid/Fixtures/\(name)")
        let parsed = MermaidImporter.parse(try String(contentsOf: url, encoding: .utf8), name: name)
        #expect(parsed.diagnostics.isEmpty, "\(rendered(parsed.diagnostics))", sourceLocation: sourceLocation)
        return parsed.journey
    }

    /// The journey written as a `.journey` file checks without errors.
    private func expectChecksCleanly(
        _ journey: Journey, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let checked = JourneyChecker.check(SourceFile(name: "imported.journey", text: JourneyFormatter.format(journey)))
        #expect(!checked.hasErrors, "\(what): \(rendered(checked.diagnostics))", sourceLocation: sourceLocation)
    }

    /// No line a Mermaid renderer reads holds `;`, a `#` that starts no entity, or `%%`;
    /// task lines hold exactly the colons that separate name, score and actors.
    private func expectSafeForMermaid(_ mermaid: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for line in mermaid.split(separator: "\n") {
            let content = line.drop(while: { $0 == " " })
            guard !content.hasPrefix("%% journey:") else { continue }
            let withoutEntities = content.replacing(/#[0-9]+;/, with: "")
            #expect(
                !withoutEntities.contains(";") && !withoutEntities.contains("#") && !withoutEntities.contains("%%"),
                "\(line)", sourceLocation: sourceLocation)
            if !content.hasPrefix("title "), !content.hasPrefix("section "), content != "journey" {
                #expect(
                    (1...2).contains(withoutEntities.filter { $0 == ":" }.count), "\(line)",
                    sourceLocation: sourceLocation)
            }
        }
    }

    /// Expects exactly these diagnostics of the Mermaid text, each at its marker.
    private func expectMermaidDiagnostics(
        _ marked: String, _ expected: [(marker: Int, code: String, severity: Diagnostic.Severity)],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        expectDiagnostics(
            marked,
            expected.map { .init(marker: $0.marker, code: $0.code, severity: $0.severity, requiresHelp: true) },
            sourceLocation: sourceLocation
        ) { MermaidImporter.parse($0, name: "test.mmd").diagnostics }
    }

    /// A copy of `journey` with every source location reset, for comparing journeys read from different texts.
    private func normalised(_ journey: Journey) -> Journey {
        var copy = journey
        copy.personas = journey.personas.map {
            var persona = $0
            persona.location = Self.origin
            return persona
        }
        copy.channels = journey.channels.map {
            var channel = $0
            channel.location = Self.origin
            return channel
        }
        copy.stages = journey.stages.map { stage in
            var stage = stage
            stage.location = Self.origin
            stage.reachRange = nil
            stage.targetRange = nil
            stage.rungRange = nil
            stage.eventRanges = []
            stage.touchpoints = stage.touchpoints.map {
                var touchpoint = $0
                touchpoint.location = Self.origin
                return touchpoint
            }
            return stage
        }
        return copy
    }
}

// MARK: - The customers block, rungs and partners' levels

extension MermaidTests {
    @Test func theCustomersBlockRungsAndPartnersLevelsGoIntoComments() {
        let journey = LadderAndPartnersJourney.journey
        let mermaid = MermaidExporter.export(journey)
        #expect(
            mermaid.contains(
                """
                    %% journey:channel courier partner Courier
                    %% journey:vcp courier profitability credibility
                    %% journey:channel reviews earned
                    %% journey:vcp reviews visibility
                    %% journey:recommend 0..10
                    %% journey:fan 4
                    %% journey:lost after 1.5x

                """))
        #expect(
            mermaid.contains(
                """
                    section Repeat
                        %% journey:reach 400
                        %% journey:target 30%
                        %% journey:rung buyer

                """))
        let imported = MermaidImporter.parse(mermaid, name: "x.mmd")
        #expect(imported.diagnostics.isEmpty, "\(rendered(imported.diagnostics))")
        #expect(normalised(imported.journey) == normalised(journey))
    }

    @Test func commentsOfTheCustomersBlockAndPartnersThatCannotBeApplied() {
        let mermaid = """
            journey
                title T
                %% journey:channel shop owned
                %% journey:vcp 1️⃣shop credibility
                %% journey:vcp 2️⃣courier credibility
                %% journey:channel courier partner
                %% journey:vcp courier credibility visibility
                %% journey:fan 3️⃣1
                %% journey:lost 4️⃣2x
                %% journey:recommend 0..10
                %% 5️⃣journey:recommend 1..10
                section A
                    %% journey:rung 6️⃣fan
                    t: 3
            """
        expectMermaidDiagnostics(
            mermaid,
            [
                (1, "mermaid-malformed-annotation", .warning), (2, "mermaid-malformed-annotation", .warning),
                (3, "mermaid-malformed-annotation", .warning), (4, "mermaid-malformed-annotation", .warning),
                (5, "mermaid-repeated-annotation", .warning), (6, "mermaid-malformed-annotation", .warning),
            ])
        let journey = MermaidImporter.parse(MarkedText(mermaid).text, name: "x.mmd").journey
        #expect(journey.customers == RelationshipRules(recommendScale: .fromZero))
        #expect(journey.channels.map(\.vcp) == [nil, PartnerStanding(ours: .credibility, theirs: .visibility)])
        #expect(journey.stages.first?.rung == nil)
    }
}
