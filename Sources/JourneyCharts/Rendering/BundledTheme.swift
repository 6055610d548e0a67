/// A theme file that ships with the tool, compiled in from `templates/themes/`.
public struct BundledTheme: Hashable, Sendable {
    /// The name users pass to `--theme`, such as `dark`.
    public var name: String
    /// The theme file's JSON text.
    public var json: String

    public init(name: String, json: String) {
        self.name = name
        self.json = json
    }
}
