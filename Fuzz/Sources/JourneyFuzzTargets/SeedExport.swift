import JourneyInterchange
import JourneyLanguage

/// Seeds for the importers' corpora: a journey file exported as `journey export` writes it.
public enum SeedExport {
    /// The export of the journey in the file at `path` as `format` (json, xml or mermaid), or a
    /// message saying why there is none: the file cannot be read, has errors, or the export
    /// failed its checks.
    public static func export(path: String, as format: String) -> Result<String, SeedExportError> {
        guard let format = InterchangeFormat(rawValue: format) else {
            return .failure(SeedExportError(message: "no format '\(format)': json, xml or mermaid"))
        }
        let bytes: [UInt8]
        do throws(FileError) {
            bytes = try FileSystem.read(path, limit: .journey)
        } catch {
            return .failure(SeedExportError(message: error.description))
        }
        let checked = JourneyChecker.check(SourceFile(name: path, bytes: bytes))
        guard !checked.hasErrors else {
            return .failure(SeedExportError(message: "\(path) has errors"))
        }
        let exported = JourneyInterchange.export(checked.journey, as: format, name: path)
        guard exported.diagnostics.isEmpty else {
            return .failure(SeedExportError(message: "the \(format.rawValue) export of \(path) failed its checks"))
        }
        return .success(exported.text)
    }
}

/// Why `SeedExport` made no seed.
public struct SeedExportError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
