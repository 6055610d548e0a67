import JourneyXML

extension TextBox {
    /// Writes the label as one SVG `text` element, on one line, with its font declared.
    ///
    /// A single line is the element's text; several lines are `tspan` children, each at the
    /// anchor `x` and its own baseline `y`. When the lines shorten the text, a `title` child
    /// holds the full text, which browsers show as a tooltip. `attributes` (a `fill`, a `class`)
    /// follow the position and font attributes. An empty label writes nothing.
    ///
    /// A label of two lines that leave out the end of its text, written on one line in the file:
    ///
    /// ```
    /// <text x="40" y="21.14" font-family="DejaVu Sans" font-size="12" font-weight="normal"
    ///   text-anchor="start"><title>Checkout asks her to create an account</title><tspan x="40"
    ///   y="21.14">Checkout asks her</tspan><tspan x="40" y="35.11">to create an…</tspan></text>
    /// ```
    public func write(to writer: inout XMLWriter, attributes: XMLAttributes = [:]) {
        guard !lines.isEmpty else { return }
        let textAttributes: XMLAttributes = [
            "x": x, "y": firstBaseline, "font-family": fontFamily, "font-size": fontSize,
            "font-weight": fontWeight.rawValue, "text-anchor": anchor.rawValue,
        ]
        writer.inlineElement("text", textAttributes + attributes) { label in
            if isShortened {
                label.element("title", text: text)
            }
            if lines.count == 1 {
                label.text(lines[0])
            } else {
                for (line, baseline) in zip(lines, baselines) {
                    label.element("tspan", ["x": x, "y": baseline], text: line)
                }
            }
        }
    }
}
