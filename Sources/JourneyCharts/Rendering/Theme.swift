import Foundation
import JourneyLanguage

/// The colours of a chart, from a JSON theme file: a bundled one (`light`, `dark`,
/// `print`) or one of the user's own.
///
/// A theme file is a JSON object of colours written `#rrggbb` and one opacity. A user's
/// theme may start from a bundled one with `"base": "dark"` and change only some keys.
/// Text is drawn in DejaVu Sans whatever the theme, since labels are laid out with its
/// metrics. See docs/charts.md for every key.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var background: Color
    /// Titles, stage names, labels.
    public var text: Color
    /// Secondary text: axis labels, stage numbers, legends.
    public var mutedText: Color
    public var grid: Color
    /// The zero line and the axes.
    public var axis: Color
    /// The fill of every other stage band, and of the band behind stage headers.
    public var bandFill: Color
    public var bandAlternateFill: Color
    /// The band of the weakest stage.
    public var weakestFill: Color
    /// The outline and text that name the weakest stage.
    public var weakestAccent: Color
    /// The emotion curve.
    public var curve: Color
    public var highFill: Color
    public var painFill: Color
    public var neutralFill: Color
    public var markerStroke: Color
    /// The tint of the area between the curve and zero, above zero.
    public var positiveArea: Color
    /// The tint of the area between the curve and zero, below zero.
    public var negativeArea: Color
    /// The opacity of both tints, from 0 to 1.
    public var areaOpacity: Double
    public var funnelBar: Color
    public var funnelWeakestBar: Color
    /// Text drawn on funnel bars.
    public var funnelBarText: Color
    /// The hatching and outline of the lost customers on the ladder's bars (drawn in `funnelBar`).
    public var ladderLost: Color
    /// The marks of targets on the funnel.
    public var targetMark: Color
    /// The empty part of a control gauge.
    public var controlTrack: Color
    /// The filled part of a control gauge.
    public var controlFill: Color

    /// The theme used when the user names none.
    public static let defaultName = "light"

    /// The colour keys of a theme file, in the order the docs list them.
    static var colorKeys: [(key: String, path: WritableKeyPath<Theme, Color>)] {
        [
            ("background", \.background), ("text", \.text), ("mutedText", \.mutedText), ("grid", \.grid),
            ("axis", \.axis), ("bandFill", \.bandFill), ("bandAlternateFill", \.bandAlternateFill),
            ("weakestFill", \.weakestFill), ("weakestAccent", \.weakestAccent), ("curve", \.curve),
            ("highFill", \.highFill), ("painFill", \.painFill), ("neutralFill", \.neutralFill),
            ("markerStroke", \.markerStroke), ("positiveArea", \.positiveArea), ("negativeArea", \.negativeArea),
            ("funnelBar", \.funnelBar), ("funnelWeakestBar", \.funnelWeakestBar), ("funnelBarText", \.funnelBarText),
            ("ladderLost", \.ladderLost), ("targetMark", \.targetMark), ("controlTrack", \.controlTrack),
            ("controlFill", \.controlFill),
        ]
    }

    /// Every key a theme file may hold.
    public static var keys: [String] {
        ["name", "description", "base", "areaOpacity"] + colorKeys.map(\.key)
    }

    /// The bundled theme called `name`, nil when there is none.
    public static func bundled(named name: String) throws(ThemeError) -> Theme? {
        guard let source = BundledTheme.all.first(where: { $0.name == name }) else { return nil }
        return try load(json: source.json, source: "\(name) theme", base: nil)
    }

    /// A theme from the text of a JSON theme file; `source` names it in errors.
    ///
    /// - Parameter base: the theme to start from when the file names none with `"base"`;
    ///   nil means every colour must be given.
    public static func load(json: String, source: String, base: Theme? = nil) throws(ThemeError) -> Theme {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
                throw ThemeError(
                    source: source, message: "a theme is a JSON object",
                    help: #"start the file with { "base": "light", … }"#)
            }
            object = parsed
        } catch let error as ThemeError {
            throw error
        } catch {
            throw ThemeError(
                source: source,
                message:
                    "not valid JSON (\((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"))",
                help: "check the commas and quotes of the file")
        }
        for key in object.keys.sorted() where !keys.contains(key) {
            let suggestion = Suggestion.closest(to: key, among: keys).map { "did you mean '\($0)'? " } ?? ""
            throw ThemeError(
                source: source, message: "unknown key '\(key)'",
                help: suggestion + "a theme's keys are listed in docs/charts.md")
        }
        var theme: Theme
        if let baseName = object["base"] {
            guard let baseName = baseName as? String, let named = try bundled(named: baseName) else {
                throw ThemeError(
                    source: source, message: "unknown base theme '\(object["base"] ?? "")'",
                    help: "base is one of " + BundledTheme.all.map { "'\($0.name)'" }.joined(separator: ", "))
            }
            theme = named
        } else if let base {
            theme = base
        } else {
            theme = Theme.placeholder
            let missing =
                colorKeys.map(\.key).filter { object[$0] == nil }
                + (object["areaOpacity"] == nil ? ["areaOpacity"] : [])
            if !missing.isEmpty {
                throw ThemeError(
                    source: source, message: "missing \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                    help: #"give every colour, or start from a bundled theme with "base": "light""#)
            }
        }
        theme.name = (object["name"] as? String) ?? theme.name
        for (key, path) in colorKeys {
            guard let value = object[key] else { continue }
            guard let text = value as? String, let color = Color(hex: text) else {
                throw ThemeError(
                    source: source, message: "'\(key)' is not a colour: \(value)", help: "write colours as \"#rrggbb\"")
            }
            theme[keyPath: path] = color
        }
        if let value = object["areaOpacity"] {
            guard let opacity = (value as? NSNumber)?.doubleValue, opacity >= 0, opacity <= 1,
                !(value is Bool)
            else {
                throw ThemeError(
                    source: source, message: "'areaOpacity' must be a number from 0 to 1",
                    help: "for example: \"areaOpacity\": 0.15")
            }
            theme.areaOpacity = opacity
        }
        return theme
    }

    /// Every colour black: the starting point of a theme file that gives all its colours.
    private static let placeholder: Theme = {
        let black = Color(red: 0, green: 0, blue: 0)
        return Theme(
            name: "custom", background: black, text: black, mutedText: black, grid: black, axis: black,
            bandFill: black, bandAlternateFill: black, weakestFill: black, weakestAccent: black,
            curve: black, highFill: black, painFill: black, neutralFill: black, markerStroke: black,
            positiveArea: black, negativeArea: black, areaOpacity: 0, funnelBar: black,
            funnelWeakestBar: black, funnelBarText: black, ladderLost: black, targetMark: black, controlTrack: black,
            controlFill: black)
    }()

    /// The pairs of colours that carry text, with the text colour first, for contrast checks.
    public var textPairs: [(name: String, foreground: Color, background: Color)] {
        [
            ("text on background", text, background),
            ("text on band", text, bandFill),
            ("text on alternate band", text, bandAlternateFill),
            ("text on weakest band", text, weakestFill),
            ("muted text on background", mutedText, background),
            ("muted text on band", mutedText, bandFill),
            ("muted text on alternate band", mutedText, bandAlternateFill),
            ("muted text on weakest band", mutedText, weakestFill),
            ("weakest accent on weakest band", weakestAccent, weakestFill),
            ("weakest accent on background", weakestAccent, background),
            ("bar text on bar", funnelBarText, funnelBar),
            ("bar text on weakest bar", funnelBarText, funnelWeakestBar),
        ]
    }
}

/// A theme file that could not be used, with what to do about it.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The theme's name or path.
    public var source: String
    public var message: String
    public var help: String

    public var description: String { "theme '\(source)': \(message)" }
}
