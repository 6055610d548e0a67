import Foundation
import Testing

@testable import JourneyCharts
@testable import JourneyXML

@Suite struct TextBoxTests {
    let font = FontMetrics.dejaVuSans

    @Test func boxRunsFromAscentToDescentOfItsLines() {
        // At 20.48 px one font unit is 0.01 px: ascent 19.01, descent 4.83, line height 23.84.
        let box = TextBox(
            "Checkout asks her to create an account", font: font, size: 20.48, x: 10, top: 5,
            maxWidth: 250, maxLines: 2)
        #expect(box.lines.count == 2)
        #expect(box.firstBaseline == 5 + 19.01)
        #expect(box.baselines == [24.01, 24.01 + 23.84])
        #expect(box.bounds.y == 5)
        #expect(abs(box.bounds.height - (19.01 + 4.83 + 23.84)) < 1e-9)
        #expect(box.bounds.width == box.lines.map { font.width(of: $0, size: 20.48) }.max())
        #expect(box.bounds.width <= 250)
    }

    @Test func anchorDecidesWhereTheBoxStarts() {
        let width = font.width(of: "Checkout", size: 12)
        let start = TextBox("Checkout", font: font, size: 12, anchor: .start, x: 100, top: 0, maxWidth: 200)
        let middle = TextBox("Checkout", font: font, size: 12, anchor: .middle, x: 100, top: 0, maxWidth: 200)
        let end = TextBox("Checkout", font: font, size: 12, anchor: .end, x: 100, top: 0, maxWidth: 200)
        #expect(start.bounds.minX == 100 && start.bounds.maxX == 100 + width)
        #expect(middle.bounds.midX == 100 && middle.bounds.width == width)
        #expect(end.bounds.maxX == 100 && end.bounds.minX == 100 - width)
    }

    @Test func knowsWhenItShortensTheText() {
        let fits = TextBox("Pay  now", font: font, size: 12, x: 0, top: 0, maxWidth: 200)
        #expect(fits.lines == ["Pay now"] && !fits.isShortened)
        let split = TextBox(
            "Supercalifragilisticexpialidocious", font: font, size: 12, x: 0, top: 0,
            maxWidth: 111, maxLines: 2)
        #expect(split.lines.count == 2 && !split.isShortened)
        let cut = TextBox("Forced sign-up before paying", font: font, size: 12, x: 0, top: 0, maxWidth: 101)
        #expect(cut.lines == ["Forced sign-up…"] && cut.isShortened)
        // The same outside ASCII, and with CR LF, tabs and a no-break space, which does not break.
        let accented = TextBox("Città\r\n\tnow", font: font, size: 12, x: 0, top: 0, maxWidth: 200)
        #expect(accented.lines == ["Città now"] && !accented.isShortened)
        let ascii = TextBox("Pay\r\n\tnow", font: font, size: 12, x: 0, top: 0, maxWidth: 200)
        #expect(ascii.lines == ["Pay now"] && !ascii.isShortened)
        let noBreak = TextBox("Pay\u{A0}now", font: font, size: 12, x: 0, top: 0, maxWidth: 200)
        #expect(noBreak.lines == ["Pay\u{A0}now"] && !noBreak.isShortened)
        let cutAccented = TextBox("Città before paying", font: font, size: 12, x: 0, top: 0, maxWidth: 50)
        #expect(cutAccented.isShortened)
    }

    @Test func measuresASCIIAsCharacters() {
        // At 2048 px a unit is a pixel, so the sums are exact.
        let space = font.width(of: " ", size: 2048)
        let a = font.width(of: "a", size: 2048)
        let b = font.width(of: "b", size: 2048)
        #expect(font.width(of: "a\r\nb", size: 2048) == a + 2 * space + b)
        let perCharacter = "Pay now".reduce(0) { $0 + font.width(of: String($1), size: 2048) }
        #expect(font.width(of: "Pay now", size: 2048) == perCharacter)
        #expect(font.wrapped("ab\r\ncd", width: 200, size: 12, maxLines: 2) == ["ab cd"])
    }

    @Test func anEmptyLabelCoversNothing() {
        let box = TextBox("", font: font, size: 12, x: 30, top: 40, maxWidth: 100)
        #expect(box.lines.isEmpty)
        #expect(box.bounds == Rect(x: 30, y: 40, width: 0, height: 0))
        var writer = XMLWriter()
        box.write(to: &writer)
        #expect(writer.output.isEmpty)
    }

    @Test func movesWithItsBox() {
        let box = TextBox("Checkout", font: font, size: 12, anchor: .middle, x: 50, top: 0, maxWidth: 100)
        let moved = box.offsetBy(dx: 10, dy: -20)
        #expect(moved.x == 60 && moved.firstBaseline == box.firstBaseline - 20)
        #expect(moved.bounds == box.bounds.offsetBy(dx: 10, dy: -20))
        #expect(moved.lines == box.lines)
    }

