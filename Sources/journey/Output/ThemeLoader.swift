import ArgumentParser
import Foundation
import JourneyCharts
import JourneyLanguage

/// Finds the theme that `--theme` names: a bundled one, or a JSON theme file.
enum ThemeLoader {
    /// The theme `nameOrPath` names, or an explanation on standard error and exit status 1.
    ///
    /// A bundled name wins; anything that looks like a path (a `/`, a `.json` ending, an
    /// existing file) is read as a theme file starting from the default theme.
    static func load(_ nameOrPath: String, printer: DiagnosticPrinter) throws -> Theme {
        do {
            if let bundled = try Theme.bundled(named: nameOrPath) {
                return bundled
            }
            guard nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") || FileSystem.exists(nameOrPath) else {
                let names = BundledTheme.all.map(\.name)
                let hint = Suggestion.closest(to: nameOrPath, among: names).map { "did you mean '\($0)'? " } ?? ""
                printer.printError(
                    "unknown theme '\(nameOrPath)'",
                    help: hint + "use \(names.joined(separator: ", ")) or the path of a JSON theme file")
                throw ExitCode.failure
            }
            let bytes = try FileSystem.read(nameOrPath, limit: .theme)
            return try Theme.load(
                json: String(decoding: bytes, as: UTF8.self), source: nameOrPath,
                base: try Theme.bundled(named: Theme.defaultName))
        } catch let error as ThemeError {
            printer.printError(error.description, help: error.help)
            throw ExitCode.failure
        } catch let error as FileError {
            printer.printError(error)
            throw ExitCode.failure
        }
    }

    /// What the shell completes after `--theme`: the bundled themes, then the JSON theme files
    /// and the folders whose names start with the word typed so far.
    static let completion = CompletionKind.custom { _, _, typed in
        BundledTheme.all.map(\.name).filter { $0.hasPrefix(typed) } + themeFiles(startingWith: typed)
    }

    /// The `.json` files and the folders whose paths start with `typed`.
    ///
    /// `themes/b` gives `themes/brand.json` and `themes/backup/`; hidden ones only when the name
    /// typed starts with a dot.
    static func themeFiles(startingWith typed: String) -> [String] {
        let folder = typed.lastIndex(of: "/").map { String(typed[...$0]) } ?? ""
        let start = typed.dropFirst(folder.count)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else {
            return []
        }
        return names.sorted().compactMap { name in
            guard name.hasPrefix(start), !name.hasPrefix(".") || start.hasPrefix(".") else { return nil }
            let path = folder + name
            let isFolder = (try? URL(fileURLWithPath: path).resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory
            if isFolder == true { return path + "/" }
            return name.hasSuffix(".json") ? path : nil
        }
    }
}
