import Mustache
import Testing

@testable import JourneyHTMLReport

/// The bundled template's escaping: Mustache's own, on bytes.
@Suite struct XHTMLContentTypeTests {
    /// `text` as `{{x}}` renders it, with the default escaping or with `XHTML`.
    static func rendered(_ text: String, xhtml: Bool) throws -> String {
        XHTMLContentType.registered
        let pragma = xhtml ? "{{% CONTENT_TYPE: XHTML }}\n" : ""
        return try MustacheTemplate(string: pragma + "{{x}}").render(["x": text])
    }

    @Test(arguments: [
        "", "plain", "Tom & Jerry's <b>\"Café\"</b>", "]]> &amp; &lt;", "😀 👩‍👩‍👧 日本語 مرحبا", "'''\"\"\"<<>>&&",
        "tab\tline\ncarriage\r",
    ])
    func escapesAsMustacheDoes(text: String) throws {
        #expect(try Self.rendered(text, xhtml: true) == Self.rendered(text, xhtml: false))
    }

    @Test func escapesTheFiveBeforeACombiningMarkToo() throws {
        #expect(try Self.rendered("a <\u{301} & \"\u{301}", xhtml: true) == "a &lt;\u{301} &amp; &quot;\u{301}")
        // Mustache's HTML escaping sees `<` and the mark as one Character, and keeps it as it is.
        #expect(try Self.rendered("<\u{301}", xhtml: false) == "<\u{301}")
    }

    @Test func theBundledPageAsksForIt() throws {
        let page = try #require(ReportTemplateFile.named(ReportTemplateFile.pageName))
        #expect(page.text.hasPrefix("{{% CONTENT_TYPE: XHTML }}\n"))
    }
}
