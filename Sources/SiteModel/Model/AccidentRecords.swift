/// The rows of accidents.csv, held as columns: about 37 bytes a row instead of
/// a hundred, so that a million-row file (the 20 MB limit) stays near 40 MB in
/// memory. Region and category ids are kept once each, rows refer to them by
/// index. Reading a row makes an `AccidentRecord` value.
public struct AccidentRecords: Sendable, Hashable, RandomAccessCollection {
    /// Region and category ids, in the order first seen (or as given to `init(regionIDs:categoryIDs:)`).
    public private(set) var regionIDs: [String] = []
    public private(set) var categoryIDs: [String] = []
    private var regionIndex: [String: UInt32] = [:]
    private var categoryIndex: [String: UInt32] = [:]
    /// `year << 4 | month`, month 0 for a whole year.
    private var periods: [UInt32] = []
    private var regions: [UInt32] = []
    private var categories: [UInt32] = []
    private var accidents: [Int32] = []
    private var deaths: [Int32] = []
    private var injuries: [Int32] = []
    private var losses: [Double] = []
    /// 0 for none, else 1 + the severity's index in `Severity.allCases`.
    private var severities: [UInt8] = []
    private var lines: [Int32] = []
    /// The most decimals any row's loss was written with (`215.5` → 1; at most 4): totals are
    /// rounded to it, so that a sum is published as its parts were (1811.8, not 1811.8000000000002).
    public private(set) var lossDecimals = 0

    public init() {}

    /// Notes the decimals of a loss as written.
    public mutating func noteLossDecimals(_ count: Int) {
        lossDecimals = Swift.max(lossDecimals, Swift.min(count, 4))
    }

