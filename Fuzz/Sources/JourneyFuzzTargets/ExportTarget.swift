import JourneyInterchange
import JourneyLanguage

extension FuzzTarget {
    /// A `.journey` file exported as `journey export` does, in every format.
    ///
    /// Promise checked: an export of a journey without errors passes its own checks (schema
    /// validation for XML; for every format, reading it back gives the same journey), which the
    /// command otherwise reports as a bug in journey.
    static let export = FuzzTarget(
        name: "export",
        summary: "export a journey that checks as JSON, XML and Mermaid, each read back"
    ) { bytes in
        let checked = JourneyChecker.check(SourceFile(name: "fuzz.journey", bytes: bytes))
        guard !checked.hasErrors else { return }
        for format in InterchangeFormat.allCases {
            let exported = JourneyInterchange.export(checked.journey, as: format, name: "fuzz.\(format.fileExtension)")
            if !exported.diagnostics.isEmpty {
                let readBack = JourneyInterchange.parse(Array(exported.text.utf8), as: format, name: "fuzz")
                let difference =
                    firstDifference(checked.journey.withoutSourceLocations(), readBack.journey.withoutSourceLocations())
                    ?? "no difference found"
                FuzzFailure.stop(
                    "the \(format.rawValue) export failed its own checks; read back: \(difference)",
                    diagnostics: exported.diagnostics, in: exported.text)
            }
        }
    }
}
