/// The value of a given rank among integers, found by selection in linear expected time rather than by sorting.
///
/// Quickselect with a median-of-three pivot and three-way partitioning (so that runs of equal
/// durations, zeros above all, cost nothing), falling back to sorting a range that refuses to
/// shrink.
enum OrderStatistics {
    /// Rearranges `values[range]` so that `values[rank]` holds the value of that rank (counted
    /// from the start of the buffer) among them, smaller ones before it and larger ones after.
    static func select(_ rank: Int, in values: UnsafeMutableBufferPointer<Int64>, range: Range<Int>) {
        precondition(range.contains(rank), "rank \(rank) outside \(range)")
        var low = range.lowerBound
        var high = range.upperBound - 1
        var rounds = 0
        while high - low > 16 {
            rounds += 1
            if rounds > 64 {
                var rest = UnsafeMutableBufferPointer(rebasing: values[low...high])
                rest.sort()
                return
            }
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
        var rest = UnsafeMutableBufferPointer(rebasing: values[low...high])
        rest.sort()
    }

    /// The smallest of `values[range]`, which must not be empty.
    static func minimum(in values: UnsafeMutableBufferPointer<Int64>, range: Range<Int>) -> Int64 {
        var smallest = values[range.lowerBound]
        for index in range.dropFirst() where values[index] < smallest {
            smallest = values[index]
        }
        return smallest
    }

    private static func medianOfThree(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64 {
        max(min(a, b), min(max(a, b), c))
    }
}
