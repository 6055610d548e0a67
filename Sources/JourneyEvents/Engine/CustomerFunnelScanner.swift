/// Finds one customer's level and the path that reached it, in time linear in the customer's events.
///
/// Each worker owns one scanner and reuses its scratch memory from customer to customer. The
/// events handed to `scan` are one customer's, sorted by time then stage
/// (`CustomerEvents.sortCustomer`). After `scan` returns level m, `completionTimes[0..<m]` hold
/// the time (milliseconds since 1970) at which the path completed stages 1...m.
struct CustomerFunnelScanner: ~Copyable {
    let stageCount: Int
    let window: Int64
    let mode: FunnelMode

    /// When the path completed each stage; valid up to the level `scan` returned.
    private(set) var completionTimes: UnsafeMutablePointer<Int64>
    /// Per stage, scratch: the first position at or after the current one with that stage
    /// (`ordered`); whether some chain reached it (`strict`); the events of that stage inside the
    /// current window, then whether the path has its event yet (`any`).
    private var perStage: UnsafeMutablePointer<Int>
    /// Per stage, `strict`: the start of the latest chain that reached it.
    private var chainStarts: UnsafeMutablePointer<Int64>
    /// Per event, `ordered` and `strict`: the position of the first event of the next stage after it, or -1.
    private var successors: UnsafeMutablePointer<Int32>
    private var successorCapacity: Int

    init(stageCount: Int, window: ConversionWindow, mode: FunnelMode) {
        self.stageCount = stageCount
        self.window = window.milliseconds
        self.mode = mode
        completionTimes = .allocate(capacity: stageCount)
        perStage = .allocate(capacity: stageCount)
        chainStarts = .allocate(capacity: stageCount)
        successorCapacity = 64
        successors = .allocate(capacity: successorCapacity)
    }

    deinit {
        completionTimes.deallocate()
        perStage.deallocate()
        chainStarts.deallocate()
        successors.deallocate()
    }

    /// Whether `time`, at or after `start`, is within the window counted from `start`
    /// (inclusive: `time <= start + window`), without overflow for any two times.
    @inline(__always)
    private func isWithinWindow(_ time: Int64, from start: Int64) -> Bool {
        UInt64(bitPattern: time &- start) <= UInt64(window)
    }

    /// The customer's level (0...stageCount); fills `completionTimes` for the path that reached it.
    mutating func scan<Event: ScannedEvent>(_ events: UnsafeMutableBufferPointer<Event>) -> Int {
        if events.count == 1 {
            guard events[0].stage == 0 else { return 0 }
            completionTimes[0] = events[0].time
            return 1
        }
        switch mode {
        case .ordered:
            return orderedLevel(events, count: events.count)
        case .strict:
            return orderedLevel(events, count: strictPrefix(events))
        case .any:
            return anyOrderLevel(events)
        }
    }

    /// `ordered` on the first `count` events: the furthest level any stage-1 event starts a chain
    /// to, and the path of the earliest such stage-1 event, each later step the first event of
    /// its stage after the previous step.
    ///
    /// From a given start, taking each next stage's first event is never worse than any other
    /// choice (it leaves the most events and the same deadline), so walking `successors` from
    /// every stage-1 event finds the level exactly: the level ClickHouse's `windowFunnel` finds by
    /// keeping the latest chain start per level.
    private mutating func orderedLevel<Event: ScannedEvent>(_ events: UnsafeMutableBufferPointer<Event>, count: Int)
        -> Int
    {
        guard count > 0 else { return 0 }
        precondition(count <= Int(Int32.max), "a customer has more than \(Int32.max) events")
        if count > successorCapacity {
            successors.deallocate()
            successorCapacity = max(count, successorCapacity * 2)
            successors = .allocate(capacity: successorCapacity)
        }
        for stage in 0..<stageCount {
            perStage[stage] = -1
        }
        var position = count - 1
        while position >= 0 {
            let stage = Int(events[position].stage)
            successors[position] = stage + 1 < stageCount ? Int32(truncatingIfNeeded: perStage[stage + 1]) : -1
            perStage[stage] = position
            position -= 1
        }
        guard perStage[0] >= 0 else { return 0 }

        var best = 0
        var bestStart = -1
        for start in perStage[0]..<count where events[start].stage == 0 {
            let startTime = events[start].time
            var level = 1
            var step = start
            while level < stageCount {
                let next = Int(successors[step])
                if next < 0 || !isWithinWindow(events[next].time, from: startTime) { break }
                step = next
                level += 1
            }
            if level > best {
                best = level
                bestStart = start
                if level == stageCount { break }
            }
        }
        var step = bestStart
        completionTimes[0] = events[step].time
        for level in 1..<best {
            step = Int(successors[step])
            completionTimes[level] = events[step].time
        }
        return best
    }

