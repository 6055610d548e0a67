/// A file the tool could not read or write, with the system's reason.
public struct FileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Hashable, Sendable {
        case cannotRead
        case cannotWrite
        /// The file exists and the command never overwrites.
        case alreadyExists
        /// The input is larger than journey reads of its kind; it was not read to its end.
        case tooLarge(InputLimit)
        /// The input should be text and holds a NUL byte, at this line and column: a binary file.
        case notText(SourceRange)
    }

    public var kind: Kind
    /// The path as the user gave it.
    public var path: String
    /// The system's explanation, such as "No such file or directory".
    public var reason: String

    public init(_ kind: Kind, path: String, reason: String) {
        self.kind = kind
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch kind {
        case .cannotRead: "cannot read '\(path)': \(reason)"
        case .cannotWrite: "cannot write '\(path)': \(reason)"
        case .alreadyExists: "'\(path)' already exists"
        case .tooLarge(let limit):
            "'\(path)' is larger than \(limit.shownSize), the most journey reads of \(limit.what)"
        case .notText(let place):
            "'\(path)' is not a text file: it holds a NUL byte at line \(place.start.line), column \(place.start.column)"
        }
    }

    /// What the user can do about it, when there is more to say than the description.
    public var help: String? {
        switch kind {
        case .tooLarge(let limit): limit.help
        case .notText:
            "check that this is the file you meant: journey reads text in UTF-8, and a file saved as UTF-16 "
                + "must be saved as UTF-8"
        case .cannotRead, .cannotWrite, .alreadyExists: nil
        }
    }
}
