/// The postings being built for the character tokens of one language, by
/// token key (never 0): an open-addressing table with a multiplicative hash,
/// entries kept in one array and changed in place. Swift's Dictionary, with
/// its seeded hashing and copy-on-write checks per change, was a third of
/// the index's time at 20,000 pages.
struct TokenTable {
    private(set) var keys: [UInt64]
    private var slots: [Int32]
    private(set) var entries: [SearchIndexWriter.Entry] = []
    private var shift: UInt64

    init() {
        keys = []
        slots = [Int32](repeating: -1, count: 1 << 12)
        shift = 64 - 12
    }

    /// The index in `entries` of `key`'s entry, made empty when it is new.
    @inline(__always)
    mutating func index(_ key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        let mask = slots.count - 1
        while true {
            let found = slots[slot]
            if found < 0 { break }
            if keys[Int(found)] == key { return Int(found) }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(entries.count)
        keys.append(key)
        entries.append(SearchIndexWriter.Entry())
        if entries.count * 2 > slots.count { grow() }
        return entries.count - 1
    }

    mutating func add(_ key: UInt64, page: Int, mask: UInt8, occurrences: ArraySlice<(UInt64, UInt32)> = []) {
        let i = index(key)
        entries[i].add(page: page, mask: mask, occurrences: occurrences)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
