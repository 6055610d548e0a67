import Foundation
import Testing

@testable import JourneyLanguage
@testable import JourneyXML

/// What a document may make libxml2 read: only the DTDs and entities that the catalog names.
///
/// Any other local file, a named pipe, standard input or the network is never opened, and the
/// message is the same whether the file exists or not. On the code before this rule, the test
/// of the named pipe never returns: the time limit reports it, but the blocked thread stays.
@Suite struct ExternalLoadTests {
    static let dtdMissing: Comment =
        "the SVG 1.1 DTD is not in the system XML catalog (apt-get install w3c-sgml-lib)"

    /// A document whose DOCTYPE names the DTD `path` and nothing else.
    static func document(namingDTD path: String) -> String {
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"\(path)\">\n<r/>\n"
    }

    /// A fresh folder for files next to a document, removed after `body`.
    static func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "journey-external-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    @Test func aLocalDTDOutsideTheCatalogIsNotReadAndTellsNothingAboutTheFile() {
        // /etc/passwd exists and anyone may read it; the other does not exist. Reading the first
        // used to give "Content error in the external subset": an oracle for any path.
        let existing = XMLValidator.validate(Self.document(namingDTD: "/etc/passwd"), name: "r.xml")
        let missing = XMLValidator.validate(Self.document(namingDTD: "/nonexistent/r.dtd"), name: "r.xml")
        #expect(existing.diagnostics.map(\.code) == ["dtd-not-found"])
        #expect(existing.diagnostics.first?.message == "the DTD '/etc/passwd' was not found in the system XML catalog")
        #expect(existing.diagnostics.first?.range == SourceRange(line: 2, column: 1, length: 9))
        #expect(
            existing.diagnostics.map { $0.message.replacing("/etc/passwd", with: "/nonexistent/r.dtd") }
                == missing.diagnostics.map(\.message))
        #expect(existing.grammar == nil)
    }

    @Test func aValidDTDNextToTheDocumentIsNotReadEither() throws {
        try Self.withFolder { folder in
            try "<!ELEMENT r EMPTY>\n".write(
                to: folder.appendingPathComponent("r.dtd"), atomically: true, encoding: .utf8)
            let name = folder.appendingPathComponent("r.xml").path
            let result = XMLValidator.validate(Self.document(namingDTD: "r.dtd"), name: name)
            #expect(result.diagnostics.map(\.code) == ["dtd-not-found"], "\(result.diagnostics)")
            #expect(!result.isValid)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aNamedPipeIsNeverOpened() throws {
        // Opening a pipe for reading waits for a writer: the validation never returned.
        try Self.withFolder { folder in
            let pipe = folder.appendingPathComponent("r.dtd").path
            #expect(mkfifo(pipe, 0o600) == 0)
            let result = XMLValidator.validate(Self.document(namingDTD: pipe), name: "r.xml")
            #expect(result.diagnostics.map(\.code) == ["dtd-not-found"])
        }
    }

    @Test func anExternalEntityOnTheNetworkIsRefusedWhereItIsDeclared() {
        let result = XMLValidator.validate(
            """
            <?xml version="1.0"?>
            <!DOCTYPE r [
              <!ENTITY e SYSTEM "http://example.invalid/e.txt">
            ]>
            <r>&e;</r>
            """, name: "r.xml")
        let refusals = result.diagnostics.filter { $0.code == "external-entity-refused" }
        #expect(refusals.map(\.range) == [SourceRange(line: 3, column: 21, length: 30)])
        #expect(
            refusals.first?.message
                == "the external entity 'http://example.invalid/e.txt' was not read: journey never goes to the network")
        #expect(!result.isValid)
    }

    @Test func aParameterEntityNamingALocalFileIsRefused() {
        let result = XMLValidator.validate(
            """
            <?xml version="1.0"?>
            <!DOCTYPE r [
              <!ENTITY % secrets SYSTEM "/etc/passwd">
              %secrets;
            ]>
            <r/>
            """, name: "r.xml")
        #expect(result.diagnostics.first?.code == "external-entity-refused", "\(result.diagnostics)")
        #expect(result.diagnostics.first?.range.start == SourceLocation(line: 3, column: 29))
        #expect(
            result.diagnostics.first?.message
                == "the external entity '/etc/passwd' was not read: journey reads only the files that the system "
                + "XML catalog names")
    }

    @Test(
        "an SVG whose DTD is installed gets the entity's message, not that the DTD is missing",
        .enabled(if: XMLValidator.svg11DTDIsInstalled, dtdMissing))
    func anHTTPEntityInAnSVGIsNotAMissingDTD() {
        let result = XMLValidator.validate(
            """
            <?xml version="1.0"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
              <!ENTITY e SYSTEM "http://example.invalid/e.txt">
            ]>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="1" height="1"><title>&e;</title></svg>
            """, name: "e.svg")
        #expect(result.diagnostics.map(\.code) == ["external-entity-refused"], "\(result.diagnostics)")
        #expect(result.checks.contains(.dtd(.svg11)))
    }
}
