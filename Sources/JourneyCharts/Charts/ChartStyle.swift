import JourneyLanguage

/// The sizes every chart shares, in px.
enum ChartStyle {
    static let regular = FontMetrics.dejaVuSans
    static let bold = FontMetrics.dejaVuSansBold

    static let margin = 24.0
    /// The widest (and tallest) canvas, in px, that librsvg draws: `rsvg-convert` refuses a larger
    /// one ("Librsvg currently cannot render to images bigger than that"), as cairo's image
    /// surfaces stop at 32,767 px.
    static let largestCanvas = 32_767.0
    static let titleSize = 20.0
    static let subtitleSize = 12.0
    static let headingSize = 13.0
    static let bodySize = 11.0
    static let smallSize = 10.0

    /// A label in the regular face.
    static func label(
        _ text: String, size: Double = bodySize, bold isBold: Bool = false,
        anchor: TextBox.Anchor = .start, x: Double, top: Double,
        maxWidth: Double, maxLines: Int = 1
    ) -> TextBox {
        TextBox(
            text, font: isBold ? bold : regular, size: size, anchor: anchor, x: x, top: top,
            maxWidth: max(maxWidth, 1), maxLines: maxLines)
    }

    /// `+3`, `0`, `-1.5`: a score as charts write it.
    static func score(_ value: Double) -> String {
        let text = NumberFormatting.plain(value, maximumFractionDigits: 1)
        return value > 0 && text != "0" ? "+" + text : text
    }
}
