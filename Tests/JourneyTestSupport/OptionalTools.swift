public import Foundation
public import Testing

/// Programs that some tests use to cross-check journey's output, and that a bare machine lacks.
///
/// A test that needs one is marked `.enabled(if: OptionalTools.xmllint != nil, OptionalTools.…)`
/// so that it is skipped, with the reason, where the tool is missing. Tools are looked up in
/// `JOURNEY_TEST_TOOL_PATH` when it is set (a `:`-separated list of folders; set it to an empty
/// folder to try the suite as on a bare machine), else in `PATH`.
public enum OptionalTools {
    /// `xmllint` from libxml2-utils, or nil when it is not installed.
    public static let xmllint = find("xmllint")

    /// Why tests that need `xmllint` are skipped.
    public static let xmllintMissing: Comment = "xmllint is not installed (apt-get install libxml2-utils)"

    /// `script` from util-linux, which runs a program on a pseudo-terminal, or nil.
    public static let script = find("script")

    /// Why tests that need `script` are skipped.
    public static let scriptMissing: Comment = "script is not installed (apt-get install bsdutils)"

    /// The executable named `name` in the tool path, or nil.
    public static func find(_ name: String) -> URL? {
        let environment = ProcessInfo.processInfo.environment
        let path = environment["JOURNEY_TEST_TOOL_PATH"] ?? environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }
}
