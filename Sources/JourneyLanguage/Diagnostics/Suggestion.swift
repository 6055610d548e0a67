/// Finds the closest known word to a misspelt one, for "did you mean" hints.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    ///
    /// Closeness is the optimal string alignment distance (insertions, deletions,
    /// substitutions and swaps of neighbours each cost 1), compared case-insensitively.
    /// A candidate qualifies within 1 edit for words of up to 4 characters, 2 edits
    /// up to 8 characters and 3 beyond. Ties go to the earlier candidate. When none
    /// qualifies, a word of 3 characters or more that starts exactly one candidate
    /// suggests it (`saas` → `saas-onboarding`).
    public static func closest(to word: String, among candidates: some Collection<String>) -> String? {
        let lowered = word.lowercased()
        let characters = Array(lowered)
        let limit = characters.count <= 4 ? 1 : (characters.count <= 8 ? 2 : 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased())
            // Each edit changes the length by at most one: a candidate whose length differs by
            // more than the limit cannot qualify, and is not aligned (a 100 MB word against
            // 19 keywords took seconds).
            guard abs(other.count - characters.count) <= limit else { continue }
            let distance = editDistance(characters, other)
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        if let best {
            return best.candidate
        }
        guard characters.count >= 3 else { return nil }
        let extensions = candidates.filter { $0 != word && $0.lowercased().hasPrefix(lowered) }
        return extensions.count == 1 ? extensions[0] : nil
    }

    /// The optimal string alignment distance between two strings, over Characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a), Array(b))
    }

    /// The optimal string alignment distance between two arrays of Characters.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
