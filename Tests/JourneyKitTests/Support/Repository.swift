import Foundation

/// Paths in the repository, found from this file's location so tests run from anywhere.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // JourneyKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The `.journey` files in a folder of the repository, sorted by name.
    static func journeyFiles(in folder: String) throws -> [URL] {
        try FileManager.default
            .contentsOfDirectory(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "journey" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
