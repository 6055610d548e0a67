import Foundation
import Glibc

/// How many columns a terminal shows, for output laid out to fit it.
enum TerminalWidth {
    /// The width of what standard output shows: `COLUMNS` when it is a positive number, else the
    /// width of the terminal standard output is, else nil (a file or a pipe).
    ///
    /// `ioctl(2)` asks the terminal; it is marked `unsafe` because it takes a pointer to a
    /// `winsize` value, which Swift makes for the duration of the call and nothing keeps.
    static var current: Int? {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return columns
        }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        let result = unsafe withUnsafeMutablePointer(to: &size) { unsafe ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0) }
        guard result == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The width of the tables and paragraphs of a report: 100 columns, or fewer on a narrower
    /// terminal (`current`).
    static var report: Int { min(100, current ?? 100) }
}
