import Testing
@testable import SiteModel

@Suite struct AccidentRecordsTests {
    static func record(_ year: Int, _ month: Int?, _ region: String, _ category: String,
                       severity: AccidentRecord.Severity? = nil, line: Int) -> AccidentRecord {
        AccidentRecord(period: StatisticsPeriod(year: year, month: month), region: region, category: category,
                       accidents: line, deaths: line % 3, injuries: 2 * line, loss: Double(line) / 10, severity: severity, line: line)
    }

    @Test func rowsReadBackAsTheyWereAppended() {
        let rows = [Self.record(2024, 5, "north", "road", line: 2), Self.record(2023, nil, "south", "fire", severity: .major, line: 3),
                    Self.record(2024, 12, "north", "fire", severity: .extraordinary, line: 4)]
        let records = AccidentRecords(rows)
        #expect(Array(records) == rows)
        #expect(records.regionIDs == ["north", "south"])
        #expect(records.hasSeverities)
        #expect(records.month(at: 1) == nil && records.year(at: 1) == 2023)
    }

    @Test func publishedOrderIsByPeriodRegionCategoryAndSeverity() {
        var rows: [AccidentRecord] = []
        var line = 2
        for year in [2024, 2022, 2023] {
            for month in [nil, 11, 2] as [Int?] {
                for region in ["b-south", "a-north", "c"] {
                    for category in ["road", "fire"] {
                        for severity in [nil, .major, .general] as [AccidentRecord.Severity?] {
                            rows.append(Self.record(year, month, region, category, severity: severity, line: line))
                            line += 1
                        }
                    }
                }
            }
        }
        let records = AccidentRecords(rows)
        let expected = rows.sorted { a, b in
            if a.period != b.period { return a.period < b.period }
            if a.region != b.region { return a.region < b.region }
            if a.category != b.category { return a.category < b.category }
            return (a.severity?.rawValue ?? "") < (b.severity?.rawValue ?? "")
        }
        #expect(records.publishedOrder().map { records[$0] } == expected)
    }

    @Test func declaredIDsNameRowsByNumber() {
        var records = AccidentRecords(regionIDs: ["north", "south"], categoryIDs: ["road"])
        records.append(period: StatisticsPeriod(year: 2024), region: 1, category: 0, accidents: 3, deaths: 1, injuries: 0,
                       loss: 2.5, severity: nil, line: 7)
        #expect(records[0].region == "south")
        #expect(records[0].line == 7)
        // A declared region without rows is not in the summary's tables.
        let summary = StatisticsSummary(records)
        #expect(summary.byRegion.keys.sorted() == ["south"])
        #expect(summary.total.accidents == 3)
    }
}
