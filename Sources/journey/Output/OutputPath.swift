import ArgumentParser
import JourneyLanguage

/// Where a command that writes one file writes it, when `-o` does not say.
enum OutputPath {
    /// `output` when given; else the input's file name, in the current folder, with its ending
    /// replaced by `newExtension`.
    ///
    /// - Parameters:
    ///   - ending: the ending to drop from the input's name, such as `.journey`; nil drops the
    ///     last extension, whatever it is.
    ///   - what: the written file in the error for standard input, such as `the chart's file`.
    static func resolve(
        _ output: String?, input: String, dropping ending: String?, adding newExtension: String,
        what: String
    ) throws -> String {
        if let output { return output }
        guard input != "-" else {
            throw ValidationError("Reading standard input, name \(what) with -o (or -o - for standard output).")
        }
        var name = String(input.split(separator: "/").last ?? "journey")
        if let ending {
            if name.hasSuffix(ending) { name.removeLast(ending.count) }
        } else if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            name = String(name[..<dot])
        }
        return name + "." + newExtension
    }
}

extension OutputPath {
    /// The help shown when the file of the default name exists and `--force` was not given.
    static let defaultNameExistsHelp = "name the file to write with -o, or replace this one with --force"

    /// Whether a command that names its file itself when `-o` does not replaces an existing one:
    /// a file the user named with `output`, or any with `force`, but never one of the default
    /// name without it (see docs/files.md).
    static func replaces(output: String?, force: Bool) -> Bool {
        output != nil || force
    }

    /// Writes `text` to `destination` atomically, or to standard output when it is `-` or names
    /// the file or pipe standard output goes to (`/dev/stdout`).
    ///
    /// - Parameter existsHelp: the hint shown when the file exists and `replacing` is false.
    /// - Returns: whether a file was written (false for standard output), so the caller can say so.
    static func write(
        _ text: String, to destination: String, replacing: Bool = true, existsHelp: String? = nil,
        printer: DiagnosticPrinter
    ) throws -> Bool {
        if destination == "-" || FileSystem.isStandardOutput(destination) {
            StandardStreams.writeOutput(text)
            return false
        }
        do {
            try FileSystem.write(Array(text.utf8), to: destination, replacing: replacing)
        } catch {
            printer.printError(error.description, help: error.kind == .alreadyExists ? existsHelp : nil)
            throw ExitCode.failure
        }
        return true
    }
}
