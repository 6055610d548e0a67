/// A file the tool could not read or write, with the system's reason.
public struct FileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Hashable, Sendable {
        case cannotRead
        case cannotWrite
        /// The file exists and the command never overwrites.
        case alreadyExists
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
        }
    }
}
