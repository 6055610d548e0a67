// Messages about files as a whole, which belong to no line.

extension Diagnostic {
    /// A file that could not be read; it is placed at 1:1 so that JSON consumers see it with the others.
    public static func cannotRead(_ error: FileError) -> Diagnostic {
        .error("cannot-read-file", error.description, at: SourceRange(line: 1, column: 1),
               help: "check the path and that the file is readable")
    }
}
