import Testing
@testable import SiteModel

/// "Did you mean": the bounded distance agrees with Levenshtein's wherever it answers, and the
/// nearest of thousands of ids is found (its speed is measured by the probes' hint cases, not here).
@Suite struct SuggestionsTests {
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var next = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                next[j] = min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            row = next
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    @Test func theBoundedDistanceIsLevenshteinsWithinTheBound() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab区应急局")
        for _ in 0..<2_000 {
            let a = String((0..<Int.random(in: 0...7, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let b = String((0..<Int.random(in: 0...7, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let exact = Self.levenshtein(a, b)
            for limit in 0...4 {
                #expect(Suggestions.distance(a, b, limit: limit) == (exact <= limit ? exact : nil), "\(a) \(b) \(limit)")
            }
        }
    }

    @Test func nearestFirstThenInTextOrder() {
        #expect(Suggestions.nearest("区应急局", in: ["区应急管理局", "区应急办", "区卫健委", "区应急局a"], count: 3) == ["区应急办", "区应急局a", "区应急管理局"])
        #expect(Suggestions.nearest("putuo", in: ["chedun", "lvxiang"]).isEmpty)
        #expect(nearest("fir", in: ["fire", "traffic"]) == "fire")
    }

    @Test func theNearestAmongThousandsIsFound() {
        let ids = (0..<5_000).map { "region-\($0)-name" }
        #expect(Suggestions.nearest("regoin-37-name", in: ids) == ["region-37-name"])
        #expect(Suggestions.nearest("region-4999-nam", in: ids, count: 2) == ["region-4999-name", "region-1999-name"])
    }
}
