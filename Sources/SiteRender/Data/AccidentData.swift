import SiteModel

/// `/data/accidents.csv` (the rows, normalised: sorted, one header, LF line
/// ends, no BOM) and `/data/accidents.json` (the rows and the aggregates the
/// statistics page shows).
enum AccidentData {
    static func csv(_ statistics: AccidentStatistics) -> String {
        var out = "period,region,category,accidents,deaths,injuries,loss,severity\n"
        for record in sorted(statistics.records) {
            let fields = [record.period.description, record.region, record.category, String(record.accidents),
                          String(record.deaths), String(record.injuries), formatValue(record.loss), record.severity?.rawValue ?? ""]
            out += fields.map(quote).joined(separator: ",") + "\n"
        }
        return out
    }

    static func sorted(_ records: [AccidentRecord]) -> [AccidentRecord] {
        records.sorted { a, b in
            if a.period != b.period { return a.period < b.period }
            if a.region != b.region { return a.region < b.region }
            if a.category != b.category { return a.category < b.category }
            return (a.severity?.rawValue ?? "") < (b.severity?.rawValue ?? "")
        }
    }

    /// RFC 4180 quoting where needed; a leading = + - @ is prefixed with ' so that spreadsheets do not run it.
    static func quote(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func json(_ context: RenderContext, _ statistics: AccidentStatistics, _ summary: StatisticsSummary) -> JSONValue {
        func totals(_ t: AccidentTotals) -> JSONValue {
            .object([("accidents", .int(t.accidents)), ("deaths", .int(t.deaths)), ("injuries", .int(t.injuries)),
                     ("loss", .number(t.loss)), ("major_accidents", .int(t.majorAccidents))])
        }
        func change(_ c: Change?) -> JSONValue {
            guard let c else { return .null }
            return .object([("difference", .number(c.difference)),
                            ("percent", c.percent.map { .number(($0 * 10).rounded() / 10) } ?? .null)])
        }
        func byYear(_ table: [String: [Int: AccidentTotals]], _ ids: [String]) -> JSONValue {
            .array(ids.filter { table[$0] != nil }.map { id in
                .object([("id", .string(id)),
                         ("years", .array(summary.years.map { year in
                             .object([("year", .int(year.year)), ("totals", totals(table[id]?[year.year] ?? AccidentTotals()))])
                         }))])
            })
        }
        let records = sorted(statistics.records).map { record -> JSONValue in
            .object([("period", .string(record.period.description)), ("region", .string(record.region)),
                     ("category", .string(record.category)), ("accidents", .int(record.accidents)),
                     ("deaths", .int(record.deaths)), ("injuries", .int(record.injuries)), ("loss", .number(record.loss)),
                     ("severity", .optional(record.severity?.rawValue))])
        }
        let years = summary.years.map { year -> JSONValue in
            .object([("year", .int(year.year)), ("complete", .bool(year.isComplete)), ("last_month", .optional(year.lastMonth)),
                     ("totals", totals(year.totals)), ("accidents_change", change(year.accidentsChange)),
                     ("deaths_change", change(year.deathsChange))])
        }
        var ytd = JSONValue.null
        if let y = summary.yearToDate {
            ytd = .object([("year", .int(y.year)), ("through_month", .int(y.throughMonth)), ("current", totals(y.current)),
                           ("previous", y.previous.map(totals) ?? .null), ("accidents_change", change(y.accidentsChange)),
                           ("deaths_change", change(y.deathsChange))])
        }
        return .object(OpenData.header(context) + [
            ("url", OpenData.urls(context, .statistics)),
            ("loss_unit", .string("10000 CNY")),
            ("categories", .array(statistics.categories.map { .object([("id", .string($0.id)), ("name", OpenData.text($0.name))]) })),
            ("regions", .array(statistics.regions.map { .object([("id", .string($0.id)), ("name", OpenData.text($0.name))]) })),
            ("records", .array(records)),
            ("years", .array(years)),
            ("year_to_date", ytd),
            ("by_category", byYear(summary.byCategory, statistics.categories.map(\.id))),
            ("by_region", byYear(summary.byRegion, statistics.regions.map(\.id))),
        ])
    }
}
