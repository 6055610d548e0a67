import JourneyLanguage

/// A plain-text table whose columns line up in a terminal, wide characters included.
public struct TextTable: Sendable {
    /// How a column's cells line up.
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []
    /// The columns that start a group of columns kept together when the table is split.
    ///
    /// `rendered(width:)` splits a table too wide for its width; 5 starts a group at the sixth
    /// column. The first column, the rows' names, is in every part. With none, every column is a
    /// group.
    public var groupStarts: Set<Int> = []

    public init(headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    /// The table with a header row, a rule and the rows, each line ending with a newline.
    public func rendered() -> String {
        let all = [headers] + rows
        return block(Array(headers.indices), of: all, widths: Self.widths(of: all))
    }

    /// The table in at most `width` terminal columns: whole when it fits, else in parts.
    ///
    /// Each part holds the first column, the rows' names, and as many of the next columns as
    /// fit, a group (`groupStarts`) kept whole when it fits in a part of its own; the parts
    /// follow each other after a blank line. A name wider than half of `width` is cut to it,
    /// ending with `…`. A single column too wide for `width` takes a part of its own, and is
    /// wider than `width`: nothing else can be done with it.
    public func rendered(width: Int) -> String {
        var all = [headers] + rows
        guard headers.count > 1, Self.width(of: Array(headers.indices), widths: Self.widths(of: all)) > width else {
            return rendered()
        }
        let longestName = max(width / 2, Self.displayWidth(of: headers[0]))
        for index in all.indices where Self.displayWidth(of: all[index][0]) > longestName {
            all[index][0] = Self.cut(all[index][0], to: longestName)
        }
        let widths = Self.widths(of: all)
        var groups: [[Int]] = []
        for column in headers.indices.dropFirst() {
            if groups.isEmpty || groupStarts.isEmpty || groupStarts.contains(column) {
                groups.append([column])
            } else {
                groups[groups.count - 1].append(column)
            }
        }
        var parts: [[Int]] = []
        var part: [Int] = []
        func fits(_ columns: [Int]) -> Bool { Self.width(of: [0] + columns, widths: widths) <= width }
        for group in groups {
            if fits(part + group) {
                part += group
                continue
            }
            if !part.isEmpty { parts.append(part) }
            part = []
            // A group too wide for a part of its own goes a column at a time.
            for column in group {
                if !part.isEmpty, !fits(part + [column]) {
                    parts.append(part)
                    part = []
                }
                part.append(column)
            }
        }
        if !part.isEmpty { parts.append(part) }
        return parts.map { block([0] + $0, of: all, widths: widths) }.joined(separator: "\n")
    }

    /// The lines of `columns` of `all` (the headers, then the rows), with the rule under the headers.
    private func block(_ columns: [Int], of all: [[String]], widths: [Int]) -> String {
        func line(_ cells: [String]) -> String {
            columns.map { column in
                let padding = String(repeating: " ", count: widths[column] - TextTable.displayWidth(of: cells[column]))
                return alignments[column] == .left ? cells[column] + padding : padding + cells[column]
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces()
        }
        let rule = columns.map { String(repeating: "─", count: widths[$0]) }.joined(separator: "  ")
        return ([line(all[0]), rule] + all.dropFirst().map(line)).joined(separator: "\n") + "\n"
    }

    /// The width of each column: that of its widest cell.
    private static func widths(of all: [[String]]) -> [Int] {
        all[0].indices.map { column in all.map { displayWidth(of: $0[column]) }.max() ?? 0 }
    }

    /// The width of a line of `columns`, two spaces between them.
    private static func width(of columns: [Int], widths: [Int]) -> Int {
        columns.reduce(0) { $0 + widths[$1] } + 2 * (columns.count - 1)
    }

    /// `text` cut to at most `width` terminal cells, the last of them `…`.
    static func cut(_ text: String, to width: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = displayWidth(of: String(character))
            guard used + characterWidth <= width - 1 else { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    /// The number of terminal cells `text` takes.
    public static func displayWidth(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + DiagnosticFormatter.displayWidth(of: $1) }
    }
}
