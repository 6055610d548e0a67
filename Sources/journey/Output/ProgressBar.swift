import Foundation
import Glibc
import JourneyLanguage
import Synchronization

/// A progress bar on standard error for long reads, drawn only when standard error is a terminal.
final class ProgressBar: Sendable {
    private let label: String
    /// When the bar was last drawn, and whether it ever was; the reading threads share it.
    private let drawn = Mutex((last: Date.distantPast, ever: false))

    /// A bar, or nil when standard error is not a terminal (a pipe, a file, CI).
    init?(label: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = TerminalText.escaped(label)
    }

    /// Shows `done` bytes of `total` (nil for a pipe), at most ten times a second.
    func update(_ done: Int64, of total: Int64?) {
        let now = Date()
        let due = drawn.withLock { drawn in
            guard now.timeIntervalSince(drawn.last) >= 0.1 else { return false }
            drawn = (last: now, ever: true)
            return true
        }
        guard due else { return }
        let mebibytes = Double(done) / 1_048_576
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            StandardStreams.writeError(
                "\r\(label) \(bar) \(Int(fraction * 100))% of \(String(format: "%.0f", Double(total) / 1_048_576)) MiB")
        } else {
            StandardStreams.writeError("\r\(label) \(String(format: "%.0f", mebibytes)) MiB read")
        }
    }

    /// Clears the bar's line.
    func finish() {
        if drawn.withLock({ $0.ever }) { StandardStreams.writeError("\r\u{1B}[K") }
    }
}
