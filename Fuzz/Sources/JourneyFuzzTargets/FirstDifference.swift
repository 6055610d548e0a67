/// Where two values first differ, found by reflection: a path such as `.stages[0].target` and
/// both values, as `String(reflecting:)` shows them (control characters escaped), or nil.
///
/// For the messages of the `export` target, whose signatures in Fuzz/known-crashes tell one
/// round-trip failure from another; a difference reflection cannot find (the order of a set,
/// say) gives nil.
func firstDifference(_ original: Any, _ other: Any, path: String = "") -> String? {
    let left = Mirror(reflecting: original)
    let right = Mirror(reflecting: other)
    guard !left.children.isEmpty, left.children.count == right.children.count else {
        let shownLeft = String(reflecting: original)
        let shownRight = String(reflecting: other)
        return shownLeft == shownRight
            ? nil : "\(path.isEmpty ? "the journey" : path): \(shownLeft) became \(shownRight)"
    }
    for (index, (leftChild, rightChild)) in zip(left.children, right.children).enumerated() {
        let step = leftChild.label.map { ".\($0)" } ?? "[\(index)]"
        if let difference = firstDifference(leftChild.value, rightChild.value, path: path + step) {
            return difference
        }
    }
    return nil
}
