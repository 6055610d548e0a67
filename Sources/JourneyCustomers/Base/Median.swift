/// The usual median: the middle value, or the mean of the two middle values when the count is
/// even; nil for no values.
func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// The median of the gaps, in days, between consecutive purchase days; nil under two days.
func medianGap(_ days: ArraySlice<Int>) -> Double? {
    guard days.count >= 2 else { return nil }
    return median(zip(days.dropLast(), days.dropFirst()).map { Double($1 - $0) })
}
