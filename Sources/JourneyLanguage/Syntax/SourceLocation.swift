/// A position in a journey file: a 1-based line and a 1-based column.
///
/// Columns count Unicode scalars, so an accented letter or an emoji before a
/// position counts as one column, whatever its size in UTF-8 bytes.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The line, starting at 1.
    public var line: Int
    /// The column, starting at 1, in Unicode scalars.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A span of columns on one line of a journey file, such as a token.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    /// Where the span starts.
    public var start: SourceLocation
    /// How many columns (Unicode scalars) the span covers; at least 1.
    public var length: Int

    public init(start: SourceLocation, length: Int = 1) {
        self.start = start
        self.length = max(1, length)
    }

    public init(line: Int, column: Int, length: Int = 1) {
        self.init(start: SourceLocation(line: line, column: column), length: length)
    }

    /// The column just past the end of the span.
    public var endColumn: Int { start.column + length }

    /// The one-column range just after this one, where a missing argument would go.
    public var after: SourceRange { SourceRange(line: start.line, column: endColumn) }

    public var description: String { "\(start.line):\(start.column)+\(length)" }
}
