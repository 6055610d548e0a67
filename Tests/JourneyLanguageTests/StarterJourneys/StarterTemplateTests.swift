import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyLanguage

@Suite struct StarterTemplateTests {
    @Test func allHoldsEveryFileOfTheFolderByteForByte() throws {
        let files = try Repository.resourceFiles(in: Repository.starterJourneys)
        #expect(
            StarterTemplate.all.map { $0.name + ".journey" } == files.map(\.name),
            "list every file of \(Repository.starterJourneys) in StarterTemplate.all, and nothing else")
        for file in files {
            guard let template = StarterTemplate.all.first(where: { $0.name + ".journey" == file.name }) else {
                continue
            }
            let identical = Array(template.text.utf8) == file.bytes
            #expect(
                identical,
                "StarterTemplate.all's entry for \(file.name) is not the file byte for byte: another file's bytes, or not UTF-8"
            )
        }
    }

    @Test func theRequiredTemplatesExist() {
        for name in ["e-commerce", "saas-onboarding", "b2b-services"] {
            #expect(StarterTemplate.named(name) != nil, "missing template \(name)")
        }
        #expect(StarterTemplate.named(StarterTemplate.defaultName) != nil)
    }

    @Test(arguments: StarterTemplate.all)
    func everyTemplateChecksWithoutErrorsOrWarnings(template: StarterTemplate) {
        let result = check(template.text, name: template.name)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.journey.stages.count >= 3)
        #expect(result.journey.stages.allSatisfy { $0.reach != nil })
    }

    @Test func summaryComesFromTheFirstComment() throws {
        let template = try #require(StarterTemplate.named("e-commerce"))
        #expect(!template.summary.isEmpty)
        #expect(!template.summary.hasPrefix("#"))
        #expect(StarterTemplate(name: "x", text: "# Starter journey: a shop.\njourney A\n").summary == "a shop.")
        #expect(StarterTemplate(name: "x", text: "journey A\n").summary == "")
    }
}

@Suite struct ExampleJourneyTests {
    @Test func thereAreAtLeastFourExamples() throws {
        #expect(Repository.journeyFiles(in: "journeys").count >= 4)
    }

    @Test func everyExampleChecksWithoutErrorsOrWarnings() throws {
        for url in Repository.journeyFiles(in: "journeys") {
            let result = check(try String(contentsOf: url, encoding: .utf8), name: url.lastPathComponent)
            #expect(result.diagnostics.isEmpty, "\(url.lastPathComponent): \(result.diagnostics.map(\.message))")
            let stages = result.journey.stages
            #expect(stages.allSatisfy { $0.reach != nil }, "\(url.lastPathComponent) needs reach on every stage")
            #expect(stages.dropLast().allSatisfy { $0.target != nil }, "\(url.lastPathComponent) needs targets")
            #expect(
                result.journey.touchpoints.contains { !$0.pains.isEmpty }, "\(url.lastPathComponent) needs pain points")
        }
    }

    @Test func oneExampleIsInItalianWithAccents() throws {
        let texts = try Repository.journeyFiles(in: "journeys").map { try String(contentsOf: $0, encoding: .utf8) }
        #expect(texts.contains { $0.contains("à") || $0.contains("è") })
    }
}
