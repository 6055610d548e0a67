/// The most bytes journey reads of one kind of input, which it reads whole into memory.
///
/// A file larger than its limit is refused with `FileError.Kind.tooLarge`, after at most
/// `bytes + 1` bytes were read: an endless stream (`/dev/zero`, a FIFO that never closes) costs
/// no more memory than that. Each limit is several times the largest input of its kind that
/// journey handles well; the figures are in docs/files.md. Event logs and purchase logs are
/// streamed and have no limit.
public struct InputLimit: Hashable, Sendable {
    /// What the input is, as in "a journey file".
    public var what: String
    /// The most bytes read, in bytes.
    public var bytes: Int
    /// What to do with a larger file.
    public var help: String
    /// Whether the input must be text: one that holds a NUL byte is refused (`TextContent`).
    public var isText: Bool

    public init(what: String, bytes: Int, help: String, isText: Bool = true) {
        self.what = what
        self.bytes = bytes
        self.help = help
        self.isText = isText
    }

    /// One mebibyte (1,048,576 bytes), the unit the limits are given in.
    public static let mebibyte = 1 << 20

    /// A journey file, for every command that reads one: 64 MiB, about 500,000 touchpoints.
    public static let journey = InputLimit(
        what: "a journey file", bytes: 64 * mebibyte,
        help: "check that this is the journey you meant; split a larger journey into several files")

    /// A JSON, XML or Mermaid file for `journey import`: 256 MiB, the XML export of a journey at
    /// its own limit with room to spare.
    ///
    /// XML may be UTF-16, so `import` checks itself that the others are text.
    public static let interchange = InputLimit(
        what: "a file to import", bytes: 256 * mebibyte,
        help: "check that this is the export you meant; split a larger journey into several files",
        isText: false)

    /// A JSON theme for the charts: 1 MiB, a thousand times a theme's few hundred bytes.
    public static let theme = InputLimit(
        what: "a theme file", bytes: 1 * mebibyte,
        help: "check that this is the JSON theme you meant (a theme is a few colours and sizes)")

    /// A Mustache template for `journey report`: 16 MiB, room for a stylesheet and images inlined
    /// as data URIs.
    public static let reportTemplate = InputLimit(
        what: "a report template", bytes: 16 * mebibyte,
        help: "check that this is the template you meant; link large images instead of inlining them")

    /// An SVG or XML file for `journey validate`, or an XML Schema: 256 MiB; it may be UTF-16.
    public static let xmlDocument = InputLimit(
        what: "an XML file", bytes: 256 * mebibyte,
        help: "check that this is the file you meant; journey validates files of up to this size",
        isText: false)

    /// A contacts or survey file of `journey customers`, which is read whole: 256 MiB, some
    /// millions of customers.
    public static let customerTable = InputLimit(
        what: "a contacts or survey file", bytes: 256 * mebibyte,
        help: "check that this is the file you meant; keep only the customers of the purchase log")

    /// One row of an event log, which is streamed but must fit in memory whole: 64 MiB, far
    /// more than a row of a customer id, a time, an event name and a few more columns.
    public static let eventLogRow = InputLimit(
        what: "one row of an event log", bytes: 64 * mebibyte,
        help: "check that this is a CSV event log: each row ends with a line break")

    /// The limit as people say it, such as "64 MiB".
    public var shownSize: String {
        bytes % Self.mebibyte == 0 ? "\(bytes / Self.mebibyte) MiB" : "\(bytes) bytes"
    }
}
