/// Accident figures summed over some rows.
public struct AccidentTotals: Sendable, Hashable {
    public var accidents = 0
    public var deaths = 0
    public var injuries = 0
    /// 万元.
    public var loss = 0.0
    /// Accidents in rows whose severity is 较大 or above.
    public var majorAccidents = 0
    public var rows = 0

    public init() {}

    public mutating func add(_ record: AccidentRecord) {
        accidents += record.accidents
        deaths += record.deaths
        injuries += record.injuries
        loss += record.loss
        if record.severity?.isMajorOrAbove == true { majorAccidents += record.accidents }
        rows += 1
    }
}

/// A change from one figure to another: absolute, and in percent of the old one (nil when that is 0).
public struct Change: Sendable, Hashable {
    public var difference: Double
    public var percent: Double?

    public init(from old: Double, to new: Double) {
        difference = new - old
        percent = old == 0 ? nil : (new - old) / old * 100
    }
}

/// The aggregates the statistics page and accidents.json show, computed once
/// from the records: per year, per month, per category and region, year on
/// year, and year to date when the latest year is incomplete.
public struct StatisticsSummary: Sendable, Hashable {
    public struct Year: Sendable, Hashable {
        public var year: Int
        public var totals: AccidentTotals
        /// False when the year is given by month and its last month is before December.
        public var isComplete: Bool
        /// The last month with figures, for a year given by month.
        public var lastMonth: Int?
        /// Against the previous year, when both are complete.
        public var accidentsChange: Change?
        public var deathsChange: Change?
    }

    /// The same months of the latest (incomplete) year and of the year before.
    public struct YearToDate: Sendable, Hashable {
        public var year: Int
        public var throughMonth: Int
        public var current: AccidentTotals
        /// Nil when the previous year is not given by month.
        public var previous: AccidentTotals?
        public var accidentsChange: Change?
        public var deathsChange: Change?
    }

    /// Oldest first.
    public var years: [Year]
    /// Month periods that have figures, oldest first, with their totals.
    public var months: [(period: StatisticsPeriod, totals: AccidentTotals)]
    /// Category id → year → totals.
    public var byCategory: [String: [Int: AccidentTotals]]
    /// Region id → year → totals.
    public var byRegion: [String: [Int: AccidentTotals]]
    public var yearToDate: YearToDate?
    public var total: AccidentTotals

    public static func == (lhs: StatisticsSummary, rhs: StatisticsSummary) -> Bool {
        lhs.years == rhs.years && lhs.byCategory == rhs.byCategory && lhs.byRegion == rhs.byRegion
            && lhs.yearToDate == rhs.yearToDate && lhs.months.map(\.period) == rhs.months.map(\.period)
            && lhs.months.map(\.totals) == rhs.months.map(\.totals)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(years) }

    public var latestYear: Year? { years.last }

    public init(_ records: AccidentRecords) {
        var perYear: [Int: AccidentTotals] = [:]
        var perMonth: [StatisticsPeriod: AccidentTotals] = [:]
        var annualYears = Set<Int>()
        var lastMonth: [Int: Int] = [:]
        // By the rows' region and category numbers first (no string hashing per row), by id at the end.
        var categoryYears = [[Int: AccidentTotals]](repeating: [:], count: records.categoryIDs.count)
        var regionYears = [[Int: AccidentTotals]](repeating: [:], count: records.regionIDs.count)
        var total = AccidentTotals()
        for row in records.indices {
            let record = records[row]
            let year = record.period.year
            perYear[year, default: AccidentTotals()].add(record)
            categoryYears[records.categoryNumber(at: row)][year, default: AccidentTotals()].add(record)
            regionYears[records.regionNumber(at: row)][year, default: AccidentTotals()].add(record)
            total.add(record)
            if let month = record.period.month {
                perMonth[record.period, default: AccidentTotals()].add(record)
                lastMonth[year] = max(lastMonth[year] ?? 0, month)
            } else {
                annualYears.insert(year)
            }
        }
        // Ids without rows are not listed (the tables may hold every declared id); an id listed
        // twice keeps its first number's totals (the decoder refuses duplicate ids).
        let byCategory = Dictionary(zip(records.categoryIDs, categoryYears).filter { !$0.1.isEmpty }, uniquingKeysWith: { first, _ in first })
        let byRegion = Dictionary(zip(records.regionIDs, regionYears).filter { !$0.1.isEmpty }, uniquingKeysWith: { first, _ in first })
        var years: [Year] = []
        for year in perYear.keys.sorted() {
            let complete = annualYears.contains(year) || lastMonth[year] == 12
            var entry = Year(year: year, totals: perYear[year] ?? AccidentTotals(), isComplete: complete,
                             lastMonth: annualYears.contains(year) ? nil : lastMonth[year])
            if let previous = years.last, previous.year == year - 1, previous.isComplete, complete {
                entry.accidentsChange = Change(from: Double(previous.totals.accidents), to: Double(entry.totals.accidents))
                entry.deathsChange = Change(from: Double(previous.totals.deaths), to: Double(entry.totals.deaths))
            }
            years.append(entry)
        }
        self.years = years
        self.months = perMonth.keys.sorted().map { ($0, perMonth[$0] ?? AccidentTotals()) }
        self.byCategory = byCategory
        self.byRegion = byRegion
        self.total = total

        if let latest = years.last, !latest.isComplete, let through = latest.lastMonth {
            var current = AccidentTotals(), previous = AccidentTotals()
            let previousByMonth = !annualYears.contains(latest.year - 1) && perYear[latest.year - 1] != nil
            for row in records.indices {
                guard let month = records.month(at: row), month <= through else { continue }
                let record = records[row]
                if record.period.year == latest.year { current.add(record) }
                if record.period.year == latest.year - 1 { previous.add(record) }
            }
            var ytd = YearToDate(year: latest.year, throughMonth: through, current: current,
                                 previous: previousByMonth ? previous : nil)
            if previousByMonth {
                ytd.accidentsChange = Change(from: Double(previous.accidents), to: Double(current.accidents))
                ytd.deathsChange = Change(from: Double(previous.deaths), to: Double(current.deaths))
            }
            self.yearToDate = ytd
        } else {
            self.yearToDate = nil
        }
    }
}
