/// A starter journey that `journey init` copies for the user to edit.
///
/// The templates live in the repository's `templates/` folder and are compiled into the
/// library (see `scripts/embed-templates.py`), so the tool finds them wherever it runs.
public struct StarterTemplate: Hashable, Sendable {
    /// The name users pass to `journey init --template`, such as `e-commerce`.
    public var name: String
    /// The journey file's text.
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The template used when the user names none.
    public static let defaultName = "e-commerce"

    /// The template called `name`, if there is one.
    public static func named(_ name: String) -> StarterTemplate? {
        all.first { $0.name == name }
    }

    /// What the template is for, from its first comment line (`# Starter journey: …`).
    public var summary: String {
        guard let firstLine = text.split(separator: "\n", maxSplits: 1).first, firstLine.hasPrefix("#") else {
            return ""
        }
        var summary = firstLine.dropFirst().trimmingPrefix(" ")
        if let colon = summary.firstIndex(of: ":"), summary[..<colon].hasPrefix("Starter journey") {
            summary = summary[summary.index(after: colon)...].trimmingPrefix(" ")
        }
        return String(summary)
    }
}
