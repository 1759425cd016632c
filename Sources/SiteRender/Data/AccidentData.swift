import SiteModel

/// `/data/accidents.csv` (the rows, normalised: sorted, one header, LF line
/// ends, no BOM) and `/data/accidents.json` (the rows and the aggregates the
/// statistics page shows).
enum AccidentData {
    /// Bytes collected before each hand-over to the writer.
    static let pieceSize = 1 << 20

    /// The rows, in `order`, as CSV text, made and handed over a megabyte at a time.
    /// When the figures are examples (`sample`), every row ends with a `sample` column saying
    /// `true`: a copy of the file, passed on without the page, still says what it is.
    static func csv(_ records: AccidentRecords, order: [Int], sample: Bool = false, emit: (UnsafeRawBufferPointer) -> Void) {
        var out = Array(("period,region,category,accidents,deaths,injuries,loss,severity" + (sample ? ",sample" : "") + "\n").utf8)
        out.reserveCapacity(pieceSize + 256)
        // Ids quoted once each, not once a row.
        let regions = records.regionIDs.map { Array(quote($0).utf8) }, categories = records.categoryIDs.map { Array(quote($0).utf8) }
        for row in order {
            let record = records[row]
            // Periods and counts are digits and hyphens; only ids and the severity can need quoting.
            out.append(contentsOf: record.period.description.utf8)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: regions[records.regionNumber(at: row)])
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: categories[records.categoryNumber(at: row)])
            for count in [record.accidents, record.deaths, record.injuries] {
                out.append(UInt8(ascii: ","))
                out.append(contentsOf: String(count).utf8)
            }
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: formatValue(record.loss).utf8)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: quote(record.severity?.rawValue ?? "").utf8)
            if sample { out.append(contentsOf: ",true".utf8) }
            out.append(UInt8(ascii: "\n"))
            if out.count >= pieceSize {
                out.withUnsafeBytes(emit)
                out.removeAll(keepingCapacity: true)
            }
        }
        out.withUnsafeBytes(emit)
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

    /// accidents.json: the header, the rows (made and handed over a megabyte at a time, in
    /// `order`), then the aggregates; the same text as one `JSONValue` serialised whole.
    static func json(_ context: RenderContext, _ statistics: AccidentStatistics, order: [Int],
                     _ summary: StatisticsSummary, emit: (UnsafeRawBufferPointer) -> Void) {
        func totals(_ t: AccidentTotals) -> JSONValue {
            // Sums of decimals are rounded to the places the rows were written with: 1811.8, not 1811.8000000000002.
            .object([("accidents", .int(t.accidents)), ("deaths", .int(t.deaths)), ("injuries", .int(t.injuries)),
                     ("loss", .number(statistics.records.roundedLoss(t.loss))), ("major_accidents", .int(t.majorAccidents))])
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
        let before: [(String, JSONValue)] = OpenData.header(context) + [
            ("url", OpenData.urls(context, .statistics)),
            ("loss_unit", .string("10000 CNY")),
            ("categories", .array(statistics.categories.map { .object([("id", .string($0.id)), ("name", OpenData.text($0.name))]) })),
            ("regions", .array(statistics.regions.map {
                .object([("id", .string($0.id)), ("name", OpenData.text($0.name)), ("level", .optional($0.level?.rawValue))])
            })),
            // What every total adds up: these regions' figures, whatever their levels.
            ("totals_cover", .array(statistics.regions.filter { summary.byRegion[$0.id] != nil }.map { .string($0.id) })),
        ]
        let after: [(String, JSONValue)] = [
            ("years", .array(years)),
            ("year_to_date", ytd),
            ("by_category", byYear(summary.byCategory, statistics.categories.map(\.id))),
            ("by_region", byYear(summary.byRegion, statistics.regions.map(\.id))),
        ]
        var out = Array("{\n".utf8)
        out.reserveCapacity(pieceSize + 1024)
        for (key, value) in before { JSONValue.member(key, value, last: false, indent: 1, into: &out) }
        out.append(contentsOf: "  \"records\": ".utf8)
        let records = statistics.records
        if order.isEmpty {
            out.append(contentsOf: "[],\n".utf8)
        } else {
            out.append(contentsOf: "[\n".utf8)
            var regions: [[UInt8]] = [], categories: [[UInt8]] = []
            for id in records.regionIDs { var q: [UInt8] = []; JSONValue.quote(id, into: &q); regions.append(q) }
            for id in records.categoryIDs { var q: [UInt8] = []; JSONValue.quote(id, into: &q); categories.append(q) }
            for (position, row) in order.enumerated() {
                let record = records[row]
                out.append(contentsOf: "    {\n      \"period\": \"".utf8)
                out.append(contentsOf: record.period.description.utf8)
                out.append(contentsOf: "\",\n      \"region\": ".utf8)
                out.append(contentsOf: regions[records.regionNumber(at: row)])
                out.append(contentsOf: ",\n      \"category\": ".utf8)
                out.append(contentsOf: categories[records.categoryNumber(at: row)])
                out.append(contentsOf: ",\n      \"accidents\": ".utf8)
                out.append(contentsOf: String(record.accidents).utf8)
                out.append(contentsOf: ",\n      \"deaths\": ".utf8)
                out.append(contentsOf: String(record.deaths).utf8)
                out.append(contentsOf: ",\n      \"injuries\": ".utf8)
                out.append(contentsOf: String(record.injuries).utf8)
                out.append(contentsOf: ",\n      \"loss\": ".utf8)
                JSONValue.number(record.loss).write(to: &out, indent: 3)
                out.append(contentsOf: ",\n      \"severity\": ".utf8)
                JSONValue.optional(record.severity?.rawValue).write(to: &out, indent: 3)
                out.append(contentsOf: (position + 1 < order.count ? "\n    },\n" : "\n    }\n").utf8)
                if out.count >= pieceSize {
                    out.withUnsafeBytes(emit)
                    out.removeAll(keepingCapacity: true)
                }
            }
            out.append(contentsOf: "  ],\n".utf8)
        }
        for (index, (key, value)) in after.enumerated() {
            JSONValue.member(key, value, last: index + 1 == after.count, indent: 1, into: &out)
        }
        out.append(contentsOf: "}\n".utf8)
        out.withUnsafeBytes(emit)
    }
}