    @Test func rectanglesThatOnlyTouchDoNotIntersect() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        #expect(a.intersects(Rect(x: 9.99, y: 5, width: 10, height: 10)))
        #expect(!a.intersects(Rect(x: 10, y: 0, width: 10, height: 10)))
        #expect(!a.intersects(Rect(x: 0, y: 10, width: 10, height: 10)))
        #expect(!a.intersects(Rect(x: 20, y: 20, width: 1, height: 1)))
        #expect(a.intersects(Rect(x: 2, y: 2, width: 1, height: 1)))
        #expect(a.insetBy(dx: -2, dy: -2).intersects(Rect(x: 11, y: 0, width: 5, height: 5)))
    }

    @Test func rectangleContainsWhatLiesInsideItsEdges() {
        let canvas = Rect(x: 0, y: 0, width: 640, height: 480)
        #expect(canvas.contains(canvas))
        #expect(canvas.contains(Rect(x: 10, y: 10, width: 630, height: 470)))
        #expect(!canvas.contains(Rect(x: -0.01, y: 10, width: 5, height: 5)))
        #expect(!canvas.contains(Rect(x: 600, y: 10, width: 40.01, height: 5)))
        #expect(canvas.insetBy(dx: 8, dy: 8) == Rect(x: 8, y: 8, width: 624, height: 464))
    }

    /// A row of centred stage labels, each given its slot less a gap, never overlaps or leaves the canvas.
    @Test func aRowOfLabelsLaidOutInSlotsDoesNotOverlap() {
        let canvas = Rect(x: 0, y: 0, width: 640, height: 80)
        let names = [
            "Awareness", "Consideration of every 👩‍👩‍👧 family plan", "Checkout & <payment> \"now\"",
            "مرحبا بالعالم", String(repeating: "Retention ", count: 30), "e\u{301}",
        ]
        let slot = canvas.width / Double(names.count)
        let boxes = names.enumerated().map { index, name in
            TextBox(
                name, font: .dejaVuSansBold, size: 13, anchor: .middle, x: slot * (Double(index) + 0.5), top: 8,
                maxWidth: slot - 8, maxLines: 3)
        }
        for (index, box) in boxes.enumerated() {
            #expect(canvas.contains(box.bounds))
            for other in boxes[(index + 1)...] {
                #expect(!box.bounds.insetBy(dx: -3.99, dy: 0).intersects(other.bounds))
            }
        }
    }

    @Test func writesTheExactSVGOfAShortenedLabel() {
        let box = TextBox(
            "Checkout asks her to create an account", font: font, size: 12, x: 40, top: 10,
            maxWidth: 120, maxLines: 2)
        var writer = XMLWriter()
        box.write(to: &writer, attributes: ["fill": "#333"])
        #expect(
            writer.output == """
                <text x="40" y="21.14" font-family="DejaVu Sans" font-size="12" font-weight="normal" \
                text-anchor="start" fill="#333"><title>Checkout asks her to create an account</title>\
                <tspan x="40" y="21.14">Checkout asks her</tspan><tspan x="40" y="35.11">to create an…</tspan></text>

                """)
    }

    @Test func writesASingleLineAsPlainText() {
        let box = TextBox("Pay", font: .dejaVuSansBold, size: 14, anchor: .middle, x: 20, top: 0, maxWidth: 100)
        var writer = XMLWriter()
        box.write(to: &writer)
        #expect(
            writer.output == """
                <text x="20" y="13" font-family="DejaVu Sans" font-size="14" font-weight="bold" \
                text-anchor="middle">Pay</text>

                """)
    }

    /// Labels that break naive SVG writers come back from an XML parser exactly as they went in.
    @Test(arguments: [
        "Checkout <fast> & \"easy\" 'now'", "]]> ends a CDATA section", "<!-- not a comment -->",
        "👩‍👩‍👧 family 🇫🇷 ❤️", "مرحبا بالعالم", "שלום עולם", "e\u{301}a\u{308}",
        String(repeating: "Long label & more <", count: 16) + "!",
    ])
    func trickyLabelsRoundTripThroughAnXMLParser(label: String) {
        let box = TextBox(label, font: font, size: 12, anchor: .middle, x: 100, top: 10, maxWidth: 180, maxLines: 2)
        let document = XMLWriter.svgDocument(width: 200, height: 60) { svg in
            box.write(to: &svg)
        }
        let parsed = ParsedText(document)
        #expect(parsed.error == nil)
        #expect(parsed.texts["title"] == (box.isShortened ? label : nil))
        #expect(parsed.texts[box.lines.count > 1 ? "tspan" : "text"] == box.lines.joined())
        #expect(document == XMLWriter.svgDocument(width: 200, height: 60) { box.write(to: &$0) })
    }

    @Test func controlCharactersAreDroppedFromLabels() {
        let box = TextBox("Pay\u{1B}[0m now\u{0}", font: font, size: 12, x: 0, top: 0, maxWidth: 200)
        let document = XMLWriter.svgDocument(width: 200, height: 60) { box.write(to: &$0) }
        let parsed = ParsedText(document)
        #expect(parsed.error == nil)
        #expect(parsed.texts["text"] == "Pay[0m now")
    }
}

/// The text of each element name in a parsed document, concatenated, or the parser's findings.
///
/// Parsed with JourneyKit's own libxml2 reader rather than Foundation's `XMLParser`: on Linux
/// `XMLParser` drives libxml2 too, without the lock that guards libxml2's global state, and
/// running it beside the validator's tests crashed the test process once in about a dozen runs.
private struct ParsedText {
    var texts: [String: String] = [:]
    var error: String?

    init(_ document: String) {
        let reading = XMLTreeReader.read(Array(document.utf8), name: "label.svg", against: nil)
        guard let root = reading.root else {
            error = reading.validation.diagnostics.map(\.message).joined(separator: "; ")
            return
        }
        collect(root)
    }

    private mutating func collect(_ element: XMLTreeElement) {
        if !element.text.isEmpty {
            texts[element.name, default: ""] += element.text
        }
        for child in element.children {
            collect(child)
        }
    }
}
