/// A theme file that ships with the tool.
///
/// The themes are the files of `Rendering/Themes/`, which SwiftPM compiles into the module as
/// `PackageResources` (see Package.swift), so the tool finds them wherever it runs.
public struct BundledTheme: Hashable, Sendable {
    /// The name users pass to `--theme`, such as `dark`.
    public var name: String
    /// The theme file's JSON text.
    public var json: String

    public init(name: String, json: String) {
        self.name = name
        self.json = json
    }

    /// Every chart theme that ships with the tool, sorted by name.
    ///
    /// Each file of `Rendering/Themes/` must be listed here; a test fails until it is.
    public static let all: [BundledTheme] = [
        BundledTheme(name: "dark", bytes: PackageResources.dark_json),
        BundledTheme(name: "light", bytes: PackageResources.light_json),
        BundledTheme(name: "print", bytes: PackageResources.print_json),
    ].sorted { $0.name < $1.name }

    /// A theme from the UTF-8 bytes of its compiled-in file.
    private init(name: String, bytes: [UInt8]) {
        self.init(name: name, json: String(decoding: bytes, as: UTF8.self))
    }
}
