/// The numeric character references of the HTML entities most often pasted into XML, where
/// only `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&apos;` exist unless a DTD declares more.
enum UndeclaredEntity {
    /// HTML's name for a character, and its code point.
    private static let htmlEntities: [String: Int] = [
        "nbsp": 160, "copy": 169, "reg": 174, "deg": 176, "middot": 183, "times": 215,
        "ndash": 8211, "mdash": 8212, "lsquo": 8216, "rsquo": 8217, "ldquo": 8220, "rdquo": 8221,
        "bull": 8226, "hellip": 8230, "euro": 8364, "trade": 8482, "laquo": 171, "raquo": 187,
    ]

    /// The numeric character reference for the HTML entity `name`, such as `&#160;` for
    /// `nbsp`; nil when `name` is not one of the common ones.
    static func characterReference(forHTMLEntity name: String) -> String? {
        htmlEntities[name].map { "&#\($0);" }
    }
}
