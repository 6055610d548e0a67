/// `text` escaped for XML and HTML text and attribute values.
///
/// - Parameter apostrophe: how `'` is written: `&#39;` by Mustache (the HTML report),
///   `&apos;` by the SVG and XML writers.
public func escapedMarkup(_ text: String, apostrophe: String = "&#39;") -> String {
    var result = ""
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += apostrophe
        default: result.append(character)
        }
    }
    return result
}
