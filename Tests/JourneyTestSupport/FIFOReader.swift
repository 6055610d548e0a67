import Foundation

/// A reader at the other end of a FIFO, as a shell's `cat FIFO > FILE` is: what it reads goes
/// into a file, and the test can tell whether it saw the FIFO's end.
public final class FIFOReader {
    private let process = Process()

    /// Starts reading `fifo` (a path) into the file `received`, created empty.
    public init(fifo: String, into received: URL) throws {
        _ = FileManager.default.createFile(atPath: received.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/bin/cat")
        process.arguments = [fifo]
        process.standardOutput = try FileHandle(forWritingTo: received)
        try process.run()
    }

    /// Whether the reader saw the FIFO's end (and exited) within `seconds`.
    public func sawTheEnd(within seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        return !process.isRunning
    }

    /// Ends the reader if it still runs: with SIGKILL, which no inherited signal mask blocks, as
    /// a reader still waiting for a FIFO that was replaced would otherwise keep the test from
    /// ending.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
