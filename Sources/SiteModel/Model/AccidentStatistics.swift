/// Accident statistics (statistics/accidents.csv + categories.yaml).
public struct AccidentStatistics: Sendable, Hashable {
    public var categories: [AccidentCategory]
    public var regions: [StatisticsRegion]
    public var records: AccidentRecords
    /// Example figures, not official: every page showing them says so.
    public var isSample: Bool
    /// Where the figures come from, shown under the tables (optional).
    public var source: BilingualText?

    public init(categories: [AccidentCategory] = [], regions: [StatisticsRegion] = [], records: AccidentRecords = AccidentRecords(),
                isSample: Bool = false, source: BilingualText? = nil) {
        self.categories = categories
        self.regions = regions
        self.records = records
        self.isSample = isSample
        self.source = source
    }

    public func category(_ id: String) -> AccidentCategory? { categories.first { $0.id == id } }
    public func region(_ id: String) -> StatisticsRegion? { regions.first { $0.id == id } }
}

public struct AccidentCategory: Sendable, Hashable {
    public var id: String
    public var name: BilingualText
}

public struct StatisticsRegion: Sendable, Hashable {
    public var id: String
    public var name: BilingualText
    /// district, town… (`level` in categories.yaml), optional.
    public var level: Plan.Level?

    public init(id: String, name: BilingualText, level: Plan.Level? = nil) {
        self.id = id
        self.name = name
        self.level = level
    }
}

/// A statistics period: a whole year (`2023`) or a month (`2023-05`).
public struct StatisticsPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1–12, or nil for the whole year.
    public var month: Int?

    public init(year: Int, month: Int? = nil) {
        self.year = year
        self.month = month
    }

    /// `YYYY` or `YYYY-MM`.
    /// `YYYY` (1900 or later) or `YYYY-MM`, ASCII digits only.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count == 4 || (bytes.count == 7 && bytes[4] == UInt8(ascii: "-")),
              let year = digits(0..<4), year >= 1900 else { return nil }
        guard bytes.count == 7 else { self.init(year: year); return }
        guard let month = digits(5..<7), (1...12).contains(month) else { return nil }
        self.init(year: year, month: month)
    }

    public var description: String {
        guard let month else { return String(year) }
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    public static func < (lhs: StatisticsPeriod, rhs: StatisticsPeriod) -> Bool {
        (lhs.year, lhs.month ?? 0) < (rhs.year, rhs.month ?? 0)
    }
}

/// One row of accidents.csv.
public struct AccidentRecord: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        /// 一般.
        case general
        /// 较大.
        case major
        /// 重大.
        case serious
        /// 特别重大.
        case extraordinary

        /// 较大及以上.
        public var isMajorOrAbove: Bool { self != .general }
    }

    public var period: StatisticsPeriod
    public var region: String
    public var category: String
    public var accidents: Int
    public var deaths: Int
    public var injuries: Int
    /// Direct economic loss in 10,000 yuan (万元).
    public var loss: Double
    /// The optional `severity` column: the rows' accidents are all of this grade.
    public var severity: Severity?
    /// The CSV line the row starts on.
    public var line: Int

    public init(period: StatisticsPeriod, region: String, category: String, accidents: Int, deaths: Int, injuries: Int,
                loss: Double, severity: Severity? = nil, line: Int) {
        self.period = period
        self.region = region
        self.category = category
        self.accidents = accidents
        self.deaths = deaths
        self.injuries = injuries
        self.loss = loss
        self.severity = severity
        self.line = line
    }
}
