import Foundation
import JourneyTestSupport
import Testing

/// What a run of the `journey` binary produced.
struct RunResult: Sendable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String {
        "exit status \(status)\n--- stdout ---\n\(stdout)--- stderr ---\n\(stderr)--- end ---"
    }
}

/// The built `journey` executable, run as a subprocess the way a user runs it.
enum JourneyBinary {
    /// The problem when the binary cannot be found next to the test executable.
    struct NotFound: Error, CustomStringConvertible {
        var searched: [String]

        var description: String {
            "The built 'journey' binary was not found next to the test executable. "
                + "Build and test with the same scratch path, e.g. "
                + "`swift test --scratch-path .build-e2e --filter JourneyEndToEndTests`. Looked in:\n"
                + searched.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    /// The path of the built `journey` executable.
    ///
    /// It is a sibling of the test executable: on Linux `…/debug/journeyPackageTests.xctest` is itself
    /// an executable; on macOS it is a bundle whose executable is in `Contents/MacOS`, so the search
    /// also walks up a few folders from the executable.
    static func url() throws -> URL {
        var searched: [String] = []
        for start in testExecutableCandidates() {
            var folder = start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("journey")
                if !searched.contains(candidate.path) {
                    searched.append(candidate.path)
                }
                if isExecutableFile(candidate) {
                    return candidate
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        throw NotFound(searched: searched)
    }

    /// Where the running test executable might be, most reliable first.
    private static func testExecutableCandidates() -> [URL] {
        var candidates: [URL] = []
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: resolved).standardizedFileURL)
        }
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.resolvingSymlinksInPath())
        }
        if let first = CommandLine.arguments.first, !first.isEmpty {
            let url = URL(
                fileURLWithPath: first, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            candidates.append(url.standardizedFileURL.resolvingSymlinksInPath())
        }
        return candidates
    }

    private static func isExecutableFile(_ url: URL) -> Bool {
        // A candidate that does not exist is simply not the binary.
        guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey]) else { return false }
        return values.isRegularFile == true && FileManager.default.isExecutableFile(atPath: url.path)
    }
}

/// Runs `journey` with `arguments` and waits for it to exit.
///
/// - Parameters:
///   - stdin: the text given on standard input; when nil, standard input is empty (`/dev/null`).
///   - environment: variables added to, or replacing, the inherited environment. `NO_COLOR` and
///     `COLUMNS` are removed from the inherited environment so that results do not depend on the
///     caller's shell.
///   - currentDirectory: the working directory; by default, the test's own.
/// - Returns: the exit status and everything written to standard output and standard error,
///   decoded as UTF-8. Both streams go to temporary files, so neither pipe can fill up and block.
func run(
    _ arguments: [String],
    stdin: String? = nil,
    environment: [String: String]? = nil,
    currentDirectory: URL? = nil
) throws -> (status: Int32, stdout: String, stderr: String) {
    let result = try runJourney(
        arguments, stdin: stdin.map { Data($0.utf8) },
        environment: environment, currentDirectory: currentDirectory)
    return (result.status, result.stdout, result.stderr)
}

/// Like `run`, with standard input given as raw bytes and the result as a printable value.
///
/// Every hint journey prints on standard error must start in lower case (`HintStyle`), so that
/// each run of the suite checks the hints it provokes.
func runJourney(
    _ arguments: [String],
    stdin: Data? = nil,
    environment: [String: String]? = nil,
    currentDirectory: URL? = nil,
    terminalColumns: Int? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> RunResult {
    let result = try runExecutable(
        try JourneyBinary.url(), arguments, stdin: stdin, environment: environment,
        currentDirectory: currentDirectory, terminalColumns: terminalColumns)
    for hint in HintStyle.hints(in: result.stderr) where !HintStyle.startsInLowerCase(hint) {
        Issue.record("a hint starts in upper case: \(hint)", sourceLocation: sourceLocation)
    }
    return result
}

/// Runs any program, such as `xmllint`, the way `runJourney` runs `journey`.
///
/// - Parameter terminalColumns: when given, standard output is a terminal of that many columns,
///   as for a person at one, instead of a file: `script(1)` of util-linux (in every Debian, an
///   essential package) runs the program on a pseudo-terminal, `stty` sets its width, and the
///   terminal's CR LF line ends come back as LF. Standard error still goes to a file.
func runExecutable(
    _ binary: URL,
    _ arguments: [String],
    stdin: Data? = nil,
    environment: [String: String]? = nil,
    currentDirectory: URL? = nil,
    terminalColumns: Int? = nil
) throws -> RunResult {
    let scratch = FileManager.default.temporaryDirectory
        .appendingPathComponent("journey-e2e-run-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }

    let stdoutURL = scratch.appendingPathComponent("stdout")
    let stderrURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
    let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
    let stderrHandle = try FileHandle(forWritingTo: stderrURL)
    defer {
        try? stdoutHandle.close()
        try? stderrHandle.close()
    }

    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let columns = terminalColumns {
        func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
        let command =
            "stty cols \(columns) rows 24 && exec \(([binary.path] + arguments).map(quoted).joined(separator: " ")) "
            + "2>\(quoted(stderrURL.path))"
        process.executableURL = OptionalTools.script
        process.arguments = ["--quiet", "--return", "--command", command, "/dev/null"]
    }
    process.standardOutput = stdoutHandle
    process.standardError = stderrHandle

    // Standard input also comes from a file: writing into a pipe the child never reads could block
    // or raise SIGPIPE in the test process.
    var stdinHandle: FileHandle?
    if let stdin {
        let stdinURL = scratch.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: stdinURL.path, contents: stdin)
        stdinHandle = try FileHandle(forReadingFrom: stdinURL)
        process.standardInput = stdinHandle
    } else {
        process.standardInput = FileHandle.nullDevice
    }
    defer { try? stdinHandle?.close() }

    var variables = ProcessInfo.processInfo.environment
    variables["NO_COLOR"] = nil
    // The width of the caller's terminal, when exported, would change the help and the tables.
    variables["COLUMNS"] = nil
    for (name, value) in environment ?? [:] {
        variables[name] = value
    }
    process.environment = variables
    if let currentDirectory {
        process.currentDirectoryURL = currentDirectory
    }

    try process.run()
    process.waitUntilExit()

    var stdout = try Data(contentsOf: stdoutURL)
    if terminalColumns != nil {
        stdout = Data(String(decoding: stdout, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8)
    }
    let stderr = try Data(contentsOf: stderrURL)
    let status: Int32 =
        process.terminationReason == .uncaughtSignal
        ? 128 + process.terminationStatus  // a crash or trap shows up as 128 + signal, never as 0 or 1
        : process.terminationStatus
    return RunResult(
        status: status,
        stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}

/// Runs `body` with a new, empty temporary folder that is removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("journey-e2e-\(UUID().uuidString)", isDirectory: true)
        .resolvingSymlinksInPath()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

extension URL {
    /// Writes `text` as UTF-8 to `name` inside this folder and returns the file's URL.
    @discardableResult
    func writing(_ text: String, to name: String) throws -> URL {
        try writing(Data(text.utf8), to: name)
    }

    /// Writes raw `bytes` to `name` inside this folder and returns the file's URL.
    @discardableResult
    func writing(_ bytes: Data, to name: String) throws -> URL {
        let file = appendingPathComponent(name)
        try bytes.write(to: file)
        return file
    }
}

/// The names in `folder`, hidden ones included (a leftover temporary file starts with a dot), sorted.
func contents(of folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
}
