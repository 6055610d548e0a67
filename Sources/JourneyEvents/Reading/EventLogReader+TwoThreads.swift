import Dispatch
import JourneyLanguage

// Two threads are kept: they read 1.4 to 1.7 times as fast as one when both vCPUs are free (and
// 10–15% slower when another process keeps one busy). Their cost is the merge (0.1 s for 10 M
// rows: the second half's 1 M customers looked up in the first half's table, its events copied)
// and a second customer table while reading.

extension EventLogReader {
    /// Where to cut the rows of `source` in two, or nil to read them on one thread.
    ///
    /// The cut is at the first line start after their middle, when they run to `end` and hold at
    /// least `parallelThreshold` bytes. `buffered` bytes of them are already in the buffer.
    func cut(_ source: ChunkSource, buffered: Int, end: Int64?) -> Int64? {
        guard let end, maximumThreads >= 2, end - (source.position - Int64(buffered)) >= parallelThreshold else {
            return nil
        }
        let middle = max(source.position, (source.position - Int64(buffered) + end) / 2)
        guard let found = try? source.lineStart(after: middle), found < end else { return nil }
        return found
    }

    /// Starts parsing `input` from `cut` (a line start) to its end on another thread.
    func startSecondHalf(
        _ input: ChunkSource.Input, path: String, from cut: Int64,
        columns: EventLogColumns, expectedRows: Int, spillThreshold: Int?
    ) -> SecondHalf {
        let half = SecondHalf()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            var source = ChunkSource(input, path: path, position: cut)
            var buffer = ChunkBuffer(capacity: chunkSize)
            // Lines count from 1 here; `merge` shifts them once the first half knows where the cut is.
            var parser = makeParser(
                columns: columns, firstLine: 1, expectedRows: expectedRows,
                spillThreshold: spillThreshold)
            // A row needing more than this means a cut inside a quoted field, most likely: give up.
            let end = parser.parse(
                &source, &buffer, maximumCapacity: max(4 * chunkSize, 16 << 20),
                onChunk: { half.add($0) })
            half.finish(parser, end: end)
        }
        return half
    }

    /// Parses the rows of `source` up to its end, or up to its stop when `second` reads the
    /// rest on another thread, and then takes in the second half's rows.
    ///
    /// Only this thread knows whether the cut fell at a row boundary: when it did not (a line
    /// break inside a quoted field), or when the second thread did not finish, the second
    /// half's work is dropped and this thread reads on to the end alone, so the result never
    /// depends on the cut.
    func readRows(
        _ parser: inout EventRowParser, _ source: inout ChunkSource, _ buffer: inout ChunkBuffer,
        second: SecondHalf?, progress: inout ReadProgress
    ) -> PartEnd {
        var partEnd = parser.parse(
            &source, &buffer, maximumCapacity: nil,
            onChunk: { count in
                progress.addOwn(count, otherThread: second?.bytesRead ?? 0)
                return true
            })
        var joined = false
        if case .reachedStop(let leftover) = partEnd, let half = second {
            var merged = false
            if leftover == 0 {
                // The cut is a row boundary: the second half's rows are the file's rest.
                half.wait(tickingEvery: .milliseconds(100)) {
                    progress.report(progress.ownBytes + half.bytesRead)
                }
                joined = true
                if let rest = half.takeFinishedParser() {
                    parser.merge(rest)
                    progress.ownBytes += half.bytesRead
                    merged = true
                }
            } else {
                // The cut fell inside a quoted field: the second thread started mid-row.
                half.cancel()
            }
            if !merged {
                // Its work is dropped: wait for it to stop (after its current chunk), and free its
                // events and temporary file before this thread reads its half again.
                if !joined {
                    half.wait()
                    joined = true
                }
                half.dropParser()
                source.stop = nil
                partEnd = parser.parse(
                    &source, &buffer, maximumCapacity: nil,
                    onChunk: { count in
                        progress.addOwn(count)
                        return true
                    })
            }
        }
        if let half = second, !joined {
            // This thread failed or gave up before reaching the cut: the second half is not needed.
            half.cancel()
            half.wait()
        }
        return partEnd
    }
}
