import CLibXML2
import JourneyLanguage

/// Turns libxml2's findings into the project's diagnostics, placed in the document's text.
enum XMLFindings {
    /// The diagnostics for `errors`, in the order libxml2 reported them.
    ///
    /// - Parameters:
    ///   - documentName: the name the document was parsed under; findings in any other file
    ///     (a DTD, an imported schema) are placed at `elsewhere` and name that file.
    ///   - source: the document's text, to put carets under the attribute or tag a validity
    ///     finding is about.
    ///   - grammar: what validity findings are measured against, such as "the SVG 1.1 DTD".
    ///   - elsewhere: where to put findings that belong to no line of the document.
    static func diagnostics(
        for errors: [LibXML2Error],
        documentName: String,
        source: SourceFile,
        grammar: String,
        elsewhere: SourceRange = SourceRange(line: 1, column: 1)
    ) -> [Diagnostic] {
        let locator = XMLMarkupLocator(source: source)
        return errors.map { error in
            var message = error.message
            let range: SourceRange
            if let file = error.file, file != documentName {
                message = error.line > 0 ? "in \(file):\(error.line): \(message)" : "in \(file): \(message)"
                range = elsewhere
            } else if error.line == 0 && error.nodeLine == 0 {
                range = elsewhere
            } else {
                range = locator.range(of: error)
            }
            if error.level == .warning {
                return .xmlWarning(message, at: range)
            }
            if error.isUndeclaredEntity, let name = error.firstParameter, error.file ?? documentName == documentName {
                // libxml2 stands just past the reference; the caret goes under all of it.
                return .xmlUndeclaredEntity(
                    name, at: locator.entityReference(name, atLine: error.line, column: error.column) ?? range)
            }
            if error.is(from: XML_FROM_SCHEMASP) {
                return .xsdInvalid(message, at: range)
            }
            if error.isValidityFinding {
                return .xmlInvalid(message, against: grammar, at: range)
            }
            return .xmlNotWellFormed(message, at: range)
        }
    }

    /// The diagnostics for `errors` found in the document whose bytes are `text`.
    static func diagnostics(for errors: [LibXML2Error], documentName: String, text: [UInt8], grammar: String)
        -> [Diagnostic]
    {
        // Most documents have no finding: splitting a 2 MB report into lines for none took 45 M
        // instructions.
        guard !errors.isEmpty else { return [] }
        return diagnostics(
            for: errors, documentName: documentName, source: SourceFile(name: documentName, bytes: text),
            grammar: grammar)
    }
}
