/// "Did you mean" for a name that was not found: the candidates a few edits away from it. The one
/// place hints are searched. The distance is Levenshtein's over Unicode scalars, bounded: a
/// candidate whose length alone puts it out of reach is skipped, and a comparison stops as soon as
/// every path is over the bound — a hundred unknown ids among 5,000 declared ones took 9 s with a
/// plain distance allocating a row per character, and take milliseconds.
public enum Suggestions {
    /// The edits a hint may be away: a third of the name, at least `minimum`.
    public static func reach(_ written: String, minimum: Int = 2) -> Int {
        max(minimum, written.unicodeScalars.count / 3)
    }

    /// Up to `count` candidates at most `maximum` edits from `written` (default `reach(written)`),
    /// nearest first, then in text order.
    public static func nearest(_ written: String, in candidates: some Sequence<String>, maximum: Int? = nil, count: Int = 1) -> [String] {
        let limit = maximum ?? reach(written)
        let target = Array(written.unicodeScalars)
        let bytes = written.utf8.count
        var found: [(String, Int)] = []
        var scratch: [Int] = []
        for candidate in candidates {
            // An edit changes the UTF-8 length by at most 4 bytes: most candidates are out of
            // reach before their scalars are looked at.
            guard abs(candidate.utf8.count - bytes) <= 4 * limit else { continue }
            let scalars = Array(candidate.unicodeScalars)
            guard abs(scalars.count - target.count) <= limit,
                  let distance = distance(scalars, target, limit: limit, scratch: &scratch) else { continue }
            found.append((candidate, distance))
        }
        found.sort { ($0.1, $0.0) < ($1.1, $1.0) }
        return found.prefix(count).map(\.0)
    }

    /// The edit distance of `a` and `b`, or nil when it is over `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        var scratch: [Int] = []
        return distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit, scratch: &scratch)
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int, scratch: inout [Int]) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: 0..<width)            // the previous row
        scratch.append(contentsOf: repeatElement(0, count: width))  // the current row
        var previous = 0, current = width
        for i in 1...a.count {
            scratch[current] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = scratch[previous + j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                let value = min(scratch[previous + j] + 1, scratch[current + j - 1] + 1, substitution)
                scratch[current + j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let result = scratch[previous + b.count]
        return result <= limit ? result : nil
    }
}
