import Dispatch
import Foundation
import JourneyLanguage

// A stream (standard input, a pipe) cannot be cut in two like a file, and a quoted field may hold
// a line break, so no second thread can start in the middle of it. It is read as a pipeline
// instead (`ChunkPipeline`): the caller's thread reads and parses the rows of each chunk
// (scanning, the stage of the event name, the timestamp), and a worker interns the customers of
// its funnel events (`ByteKeyTable`, about a third of the reading's CPU) and keeps or spills the
// events. The worker takes the chunks in order, so customers are numbered and events kept in
// file order as on one thread; lines, diagnostics and counts stay the caller's.
//
// Measured with `journey funnel` on the shared 10 M-row log through `cat`, interleaved with the
// file (load average 3.4-3.8 from other work): 2.1-2.2 s against 2.3-2.4 s for the file, which
// is cut in two; 4.0-4.2 s on one thread before; system time 0.7-0.9 s against 1.1 s (the
// reserved room spares the growing table's page faults); peak 348 MiB.

extension EventLogReader {
    /// The chunks of a stream in flight between its two threads.
    static let pipelineChunks = 4
    /// The rows a stream read on two threads reserves room for: 16 M.
    static let streamReservedRows = 1 << 24

    /// Whether a stream is read on two threads: when `maximumThreads` allows it and the machine
    /// has two processors or more to run them.
    var readsStreamsOnTwoThreads: Bool { maximumThreads >= 2 && processorCount >= 2 }

    /// Parses the rows of the stream `source` on the caller's thread up to its end, with a worker
    /// interning their customers, then takes the worker's customers and events into `parser`.
    ///
    /// `buffer` holds the bytes after the header. The worker's parser spills past
    /// `spillThreshold` events. When it cannot spill, the reading ends after the chunk where
    /// that happened, the rows read since then dropped, as on one thread.
    func readRowsThroughPipeline(
        _ parser: inout EventRowParser, _ source: inout ChunkSource, _ buffer: inout ChunkBuffer,
        spillThreshold: Int?, progress: inout ReadProgress
    ) -> PartEnd {
        let pipeline = ChunkPipeline(chunks: Self.pipelineChunks, capacity: chunkSize)
        let columns = parser.columns
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            // The size of a stream is unknown: room for `streamReservedRows` customers and events,
            // in address space, spares most of the copies of growing them.
            var worker = makeParser(
                columns: columns, firstLine: 1, expectedRows: Self.streamReservedRows, spillThreshold: spillThreshold)
            while let chunk = pipeline.nextParsed() {
                // After a failure to spill, the chunks still sent are only handed back.
                if worker.spill.failure == nil, let bytes = chunk.buffer.bytes.baseAddress {
                    worker.internEvents(chunk.pending, in: bytes)
                    if worker.spill.failure != nil { pipeline.recordSpillFailure(after: chunk.tally) }
                }
                chunk.pending.removeAll(keepingCapacity: true)
                pipeline.giveBack(chunk)
            }
            pipeline.store(worker)
        }

        parser.internsLater = true
        var chunk = pipeline.takeFree()
        chunk.buffer.append(buffer.bytes)
        buffer.removeAll()
        // Sends the rows parsed, the first `consumed` bytes of `chunk`, to the worker, and goes
        // on with another chunk holding the rest (a row not yet whole): the bytes sent stay as
        // they are until the worker is done with them.
        func send(_ consumed: Int) {
            parser.customers.takePendingEvents(into: &chunk.pending)
            chunk.tally = parser.tally
            let next = pipeline.takeFree()
            next.buffer.removeAll()
            next.buffer.append(UnsafeBufferPointer(rebasing: chunk.buffer.bytes[consumed...]))
            pipeline.send(chunk)
            chunk = next
        }
        // Chunks are cut where one thread cuts them (`EventRowParser.parse(_:_:maximumCapacity:onChunk:)`)
        // when reads fill them, as from bytes in memory.
        var partEnd = PartEnd.finished
        var readFailure: FileError?
        while true {
            if chunk.buffer.count > 0 {
                let consumed = parser.parse(chunk.buffer.bytes, final: false)
                if consumed > 0 { send(consumed) }
                if pipeline.spillFailed { break }
            }
            if chunk.buffer.isFullAtLimit {
                partEnd = .failed(ChunkBuffer.rowTooLong(in: source.path))
                break
            }
            if chunk.buffer.isFull { chunk.buffer.grow() }
            // A failure after some bytes is kept until their rows are parsed, as on one thread.
            if let readFailure {
                partEnd = .failed(readFailure)
                break
            }
            // A pipe hands over 64 KiB a read: reading on to a full chunk spares the worker a
            // wake-up, and the threads a hand-over, every 64 KiB.
            var count = 0
            do {
                while !chunk.buffer.isFull {
                    let read = try chunk.buffer.fill(from: &source)
                    if read == 0 { break }
                    count += read
                }
            } catch {
                if count == 0 {
                    partEnd = .failed(error)
                    break
                }
                readFailure = error
            }
            if count == 0 {
                send(parser.parse(chunk.buffer.bytes, final: true))
                break
            }
            progress.addOwn(count)
        }
        pipeline.close()
        let failedAfter = pipeline.finish(into: &parser)
        parser.internsLater = false
        if let failure = parser.spill.failure {
            if let failedAfter { parser.tally = failedAfter }
            partEnd = .spillFailed(failure)
        }
        return partEnd
    }
}
