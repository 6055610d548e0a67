import Foundation
import Glibc

/// A progress bar on standard error for long reads, drawn only when standard error is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast
    private var drewSomething = false

    /// A bar, or nil when standard error is not a terminal (a pipe, a file, CI).
    init?(label: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
    }

    /// Shows `done` bytes of `total` (nil for a pipe), at most ten times a second.
    func update(_ done: Int64, of total: Int64?) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        drewSomething = true
        let mebibytes = Double(done) / 1_048_576
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            StandardStreams.writeError("\r\(label) \(bar) \(Int(fraction * 100))% of \(String(format: "%.0f", Double(total) / 1_048_576)) MiB")
        } else {
            StandardStreams.writeError("\r\(label) \(String(format: "%.0f", mebibytes)) MiB read")
        }
    }

    /// Clears the bar's line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drewSomething { StandardStreams.writeError("\r\u{1B}[K") }
    }
}
