// Messages about files as a whole, which belong to no line.

extension Diagnostic {
    /// A file that could not be read; it is placed at 1:1 so that JSON consumers see it with the others.
    public static func cannotRead(_ error: FileError) -> Diagnostic {
        .error(
            "cannot-read-file", error.description, at: SourceRange(line: 1, column: 1),
            help: "check the path and that the file is readable")
    }

    /// A file larger than journey reads of its kind, placed at 1:1 like `cannotRead`.
    public static func fileTooLarge(_ error: FileError) -> Diagnostic {
        .error(
            "file-too-large", error.description, at: SourceRange(line: 1, column: 1),
            help: error.help ?? "check that this is the file you meant")
    }

    /// A file that should be text and holds a NUL byte, placed at that byte.
    public static func notTextFile(_ error: FileError, at place: SourceRange) -> Diagnostic {
        .error(
            "not-text-file", "not a text file: it holds a NUL byte here, as binary files do", at: place,
            help: error.help)
    }

    /// What a file that could not be read whole says: `fileTooLarge` when it is too large,
    /// `notTextFile` when it is not text, `cannotRead` otherwise.
    public static func unreadable(_ error: FileError) -> Diagnostic {
        switch error.kind {
        case .tooLarge: .fileTooLarge(error)
        case .notText(let place): .notTextFile(error, at: place)
        case .cannotRead, .cannotWrite, .alreadyExists: .cannotRead(error)
        }
    }

    /// The funnel events of a large event log could not be written to, or read back from, a
    /// temporary file in the folder `error.path`; placed at 1:1 like `cannotRead`.
    public static func cannotSpill(_ error: FileError) -> Diagnostic {
        .error(
            "cannot-spill-events",
            "cannot keep the funnel events in a temporary file in '\(error.path)': \(error.reason)",
            at: SourceRange(line: 1, column: 1),
            help: "free some space there, set TMPDIR to a folder with room, or raise --event-memory "
                + "so that the events stay in memory")
    }
}
