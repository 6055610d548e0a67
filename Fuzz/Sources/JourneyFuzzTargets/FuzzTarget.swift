/// A fuzz target: a name for the command line and what it does with one input.
///
/// A target runs the code a `journey` command runs on the input, through the same library
/// calls, and stops the program (`FuzzFailure`) when a result breaks a promise the command
/// makes, such as an export that does not read back or a chart that is not valid SVG 1.1.
/// Crashes, traps and AddressSanitizer's findings stop it by themselves.
public struct FuzzTarget: Sendable {
    /// The name given to `journey-fuzz`, such as `journey` or `import-xml`.
    public var name: String
    /// What the target exercises, for `journey-fuzz --list`.
    public var summary: String
    /// Runs the target on one input; the bytes are any the fuzzer makes.
    public var run: @Sendable ([UInt8]) -> Void

    public init(name: String, summary: String, run: @escaping @Sendable ([UInt8]) -> Void) {
        self.name = name
        self.summary = summary
        self.run = run
    }

    /// Every target, in the order `scripts/fuzz` runs them.
    public static let all: [FuzzTarget] = [
        .journey, .export, .importXML, .importJSON, .importMermaid, .events, .chart, .report,
    ]

    /// The target called `name`, or nil.
    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}