    /// `strict`: how many of the events ClickHouse's `windowFunnel(window, 'strict_order')` reads
    /// before it stops.
    ///
    /// It stops at the first event, after a stage-1 event has been seen, whose stage k ≥ 2 has
    /// no chain reaching stage k − 1 among the events before it; the customer's level is then the
    /// `ordered` level of the events before that one. It keeps, as `windowFunnel` does, the start
    /// of the latest chain reaching each stage.
    private mutating func strictPrefix<Event: ScannedEvent>(_ events: UnsafeMutableBufferPointer<Event>) -> Int {
        // perStage[k] != 0: some chain reached stage k + 1; chainStarts[k]: the latest one's start.
        for stage in 0..<stageCount {
            perStage[stage] = 0
        }
        var seenStageOne = false
        for position in 0..<events.count {
            let stage = Int(events[position].stage)
            let time = events[position].time
            if stage == 0 {
                chainStarts[0] = time
                perStage[0] = 1
                seenStageOne = true
            } else if perStage[stage - 1] == 0 {
                if seenStageOne { return position }
            } else if isWithinWindow(time, from: chainStarts[stage - 1]) {
                chainStarts[stage] = chainStarts[stage - 1]
                perStage[stage] = 1
            }
        }
        return events.count
    }

    /// `any`: the furthest level k such that one window holds an event of each of stages 1...k,
    /// in any order; the path is the earliest such window (by its first event), with the first
    /// event of each stage in it, and a stage's completion time is the latest of stages 1...k's.
    private mutating func anyOrderLevel<Event: ScannedEvent>(_ events: UnsafeMutableBufferPointer<Event>) -> Int {
        for stage in 0..<stageCount {
            perStage[stage] = 0
        }
        let count = events.count
        var end = 0
        var best = 0
        var bestStart = -1
        for start in 0..<count {
            let startTime = events[start].time
            while end < count && isWithinWindow(events[end].time, from: startTime) {
                perStage[Int(events[end].stage)] += 1
                end += 1
            }
            var level = 0
            while level < stageCount && perStage[level] > 0 {
                level += 1
            }
            if level > best {
                best = level
                bestStart = start
                if level == stageCount { break }
            }
            perStage[Int(events[start].stage)] -= 1
        }
        guard best > 0 else { return 0 }
        // perStage[k] now flags whether the path has its stage-(k + 1) event yet.
        for stage in 0..<best {
            perStage[stage] = 0
        }
        var found = 0
        var position = bestStart
        while found < best {
            let stage = Int(events[position].stage)
            if stage < best && perStage[stage] == 0 {
                perStage[stage] = 1
                completionTimes[stage] = events[position].time
                found += 1
            }
            position += 1
        }
        assert(isWithinWindow(events[position - 1].time, from: events[bestStart].time))
        for stage in 1..<best {
            completionTimes[stage] = max(completionTimes[stage], completionTimes[stage - 1])
        }
        return best
    }
}
