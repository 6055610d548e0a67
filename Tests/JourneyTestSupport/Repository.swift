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
    /// The starter journeys of `journey init`.
    public static var templatesFolder: URL { root.appendingPathComponent("templates", isDirectory: true) }

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
        (journeyFiles(in: journeysFolder) + journeyFiles(in: templatesFolder)).map {
            String($0.path.dropFirst(root.path.count + 1))
        }
    }

    /// The template names, from the starter journeys' files.
    public static func templateNames() -> [String] {
        journeyFiles(in: templatesFolder).map { $0.deletingPathExtension().lastPathComponent }
    }
}
