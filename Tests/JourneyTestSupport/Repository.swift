public import Foundation

/// The repository's folders that the tests read, found from this file's location so that
/// tests run from anywhere.
public enum Repository {
    /// The repository root.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // JourneyTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The example journeys, `journeys/`.
    public static var journeysFolder: URL { root.appendingPathComponent("journeys", isDirectory: true) }
    /// The folder of starter journeys that `JourneyLanguage` compiles in, for `journey init`.
    public static let starterJourneys = "Sources/JourneyLanguage/StarterJourneys/Journeys"
    /// The folder of chart themes that `JourneyCharts` compiles in.
    public static let themes = "Sources/JourneyCharts/Rendering/Themes"
    /// The folder of XML Schemas that `JourneyInterchange` compiles in.
    public static let schemas = "Sources/JourneyInterchange/XML/Schemas"
    /// The folder of the report template that `JourneyHTMLReport` compiles in.
    public static let bundledReportTemplate = "Sources/JourneyHTMLReport/BundledTemplate"

    /// The starter journeys' folder.
    public static var starterJourneysFolder: URL { root.appendingPathComponent(starterJourneys, isDirectory: true) }
    /// The XML Schema of version 1 of the XML format.
    public static var schemaFile: URL { root.appendingPathComponent(schemas + "/journey-1.xsd") }

    /// The `.journey` files directly in `folder`, sorted by name.
    ///
    /// A folder that cannot be read stops the test run: a parameterized test over no files
    /// would pass without testing anything.
    public static func journeyFiles(in folder: URL) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            fatalError("cannot list \(folder.path): \(error)")
        }
        let files = names.filter { $0.hasSuffix(".journey") }.sorted().map { folder.appendingPathComponent($0) }
        precondition(!files.isEmpty, "no .journey file in \(folder.path)")
        return files
    }

    /// The `.journey` files in a folder of the repository, such as `journeys`, sorted by name.
    public static func journeyFiles(in folder: String) -> [URL] {
        journeyFiles(in: root.appendingPathComponent(folder, isDirectory: true))
    }

    /// Paths relative to the root of every example journey and template, for parameterized tests.
    public static func checkedFiles() -> [String] {
        (journeyFiles(in: journeysFolder) + journeyFiles(in: starterJourneysFolder)).map {
            String($0.path.dropFirst(root.path.count + 1))
        }
    }

    /// The template names, from the starter journeys' files.
    public static func templateNames() -> [String] {
        journeyFiles(in: starterJourneysFolder).map { $0.deletingPathExtension().lastPathComponent }
    }

    /// The name and bytes of every file in a resource folder of the repository, hidden ones
    /// left out, sorted by name: what SwiftPM compiles into the module.
    public static func resourceFiles(in folder: String) throws -> [(name: String, bytes: [UInt8])] {
        try FileManager.default
            .contentsOfDirectory(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            .map { ($0.lastPathComponent, Array(try Data(contentsOf: $0))) }
    }
}
