import Testing

@testable import JourneyXML

@Suite struct XMLWriterTests {
    /// A small document with every kind of element the writer knows.
    private func sampleDocument() -> String {
        var writer = XMLWriter()
        writer.writeSVGPrologue()
        let root: XMLAttributes = ["xmlns": XMLWriter.svgNamespace, "version": "1.1", "width": 120, "height": 40.5]
        writer.element("svg", root) { svg in
            svg.element("title", text: "Sign-up & <pay>")
            svg.element("g", ["id": svg.nextID("stage"), "class": "funnel"]) { group in
                group.element("rect", ["x": 0, "y": -0.001, "width": 10.256, "height": 1.005, "fill": nil])
                group.element("g") { _ in }
            }
            svg.element("g", ["id": svg.nextID("stage")]) { group in
                group.element("desc", text: "")
            }
            svg.inlineElement("text", ["x": 5, "y": 30]) { text in
                text.element("tspan", ["font-weight": "bold"], text: "Pay")
                text.text(" now")
            }
        }
        return writer.output
    }

    @Test func writesTheExactDocument() {
        #expect(
            sampleDocument() == """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="120" height="40.5">
                  <title>Sign-up &amp; &lt;pay&gt;</title>
                  <g id="stage-1" class="funnel">
                    <rect x="0" y="0" width="10.26" height="1"/>
                    <g/>
                  </g>
                  <g id="stage-2">
                    <desc/>
                  </g>
                  <text x="5" y="30"><tspan font-weight="bold">Pay</tspan> now</text>
                </svg>

                """)
    }

    @Test func outputIsByteIdenticalFromRunToRun() {
        #expect(sampleDocument() == sampleDocument())
    }

    @Test func svgDocumentCarriesThePrologueAndRootAttributes() {
        let document = XMLWriter.svgDocument(width: 640, height: 480.25, attributes: ["font-family": "DejaVu Sans"]) {
            svg in
            svg.element("rect", ["width": 640, "height": 480.25, "fill": "#fff"])
        }
        #expect(
            document == """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="640" height="480.25" \
                viewBox="0 0 640 480.25" font-family="DejaVu Sans">
                  <rect width="640" height="480.25" fill="#fff"/>
                </svg>

                """)
    }

    @Test func escapesEverySpecialCharacterInText() {
        var writer = XMLWriter()
        writer.element("title", text: #"a & b < c > d "e" 'f' ]]> g"#)
        #expect(writer.output == "<title>a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos; ]]&gt; g</title>\n")
    }

    @Test func escapesEverySpecialCharacterInAttributes() {
        var writer = XMLWriter()
        writer.element("a", ["title": #"<&>"'"# + "]]>\ttab\nline\rreturn"])
        #expect(writer.output == #"<a title="&lt;&amp;&gt;&quot;&apos;]]&gt;&#9;tab&#10;line&#13;return"/>"# + "\n")
    }

    @Test func dropsCharactersThatXMLDoesNotAllow() {
        #expect(XMLWriter.escaped("a\u{0}b\u{1B}c\u{8}d\u{FFFE}e\u{FFFF}f\u{7}") == "abcdef")
        // Tab and line feed are allowed in text; a carriage return would be read as a line feed.
        #expect(XMLWriter.escaped("a\tb\nc\rd") == "a\tb\nc&#13;d")
        // Everything else passes through: emoji, right-to-left text, U+FFFD, astral planes.
        let international = "👩‍👩‍👧 مرحبا שלום \u{FFFD} 𝄞 e\u{301}"
        #expect(XMLWriter.escaped(international) == international)
        // The same after a character that is escaped, and beside U+FFFE: the bytes EF BF BE.
        #expect(XMLWriter.escaped("&" + international) == "&amp;" + international)
        #expect(XMLWriter.escaped("\u{F000}\u{FFFD}\u{FFFE}\u{FFEF}\u{FFFF}ﬀ\u{FFFE}") == "\u{F000}\u{FFFD}\u{FFEF}ﬀ")
    }

    @Test func acceptsLettersOfAnyScriptInNames() {
        #expect(XMLWriter.isName("svg") && XMLWriter.isName("xlink:href") && XMLWriter.isName("_a-1.b"))
        #expect(XMLWriter.isName("città") && XMLWriter.isName("名前"))
        #expect(!XMLWriter.isName("1a") && !XMLWriter.isName("-a") && !XMLWriter.isName("") && !XMLWriter.isName("a b"))
    }

    @Test func keepsAttributesInTheOrderGiven() {
        var writer = XMLWriter()
        writer.element("rect", ["z": 1, "a": 2, "m": 3, "b": "x"])
        writer.element("rect", ["b": "x", "m": 3, "a": 2, "z": 1])
        #expect(writer.output == "<rect z=\"1\" a=\"2\" m=\"3\" b=\"x\"/>\n<rect b=\"x\" m=\"3\" a=\"2\" z=\"1\"/>\n")
    }

    @Test func combinesAttributesInOrder() {
        var attributes: XMLAttributes = ["x": 1, "y": 2]
        attributes.append("fill", "red")
        attributes.append("stroke", nil)
        let combined = attributes + ["class": "label"]
        #expect(combined.attributes.map(\.name) == ["x", "y", "fill", "class"])
        #expect(combined.attributes.map(\.value) == ["1", "2", "red", "label"])
    }

    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (-0.001, "0"), (-0.005, "-0.01"), (1.005, "1"), (1.015, "1.01"),
        (0.125, "0.13"), (2.5, "2.5"), (10.10, "10.1"), (-12.345, "-12.35"), (1234567.891, "1234567.89"),
        (1e20, "1e+20"),
    ])
    func formatsNumbersWithAtMostTwoDecimals(number: Double, expected: String) {
        #expect(XMLWriter.format(number) == expected)
        #expect(number.xmlAttributeText == expected)
    }

    @Test func countsIDsPerPrefix() {
        var writer = XMLWriter()
        #expect(writer.nextID("clip") == "clip-1")
        #expect(writer.nextID("label") == "label-1")
        #expect(writer.nextID("clip") == "clip-2")
        var another = XMLWriter()
        #expect(another.nextID("clip") == "clip-1")
    }

    @Test func blockTextGoesOnIndentedLines() {
        var writer = XMLWriter()
        writer.element("style") { style in
            style.text(".a { fill: red; }\n.b > .c { fill: blue; }")
        }
        #expect(writer.output == "<style>\n  .a { fill: red; }\n  .b &gt; .c { fill: blue; }\n</style>\n")
    }

    @Test func emptyTextAddsNothing() {
        var writer = XMLWriter()
        writer.element("g") { group in group.text("") }
        writer.inlineElement("text") { text in text.text("") }
        #expect(writer.output == "<g/>\n<text/>\n")
    }
}
