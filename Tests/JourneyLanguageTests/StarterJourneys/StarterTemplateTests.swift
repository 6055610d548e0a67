import Foundation
import JourneyTestSupport
import Testing
@testable import JourneyLanguage

@Suite struct StarterTemplateTests {
    @Test func embeddedTemplatesMatchTheTemplatesFolder() throws {
        let files = try Repository.journeyFiles(in: "templates")
        #expect(StarterTemplate.all.map(\.name) == files.map { $0.deletingPathExtension().lastPathComponent },
                "run: python3 scripts/embed-templates.py")
        for (template, file) in zip(StarterTemplate.all, files) {
            #expect(template.text == (try String(contentsOf: file, encoding: .utf8)),
                    "\(template.name) differs from templates/: run python3 scripts/embed-templates.py")
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
        #expect(try Repository.journeyFiles(in: "journeys").count >= 4)
    }

    @Test func everyExampleChecksWithoutErrorsOrWarnings() throws {
        for url in try Repository.journeyFiles(in: "journeys") {
            let result = check(try String(contentsOf: url, encoding: .utf8), name: url.lastPathComponent)
            #expect(result.diagnostics.isEmpty, "\(url.lastPathComponent): \(result.diagnostics.map(\.message))")
            let stages = result.journey.stages
            #expect(stages.allSatisfy { $0.reach != nil }, "\(url.lastPathComponent) needs reach on every stage")
            #expect(stages.dropLast().allSatisfy { $0.target != nil }, "\(url.lastPathComponent) needs targets")
            #expect(result.journey.touchpoints.contains { !$0.pains.isEmpty }, "\(url.lastPathComponent) needs pain points")
        }
    }

    @Test func oneExampleIsInItalianWithAccents() throws {
        let texts = try Repository.journeyFiles(in: "journeys").map { try String(contentsOf: $0, encoding: .utf8) }
        #expect(texts.contains { $0.contains("à") || $0.contains("è") })
    }
}
