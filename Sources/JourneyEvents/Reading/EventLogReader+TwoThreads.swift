import Dispatch
import JourneyLanguage

// Two threads are kept: they read 1.4 to 1.7 times as fast as one when both vCPUs are free (and
// 10–15% slower when another process keeps one busy). Their cost is the merge (0.15 s for 10 M
// rows, on both cores: the second thread's 2 M customers looked up in the first's table) and a
// second customer table while reading. Cut at the middle byte, one thread waited 50–110 ms for
// the other on the shared benchmark's 10 M rows, either one from run to run; with the fifth in
// the middle in pieces of 4 MiB they end within 0–11 ms of each other.

extension EventLogReader {
    /// Where to cut the rows of `source` into pieces for two threads (see `SecondHalf`), or nil
    /// to read them on one thread: the start of the rows, line starts after it, and `end`.
    ///
    /// The rows are cut when they run to `end` and hold at least `parallelThreshold` bytes.
    /// The first two fifths are one piece, the caller's, and the last two fifths one, the
    /// worker's; the fifth between is cut into pieces of about `pieceSize` bytes that either
    /// takes once done with its own. Only at the first line start after the middle when
    /// `twoPiecesOnly` (events that may be spilled). `buffered` bytes of the rows are already
    /// in the buffer, so no cut falls before `source.position`.
    func pieceBoundaries(_ source: ChunkSource, buffered: Int, end: Int64?, twoPiecesOnly: Bool) -> [Int64]? {
        let begin = source.position - Int64(buffered)
        guard let end, maximumThreads >= 2, end - begin >= parallelThreshold else { return nil }
        let size = end - begin
        let nominal: [Int64]
        if twoPiecesOnly {
            nominal = [begin + size / 2]
        } else {
            let middle = Int(max(1, min(4096, size / 5 / max(1, pieceSize))))
            nominal = (0...middle).map { begin + size * 2 / 5 + size / 5 * Int64($0) / Int64(middle) }
        }
        var boundaries = [begin]
        for offset in nominal {
            let after = max(offset, source.position, boundaries.last!)
            guard let found = try? source.lineStart(after: after), found < end else { break }
            if found > boundaries.last! { boundaries.append(found) }
        }
        guard boundaries.count >= 2 else { return nil }
        return boundaries + [end]
    }

    /// Starts parsing the pieces of `input` that `half` hands to its worker, on another
    /// thread: the last piece, then the one before, until the caller's part reaches them.
    ///
    /// The worker closes each piece (`EventRowParser.closePiece`); a piece other than the last
    /// must end exactly at the next piece's start, or the next piece started inside a row (a
    /// line break inside a quoted field) and the worker gives up. It takes no more pieces once
    /// it has spilled events, and gives up when it spills in a piece after its first: the
    /// merge orders the customers of several pieces by their events in memory.
    func startSecondHalf(
        _ input: ChunkSource.Input, path: String, half: SecondHalf,
        columns: EventLogColumns, expectedRows: Int, spillThreshold: Int?
    ) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            var buffer = ChunkBuffer(capacity: chunkSize)
            // Lines count from 1 in each piece; `merge` shifts them once the pieces before are known.
            var parser = makeParser(
                columns: columns, firstLine: 1, expectedRows: expectedRows,
                spillThreshold: spillThreshold)
            let last = half.pieceCount - 1
            var piece = last
            var end = PartEnd.finished
            while true {
                var source = ChunkSource(input, path: path, position: half.boundaries[piece])
                source.stop = piece == last ? nil : half.boundaries[piece + 1]
                // A row needing more than this means a cut inside a quoted field, most likely: give up.
                let pieceEnd = parser.parse(
                    &source, &buffer, maximumCapacity: max(4 * chunkSize, 16 << 20),
                    onChunk: { half.add($0) })
                switch pieceEnd {
                case .finished where piece == last, .reachedStop(leftover: 0) where piece < last:
                    parser.closePiece(piece)
                case .reachedStop:
                    end = .gaveUp
                default:
                    end = pieceEnd
                }
                guard case .finished = end else { break }
                if parser.spill.hasSpilled {
                    if parser.pieces.count > 1 { end = .gaveUp }
                    break
                }
                guard let previous = half.takePreviousPieceForWorker() else { break }
                piece = previous
            }
            half.finish(parser, end: end)
        }
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
        // On through the next pieces while the worker has not taken them; a piece of this
        // thread's need not end at a row's end, its rows run on into the next.
        if !firstThreadTakesPieces, case .reachedStop = partEnd, let half = second { half.waitLeavingSignal() }
        while case .reachedStop = partEnd, let half = second, let stop = half.takeNextPieceForCaller() {
            source.stop = stop
            partEnd = parser.parse(
                &source, &buffer, maximumCapacity: nil,
                onChunk: { count in
                    progress.addOwn(count, otherThread: half.bytesRead)
                    return true
                })
        }
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
