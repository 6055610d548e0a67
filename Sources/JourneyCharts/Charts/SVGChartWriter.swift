import JourneyXML

/// Writes a chart's items as an SVG 1.1 document, the same bytes for the same chart.
///
/// The document starts with the XML declaration and the SVG 1.1 document type, then a
/// `title` and a `desc` for screen readers, the clip paths in `defs`, a background and
/// the items in drawing order. Only elements and attributes of the SVG 1.1 DTD are used, and
/// only those that journey's SVG 1.1 subset schema declares (`SVGSubsetSchema`, in JourneyXML):
/// an element or attribute new here must be added there too, from the SVG 1.1 specification.
enum SVGChartWriter {
    static func document(_ part: ChartPart, title: String, description: String, theme: Theme) -> String {
        var clipIDs: [Rect: String] = [:]
        var clipOrder: [Rect] = []
        func collectClips(_ items: [SceneItem]) {
            for case .clipped(let rect, let inner) in items {
                if clipIDs[rect] == nil {
                    clipIDs[rect] = "clip-\(clipOrder.count + 1)"
                    clipOrder.append(rect)
                }
                collectClips(inner)
            }
        }
        collectClips(part.items)

        return XMLWriter.svgDocument(width: part.width.rounded(.up), height: part.height.rounded(.up)) { svg in
            svg.element("title", text: title)
            svg.element("desc", text: description)
            if !clipOrder.isEmpty {
                svg.element("defs") { defs in
                    for rect in clipOrder {
                        defs.element("clipPath", ["id": clipIDs[rect]]) { clip in
                            clip.element(
                                "rect", ["x": rect.x, "y": rect.y, "width": rect.width, "height": rect.height])
                        }
                    }
                }
            }
            svg.element(
                "rect",
                [
                    "x": 0, "y": 0, "width": part.width.rounded(.up), "height": part.height.rounded(.up),
                    "fill": theme.background.description,
                ])
            write(part.items, to: &svg, clipIDs: clipIDs)
        }
    }

    private static func write(_ items: [SceneItem], to writer: inout XMLWriter, clipIDs: [Rect: String]) {
        for item in items {
            switch item {
            case .rect(let rect, let paint, let radius, let tooltip):
                var attributes: XMLAttributes = [
                    "x": rect.x, "y": rect.y, "width": max(rect.width, 0),
                    "height": max(rect.height, 0),
                ]
                if radius > 0 { attributes.append("rx", radius) }
                shape("rect", attributes + paint.attributes, tooltip: tooltip, to: &writer)
            case .path(let data, let paint, let tooltip):
                shape("path", ["d": data] + paint.attributes, tooltip: tooltip, to: &writer)
            case .line(let from, let to, let paint):
                shape(
                    "line", ["x1": from.x, "y1": from.y, "x2": to.x, "y2": to.y] + paint.attributes,
                    tooltip: nil, to: &writer)
            case .circle(let center, let radius, let paint, let tooltip):
                shape(
                    "circle", ["cx": center.x, "cy": center.y, "r": radius] + paint.attributes,
                    tooltip: tooltip, to: &writer)
            case .text(let box, let fill):
                box.write(to: &writer, attributes: ["fill": fill.description])
            case .clipped(let rect, let inner):
                writer.element("g", ["clip-path": "url(#\(clipIDs[rect] ?? ""))"]) { group in
                    write(inner, to: &group, clipIDs: clipIDs)
                }
            }
        }
    }

    private static func shape(_ name: String, _ attributes: XMLAttributes, tooltip: String?, to writer: inout XMLWriter)
    {
        if let tooltip {
            writer.element(name, attributes) { $0.element("title", text: tooltip) }
        } else {
            writer.element(name, attributes)
        }
    }
}

extension SceneItem.Paint {
    /// The SVG presentation attributes, in a fixed order; no fill means `fill="none"`.
    var attributes: XMLAttributes {
        var attributes: XMLAttributes = ["fill": fill?.description ?? "none"]
        if let fillOpacity { attributes.append("fill-opacity", fillOpacity) }
        if let stroke {
            attributes.append("stroke", stroke.description)
            attributes.append("stroke-width", strokeWidth ?? 1)
            if let dash { attributes.append("stroke-dasharray", dash) }
        }
        return attributes
    }
}
