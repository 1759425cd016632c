/// The first line seen for each row identity of accidents.csv: an open-addressing
/// table of 64-bit keys (a Dictionary hashed every row with a seeded SipHash, a
/// tenth of the time of a million-row file). Keys are never 0: a packed row key
/// always holds a year.
struct RowKeyTable {
    private var keys: [UInt64]
    private var lines: [Int32]
    private var mask: Int
    /// 64 − log₂(size): the product's top bits pick the slot.
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        lines = [Int32](repeating: 0, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The line stored for `key`, or stores `line` for it and returns nil.
    mutating func firstLine(for key: UInt64, storing line: Int32) -> Int32? {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = slot(key)
        while true {
            let found = keys[slot]
            if found == key { return lines[slot] }
            if found == 0 {
                keys[slot] = key
                lines[slot] = line
                count += 1
                return nil
            }
            slot = (slot + 1) & mask
        }
    }

    /// Fibonacci hashing: the top bits of the key times 2⁶⁴/φ, which every bit of the key reaches.
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let oldKeys = keys, oldLines = lines
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        lines = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        shift = UInt64(64 - keys.count.trailingZeroBitCount)
        for index in oldKeys.indices where oldKeys[index] != 0 {
            var slot = slot(oldKeys[index])
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            lines[slot] = oldLines[index]
        }
    }
}
