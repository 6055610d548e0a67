/// The usual median: the middle value, or the mean of the two middle values for an even count.
///
/// Nil for no values. Reorders `values`. Found by selection (quickselect with three-way
/// partitioning, since gaps repeat a lot), in linear expected time rather than by sorting: the
/// population's gap of a million customers is the median of half a million own gaps.
func median(_ values: inout [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let middle = values.count / 2
    select(middle, in: &values)
    guard values.count % 2 == 0 else { return values[middle] }
    // The other middle value is the largest of those selection left before the middle one.
    var below = values[0]
    for index in 1..<middle where values[index] > below { below = values[index] }
    return (below + values[middle]) / 2
}

/// The median of the gaps, in days, between consecutive purchase days; nil under two days.
func medianGap(_ days: ArraySlice<Int>) -> Double? {
    guard days.count >= 2 else { return nil }
    var gaps = zip(days.dropLast(), days.dropFirst()).map { Double($1 - $0) }
    return median(&gaps)
}

/// The usual median of `values[range]`, which it reorders; nil for an empty range.
///
/// A handful of values is sorted by insertion; more are selected, as in `median(_:)`: past a
/// dozen, insertion costs more (callgrind, on the gaps of the customers benchmark).
func median(of values: inout [Int32], in range: Range<Int>) -> Double? {
    guard !range.isEmpty else { return nil }
    let middle = range.lowerBound + range.count / 2
    if range.count <= 12 {
        insertionSort(&values, range)
    } else {
        select(middle, in: &values, range: range)
    }
    guard range.count % 2 == 0 else { return Double(values[middle]) }
    var below = values[range.lowerBound]
    for index in range.lowerBound..<middle where values[index] > below { below = values[index] }
    return Double(Int(below) + Int(values[middle])) / 2
}

/// Sorts `values[range]` by insertion: the fastest for a handful of values, or values nearly in
/// order already.
func insertionSort(_ values: inout [Int32], _ range: Range<Int>) {
    guard range.count > 1 else { return }
    var index = range.lowerBound + 1
    while index < range.upperBound {
        let value = values[index]
        // In order already, as a log sorted by time leaves each customer's days: nothing to move.
        if values[index - 1] <= value {
            index += 1
            continue
        }
        var place = index
        while place > range.lowerBound, values[place - 1] > value {
            values[place] = values[place - 1]
            place -= 1
        }
        values[place] = value
        index += 1
    }
}

/// Rearranges `values[range]` so that `values[rank]` holds the value of that rank among them,
/// smaller ones before it and larger ones after.
///
/// `OrderStatistics.select` in JourneyEvents is the same quickselect for the funnel's durations.
/// Calling it from here instead (made generic and inlinable, over the array's buffer) took
/// `journey customers` on the benchmark's 1 M purchases from 1.14 G to 2.11 G instructions
/// (callgrind): the copy stays, specialised where it is used.
private func select<Value: Comparable>(_ rank: Int, in values: inout [Value], range: Range<Int>? = nil) {
    var low = range?.lowerBound ?? 0
    var high = (range?.upperBound ?? values.count) - 1
    var rounds = 0
    while high - low > 16, rounds < 64 {
        rounds += 1
        let pivot = medianOfThree(values[low], values[low + (high - low) / 2], values[high])
        // [low, less) < pivot, [less, index) == pivot, (greater, high] > pivot.
        var less = low
        var index = low
        var greater = high
        while index <= greater {
            let value = values[index]
            if value < pivot {
                values.swapAt(less, index)
                less += 1
                index += 1
            } else if value > pivot {
                values.swapAt(index, greater)
                greater -= 1
            } else {
                index += 1
            }
        }
        if rank < less {
            high = less - 1
        } else if rank > greater {
            low = greater + 1
        } else {
            return
        }
    }
    // A short range, or one that refused to shrink: sort it.
    values[low...high].sort()
}

private func medianOfThree<Value: Comparable>(_ a: Value, _ b: Value, _ c: Value) -> Value {
    max(min(a, b), min(max(a, b), c))
}
