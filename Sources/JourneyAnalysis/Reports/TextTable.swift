import JourneyLanguage

/// A plain-text table whose columns line up in a terminal, wide characters included.
public struct TextTable: Sendable {
    /// How a column's cells line up.
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    /// The table with a header row, a rule and the rows, each line ending with a newline.
    public func rendered() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in
            all.map { TextTable.displayWidth(of: $0[column]) }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - TextTable.displayWidth(of: cells[column]))
                return alignments[column] == .left ? cells[column] + padding : padding + cells[column]
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// The number of terminal cells `text` takes.
    public static func displayWidth(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + DiagnosticFormatter.displayWidth(of: $1) }
    }
}
