import ArgumentParser
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
            printer.printError(error.description, help: error.help)
            throw ExitCode.failure
        }
    }
}
