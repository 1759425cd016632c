import SiteModel

/// `/data/accidents.csv` (the rows, normalised: sorted, one header, LF line
/// ends, no BOM) and `/data/accidents.json` (the rows and the aggregates the
/// statistics page shows).
enum AccidentData {
    /// The rows (already in `sorted` order) as CSV text.
    static func csv(_ records: [AccidentRecord]) -> [UInt8] {
        var out = Array("period,region,category,accidents,deaths,injuries,loss,severity\n".utf8)
        out.reserveCapacity(out.count + records.count * 48)
        for record in records {
            // Periods and counts are digits and hyphens; only ids and the severity can need quoting.
            out.append(contentsOf: record.period.description.utf8)
            for field in [record.region, record.category] {
                out.append(UInt8(ascii: ","))
                out.append(contentsOf: quote(field).utf8)
            }
            for count in [record.accidents, record.deaths, record.injuries] {
                out.append(UInt8(ascii: ","))
                out.append(contentsOf: String(count).utf8)
            }
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: formatValue(record.loss).utf8)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: quote(record.severity?.rawValue ?? "").utf8)
            out.append(UInt8(ascii: "\n"))
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
        let special = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if !special, let first = field.utf8.first, !"=+-@".utf8.contains(first) { return field }
        var value = field
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func json(_ context: RenderContext, _ statistics: AccidentStatistics, _ records: [AccidentRecord],
                     _ summary: StatisticsSummary) -> JSONValue {
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
        let rows = records.map { record -> JSONValue in
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
            ("records", .array(rows)),
            ("years", .array(years)),
            ("year_to_date", ytd),
            ("by_category", byYear(summary.byCategory, statistics.categories.map(\.id))),
            ("by_region", byYear(summary.byRegion, statistics.regions.map(\.id))),
        ])
    }
}
