import ArgumentParser
import JourneyCustomers
import JourneyEvents
import JourneyLanguage

/// Reads the files beside a purchase log, the contacts and the survey answers, and prints what
/// is wrong with them at its line and column.
enum CustomerSideFiles {
    /// How many diagnostics of a contacts or survey file are printed one by one.
    static let shownDiagnostics = 20

    /// The contacts file at `path`, checked against the purchase log's customers, or its
    /// diagnostics printed and exit status 1.
    static func contactList(
        at path: String, purchasers: Set<String>, customerColumn: String, printer: DiagnosticPrinter
    ) throws -> ContactList {
        let table = try table(at: path, columns: ContactList.columns(customerColumn: customerColumn), printer: printer)
        let (list, diagnostics) = ContactList.read(table)
        try finish(diagnostics + list.unknownReferrers(purchasers: purchasers), in: path, table, printer)
        return list
    }

    /// The survey file at `path`, read with `columns` and checked against the known customers, or
    /// its diagnostics printed and exit status 1.
    static func answers(
        at path: String, known: Set<String>, scale: RecommendScale, columns: [CSVTable.Column],
        printer: DiagnosticPrinter
    ) throws -> SurveyAnswers {
        let table = try table(at: path, columns: columns, printer: printer)
        let (answers, diagnostics) = SurveyAnswers.read(table, scale: scale)
        try finish(diagnostics + answers.unknownCustomers(known: known), in: path, table, printer)
        return answers
    }

    /// The CSV file at `path`, read whole with `columns`, or the error printed and exit status 1.
    private static func table(
        at path: String, columns: [CSVTable.Column], printer: DiagnosticPrinter
    ) throws -> CSVTable {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path, limit: .customerTable)
        } catch {
            printer.printError(error)
            throw ExitCode.failure
        }
        let (table, diagnostics) = CSVTable.read(bytes: bytes, columns: columns)
        try finish(diagnostics, in: path, table, printer)
        return table
    }

    /// Prints `diagnostics` of the file at `path`; when one is an error, the summary too and
    /// exit status 1.
    private static func finish(
        _ diagnostics: [Diagnostic], in path: String, _ table: CSVTable, _ printer: DiagnosticPrinter
    ) throws {
        let sorted = diagnostics.sortedByLocation()
        // A file of another shape can be wrong on every row: the first screenful is enough.
        let shown = Array(sorted.prefix(Self.shownDiagnostics))
        printer.print(shown, fileName: path) { table.lineText($0) }
        if sorted.count > shown.count {
            printer.printError(
                "\(path): \(sorted.count - shown.count) more problems after these",
                help: "fix the first ones and run again; a file in the wrong place or shape shows this")
        }
        if sorted.containsErrors {
            printer.finish(DiagnosticReport(diagnostics: sorted.map { .init(file: path, diagnostic: $0) }))
            throw ExitCode.failure
        }
    }
}
