import JourneyTestSupport
import Testing

@testable import JourneyInterchange
@testable import JourneyLanguage

/// Actors become personas, one per distinct actor, with unique ids, in linear time.
@Suite struct MermaidActorsTests {
    @Test func actorsWithOneSlugAreNumberedInOrder() {
        var actors = MermaidActors(declared: [])
        let names = ["New Dev", "new dev!", "NEW-DEV?", "New Dev"]
        let ids = names.map { actors.personaID(for: $0, at: SourceLocation(line: 1, column: 1)) }
        #expect(ids == ["new-dev", "new-dev-2", "new-dev-3", "new-dev"])
        #expect(actors.personas.map(\.description) == ["New Dev", "new dev!", "NEW-DEV?"])
    }

    /// 40,000 actors that all slug to `x` import, in well under the time limit.
    ///
    /// Numbering each by trying every number from 2 took 363 s, and listing each task's
    /// personas in an array another 7 s; now under a second. The time limit is a minute: only a return of the quadratic numbering can reach it.
    @Test(.timeLimit(.minutes(1)))
    func aTaskWithFortyThousandActorsOfOneSlugImports() {
        let symbols = (0..<200).map { String(Unicode.Scalar(0x2600 + $0)!) }
        let actors = (0..<40_000).map { "x " + symbols[$0 / 200] + symbols[$0 % 200] }
        let diagram = "journey\n  title T\n  section S\n    Task: 3: " + actors.joined(separator: ",") + "\n"
        let imported = MermaidImporter.parse(diagram, name: "actors.mmd")
        #expect(!imported.diagnostics.contains { $0.severity == .error })
        let personas = imported.journey.personas
        #expect(personas.count == 40_000)
        #expect(Set(personas.map(\.id)).count == 40_000)
        #expect(personas.first?.id == "x" && personas.last?.id == "x-40000")
        #expect(imported.journey.stages.first?.touchpoints.first?.personas.count == 40_000)
    }
}
