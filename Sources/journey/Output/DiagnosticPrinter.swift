import ArgumentParser
import Foundation
import Glibc
import JourneyLanguage

/// How `journey check` prints diagnostics.
enum DiagnosticOutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Compiler-style text on standard error.
    case text
    /// One JSON document on standard output.
    case json
}

/// Whether to colour terminal output.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether to colour what goes to `descriptor`: `auto` means a terminal, unless NO_COLOR is set.
    func enabled(forDescriptor descriptor: Int32) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
            return isatty(descriptor) == 1
        }
    }
}

/// Prints diagnostics as text on standard error, or collects them into JSON on standard output.
struct DiagnosticPrinter {
    /// The checks a file passed and those it failed, each as a person reads it.
    typealias FileChecks = (passed: [String], failed: [String])

    var format: DiagnosticOutputFormat
    var usesColor: Bool

    private var formatter: DiagnosticFormatter { DiagnosticFormatter(usesColor: usesColor) }

    /// The most diagnostics printed as text for one file: 100.
    ///
    /// The others are counted in one line and in the summary, and all are in the JSON document.
    static let mostPrintedPerFile = 100

    /// Prints the diagnostics of one file when the format is text.
    func print(_ diagnostics: [Diagnostic], in file: SourceFile) {
        print(diagnostics, fileName: file.name) { file.line($0) }
    }

    /// Prints the diagnostics of a file held only in part: `line` gives the text of a line
    /// number, or nil for a diagnostic about the whole file, shown without a source line.
    func print(_ diagnostics: [Diagnostic], fileName: String, line: (Int) -> Substring?) {
        guard format == .text else { return }
        func write(_ diagnostic: Diagnostic) {
            StandardStreams.writeError(
                formatter.format(
                    diagnostic, fileName: fileName,
                    sourceLine: line(diagnostic.location.line)) + "\n")
        }
        diagnostics.prefix(Self.mostPrintedPerFile).forEach(write)
        // Where the checker stopped (`too-many-errors`, last in file order) is shown however
        // many come before it.
        let stop = diagnostics.last.flatMap {
            diagnostics.count > Self.mostPrintedPerFile && $0.code == Diagnostic.tooManyErrorsCode ? $0 : nil
        }
        let more = diagnostics.count - Self.mostPrintedPerFile - (stop == nil ? 0 : 1)
        if more > 0 {
            StandardStreams.writeError(
                "\(TerminalText.escaped(fileName)): \(more) more diagnostic\(more == 1 ? "" : "s") not shown "
                    + "(the first \(Self.mostPrintedPerFile) are); --format json lists them all\n\n")
        }
        stop.map(write)
    }

    /// Prints a problem that belongs to no line, such as a file that cannot be read.
    func printError(_ message: String, help: String? = nil) {
        let prefix = usesColor ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
        let limit = DiagnosticFormatter.longestMessage
        var text = "journey: \(prefix) \(TerminalText.escaped(message, limit: limit))\n"
        if let help {
            text += "  = help: \(TerminalText.escaped(help, limit: limit))\n"
        }
        StandardStreams.writeError(text)
    }

    /// Prints why a file could not be read: at its line and column when it is not text (without
    /// the line, which is binary), else as `printError(_:help:)` does.
    func printError(_ error: FileError) {
        guard case .notText = error.kind else {
            printError(error.description, help: error.help)
            return
        }
        print([.unreadable(error)], fileName: error.path == "-" ? "<stdin>" : error.path) { _ in nil }
    }

    /// Reads each of `paths` (`-` is standard input), diagnoses it with `diagnose`, prints what
    /// it finds, then the summary or the JSON document, and returns the report.
    ///
    /// A file that cannot be read is reported, counted as an error, and the others go on.
    func diagnoseFiles(
        _ paths: [String], limit: InputLimit, _ diagnose: (SourceFile, [UInt8]) -> [Diagnostic]
    ) -> DiagnosticReport {
        diagnoseFiles(paths, limit: limit, reportingChecks: { file, bytes in (diagnose(file, bytes), nil) })
    }

    /// Reads and diagnoses each of `paths` as `diagnoseFiles(_:_:)` does, where `diagnose` also
    /// names the checks it ran on the file, passed and failed: they go in the JSON document's `checks`.
    func diagnoseFiles(
        _ paths: [String], limit: InputLimit,
        reportingChecks diagnose: (SourceFile, [UInt8]) -> (diagnostics: [Diagnostic], checks: FileChecks?)
    ) -> DiagnosticReport {
        var entries: [DiagnosticReport.Entry] = []
        var checks: [DiagnosticReport.FileChecks] = []
        for path in paths {
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.read(path, limit: limit)
            } catch {
                printError(error)
                entries.append(DiagnosticReport.Entry(file: path, diagnostic: .unreadable(error)))
                continue
            }
            let file = SourceFile(name: path == "-" ? "<stdin>" : path, bytes: bytes)
            let diagnosis = diagnose(file, bytes)
            print(diagnosis.diagnostics, in: file)
            entries += diagnosis.diagnostics.map { DiagnosticReport.Entry(file: file.name, diagnostic: $0) }
            if let ran = diagnosis.checks {
                checks.append(DiagnosticReport.FileChecks(file: file.name, checks: ran.passed, failed: ran.failed))
            }
        }
        let report = DiagnosticReport(diagnostics: entries, checks: checks)
        finish(report)
        return report
    }

    /// Ends the output: the summary line for text, the whole document for JSON.
    func finish(_ report: DiagnosticReport) {
        switch format {
        case .text:
            if let summary = DiagnosticFormatter.summary(errors: report.errors, warnings: report.warnings) {
                StandardStreams.writeError(summary + "\n")
            }
        case .json:
            StandardStreams.writeOutput(report.jsonText())
        }
    }
}

/// Writes text to the standard streams without buffering surprises between them.
enum StandardStreams {
    /// Writes `text` to standard output; on a terminal, with `TerminalText`'s escapes, so that
    /// names from a file cannot drive the terminal (a file or pipe gets the bytes as they are).
    static func writeOutput(_ text: String) {
        write(outputIsTerminal ? TerminalText.escaped(text) : text, to: STDOUT_FILENO)
    }

    private static let outputIsTerminal = isatty(STDOUT_FILENO) == 1

    static func writeError(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// Writes one line for a person on standard error, such as what a command changed, with
    /// `TerminalText`'s escapes: it may name a file, whose name may hold any character.
    static func writeNote(_ line: String) {
        write(TerminalText.escaped(line) + "\n", to: STDERR_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        let handle = descriptor == STDOUT_FILENO ? FileHandle.standardOutput : FileHandle.standardError
        do {
            // FileHandle writes everything, retrying short writes and interrupted calls.
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            // A closed or full standard stream leaves nowhere to report the failure.
            return
        }
    }
}