    /// `value` rounded to `lossDecimals` places.
    public func roundedLoss(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        var scale = 1.0
        for _ in 0..<lossDecimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    public init(_ records: some Sequence<AccidentRecord>) {
        for record in records { append(record) }
    }

    /// Rows that will name regions and categories by their number in these lists
    /// (`append(period:region:category:…)`), as the decoder does with the declared ids.
    public init(regionIDs: [String], categoryIDs: [String]) {
        self.regionIDs = regionIDs
        self.categoryIDs = categoryIDs
        for (number, id) in regionIDs.enumerated() where regionIndex[id] == nil { regionIndex[id] = UInt32(number) }
        for (number, id) in categoryIDs.enumerated() where categoryIndex[id] == nil { categoryIndex[id] = UInt32(number) }
    }

    /// Appends a row whose region and category are given by their numbers in `regionIDs` and
    /// `categoryIDs` (no lookup by name). Counts are clamped to `Int32` (the decoder allows at most 10⁹).
    public mutating func append(period: StatisticsPeriod, region: Int, category: Int, accidents: Int, deaths: Int,
                                injuries: Int, loss: Double, severity: AccidentRecord.Severity?, line: Int) {
        periods.append(UInt32(clamping: period.year) << 4 | UInt32(clamping: period.month ?? 0))
        regions.append(UInt32(clamping: region))
        categories.append(UInt32(clamping: category))
        self.accidents.append(Int32(clamping: accidents))
        self.deaths.append(Int32(clamping: deaths))
        self.injuries.append(Int32(clamping: injuries))
        losses.append(loss)
        severities.append(severity.flatMap { severity in
            AccidentRecord.Severity.allCases.firstIndex(of: severity).map { UInt8($0 + 1) }
        } ?? 0)
        lines.append(Int32(clamping: line))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { periods.count }

    public mutating func reserveCapacity(_ count: Int) {
        periods.reserveCapacity(count); regions.reserveCapacity(count); categories.reserveCapacity(count)
        accidents.reserveCapacity(count); deaths.reserveCapacity(count); injuries.reserveCapacity(count)
        losses.reserveCapacity(count); severities.reserveCapacity(count); lines.reserveCapacity(count)
    }

    /// Appends a row. Counts are clamped to `Int32` (the decoder allows at most 10⁹).
    public mutating func append(_ record: AccidentRecord) {
        let region = Int(Self.intern(record.region, &regionIDs, &regionIndex))
        let category = Int(Self.intern(record.category, &categoryIDs, &categoryIndex))
        append(period: record.period, region: region, category: category, accidents: record.accidents, deaths: record.deaths,
               injuries: record.injuries, loss: record.loss, severity: record.severity, line: record.line)
    }

    private static func intern(_ id: String, _ ids: inout [String], _ index: inout [String: UInt32]) -> UInt32 {
        if let found = index[id] { return found }
        let next = UInt32(ids.count)
        ids.append(id)
        index[id] = next
        return next
    }

    public subscript(position: Int) -> AccidentRecord {
        let period = periods[position]
        let month = Int(period & 0xF)
        return AccidentRecord(period: StatisticsPeriod(year: Int(period >> 4), month: month == 0 ? nil : month),
                              region: regionIDs[Int(regions[position])], category: categoryIDs[Int(categories[position])],
                              accidents: Int(accidents[position]), deaths: Int(deaths[position]), injuries: Int(injuries[position]),
                              loss: losses[position], severity: severity(at: position), line: Int(lines[position]))
    }

    /// The row's year, without making the record.
    public func year(at position: Int) -> Int { Int(periods[position] >> 4) }
    /// The row's month (nil for a whole year), without making the record.
    public func month(at position: Int) -> Int? {
        let month = Int(periods[position] & 0xF)
        return month == 0 ? nil : month
    }
    /// The index of the row's region in `regionIDs`.
    public func regionNumber(at position: Int) -> Int { Int(regions[position]) }
    /// The index of the row's category in `categoryIDs`.
    public func categoryNumber(at position: Int) -> Int { Int(categories[position]) }
    public func severity(at position: Int) -> AccidentRecord.Severity? {
        let code = Int(severities[position])
        return code == 0 ? nil : AccidentRecord.Severity.allCases[code - 1]
    }
    public var hasSeverities: Bool { severities.contains { $0 != 0 } }

    /// The row order of the published files: by period, region id, category id, severity.
    public func publishedOrder() -> [Int] {
        // One 64-bit key per row: period (18 bits), region and category ranks among the ids
        // sorted as text (21 bits each: a 20 MB categories.yaml cannot declare 2²¹ ids), severity.
        func ranks(_ ids: [String]) -> [UInt64] {
            var ranks = [UInt64](repeating: 0, count: ids.count)
            for (rank, index) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { ranks[index] = UInt64(rank) }
            return ranks
        }
        let regionRanks = ranks(regionIDs), categoryRanks = ranks(categoryIDs)
        let severityRanks = ranks([""] + AccidentRecord.Severity.allCases.map(\.rawValue))
        var keyed = [(key: UInt64, row: Int)]()
        keyed.reserveCapacity(count)
        for row in indices {
            let key = UInt64(periods[row] & 0x3FFFF) << 45 | regionRanks[Int(regions[row])] << 24
                | categoryRanks[Int(categories[row])] << 3 | severityRanks[Int(severities[row])]
            keyed.append((key, row))
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row }
        return keyed.map(\.row)
    }

    /// Equal rows in equal order (ids are interned in the order first seen, so equal rows
    /// give equal tables).
    public static func == (lhs: AccidentRecords, rhs: AccidentRecords) -> Bool {
        lhs.periods == rhs.periods && lhs.accidents == rhs.accidents && lhs.deaths == rhs.deaths
            && lhs.injuries == rhs.injuries && lhs.losses == rhs.losses && lhs.severities == rhs.severities
            && lhs.lines == rhs.lines && lhs.regionIDs == rhs.regionIDs && lhs.regions == rhs.regions
            && lhs.categoryIDs == rhs.categoryIDs && lhs.categories == rhs.categories
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(periods)
        hasher.combine(accidents)
        hasher.combine(lines)
    }
}
