import Yams

/// Decodes `statistics/categories.yaml` (categories, regions, the sample flag)
/// and `statistics/accidents.csv`, one diagnostic per fault with the CSV line
/// and column: header names, period format, unknown category or region,
/// negative or non-numeric counts, deaths in a row without accidents,
/// duplicate (period, region, category) rows, a year given both as a total
/// and by month.
enum StatisticsDecoder {
    static let requiredColumns = ["period", "region", "category", "accidents", "deaths", "injuries", "loss"]
    static let optionalColumns = ["severity"]

    /// The columns, by name; a row's fields are found by `Column`, not by hashing names.
    enum Column: String, CaseIterable {
        case period, region, category, accidents, deaths, injuries, loss, severity
    }

    /// Where each column is in the header (by `Column.allCases` order).
    struct Positions {
        var positions = [Int?](repeating: nil, count: Column.allCases.count)
        subscript(column: Column) -> Int? {
            get { positions[Column.allCases.firstIndex(of: column) ?? 0] }
        }
        subscript(name: String) -> Int? {
            get { Column(rawValue: name).flatMap { self[$0] } }
            set { if let column = Column(rawValue: name), let index = Column.allCases.firstIndex(of: column) { positions[index] = newValue } }
        }
    }

    static func decode(csv: SourceFile?, categories: SourceFile?, into diagnostics: inout Diagnostics) -> AccidentStatistics? {
        guard csv != nil || categories != nil else { return nil }
        var statistics = AccidentStatistics()
        if let categories {
            decodeCategories(categories, into: &statistics, diagnostics: &diagnostics)
        } else if let csv {
            diagnostics.append(.error(.missingFile, at: csv.start,
                                      "缺少 statistics/categories.yaml (accidents.csv needs categories.yaml)",
                                      hint: "declare the category and region ids used in the CSV there"))
        }
        if let csv {
            statistics.records = decodeRecords(csv, statistics: statistics, diagnostics: &diagnostics)
        }
        return statistics
    }

    // MARK: - categories.yaml

    static func decodeCategories(_ file: SourceFile, into statistics: inout AccidentStatistics, diagnostics: inout Diagnostics) {
        guard let root = YAMLDocument.compose(file.text, file: file.path, into: &diagnostics) else { return }
        var reader = YAMLReader(file: file.path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let map = reader.mapping(root, "categories.yaml") else { return }
        reader.checkKeys(map, known: ["sample", "source", "categories", "regions"])
        statistics.isSample = map["sample"].flatMap { reader.bool($0, "sample") } ?? false
        statistics.source = map["source"].flatMap { reader.text($0, "source") }
        func entries(_ key: String) -> [(String, BilingualText, Plan.Level?)] {
            guard let node = reader.required(map, key, "categories.yaml") else { return [] }
            var result: [(String, BilingualText, Plan.Level?)] = []
            var seen: [String: SourceLocation] = [:]
            for item in reader.list(node, key) {
                guard let entry = reader.mapping(item, key) else { continue }
                reader.checkKeys(entry, known: ["id", "name", "level"])
                guard let idNode = reader.required(entry, "id", key), let id = reader.identifier(idNode, "\(key) id"),
                      let name = reader.required(entry, "name", key).flatMap({ reader.text($0, "name") }) else { continue }
                if let first = seen[id] {
                    reader.error(.duplicateId, idNode, "编号重复 (duplicate id): \(id)", hint: "first defined at \(first)")
                    continue
                }
                seen[id] = reader.location(idNode)
                // A region's level (district, town…): totals over regions of different levels say so.
                let level = key == "regions" ? entry["level"].flatMap { reader.choice($0, "level", Plan.Level.self) } : nil
                result.append((id, name, level))
            }
            return result
        }
        statistics.categories = entries("categories").map { AccidentCategory(id: $0.0, name: $0.1) }
        statistics.regions = entries("regions").map { StatisticsRegion(id: $0.0, name: $0.1, level: $0.2) }
    }

    // MARK: - accidents.csv

    /// Spaces and tabs off both ends (cheap when there are none, as in almost every cell).
    /// Digits with at most one decimal point between digits: `12`, `3.5`; not `0x10`, `1e3`, `+1`, `.5`.
    static func isDecimal(_ text: String) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (0x30...0x39).contains($0) } }
    }

    static func trimmedSpaces(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return text }
        return String(text.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }

    /// Reads the rows as a stream (CSVReader.forEach) straight into columns (AccidentRecords):
    /// a million rows are never held as strings.
    static func decodeRecords(_ file: SourceFile, statistics: AccidentStatistics, diagnostics: inout Diagnostics) -> AccidentRecords {
        let ids = DeclaredIDs(statistics)
        var records = AccidentRecords(regionIDs: ids.regionList, categoryIDs: ids.categoryList)
        var header: CSVReader.Record?
        var index = Positions()
        var headerOK = true
        // (period, region, category, severity) → the first row's line.
        var seen = RowKeyTable(capacity: file.text.utf8.count / 24)
        // The rows' problems, a hundred of each kind and then a count (a million rows with one
        // mistake were a million diagnostics and 1.3 GB).
        var limit = DiagnosticLimit()
        let failure = CSVReader.forEach(file.text) { row in
            guard let header else {
                header = row
                checkHeader(row, file: file, index: &index, ok: &headerOK, diagnostics: &diagnostics)
                return
            }
            guard headerOK else { return }
            decodeRow(row, header: header, index: index, file: file, ids: ids, seen: &seen, into: &records,
                      limit: &limit, diagnostics: &diagnostics)
        }
        limit.finish(into: &diagnostics)
        if let failure {
            diagnostics.append(.error(.csvSyntax, at: file.location(line: failure.line, column: failure.column), failure.message,
                                      hint: "a field that starts with \" ends with \"; write \"\" for a quote inside it"))
        }
        if header == nil {
            diagnostics.append(.error(.emptyFile, at: file.start, "accidents.csv 为空 (accidents.csv is empty)",
                                      hint: "the first line is the header: \(requiredColumns.joined(separator: ","))"))
        }
        checkMixedPeriods(records, file: file, diagnostics: &diagnostics)
        return records
    }

    /// The declared region and category ids, numbered in the order declared (fewer than 2²¹ each:
    /// categories.yaml is at most 20 MB), for packing a row's identity into one integer.
    struct DeclaredIDs {
        var regions: [String: UInt64] = [:]
        var categories: [String: UInt64] = [:]
        var regionList: [String]
        var categoryList: [String]

        init(_ statistics: AccidentStatistics) {
            regionList = statistics.regions.map(\.id)
            categoryList = statistics.categories.map(\.id)
            for (number, id) in regionList.enumerated() { regions[id] = UInt64(number) }
            for (number, id) in categoryList.enumerated() { categories[id] = UInt64(number) }
        }

        /// Year (14 bits), month (4), region (21), category (21), severity (4).
        func key(year: Int, month: Int?, region: UInt64, category: UInt64, severity: AccidentRecord.Severity?) -> UInt64 {
            let severityCode = severity.flatMap { AccidentRecord.Severity.allCases.firstIndex(of: $0) }.map { UInt64($0 + 1) } ?? 0
            return UInt64(year & 0x3FFF) << 50 | UInt64(month ?? 0) << 46 | region << 25 | category << 4 | severityCode
        }
    }

    /// A year given both as a total and by month (for one region and category) would be counted twice.
    static func checkMixedPeriods(_ records: AccidentRecords, file: SourceFile, diagnostics: inout Diagnostics) {
        func key(_ row: Int) -> UInt64 {
            UInt64(records.year(at: row)) << 42 | UInt64(records.regionNumber(at: row)) << 21 | UInt64(records.categoryNumber(at: row))
        }
        var annual: [UInt64: Int] = [:]
        for row in records.indices where records.month(at: row) == nil { annual[key(row)] = row }
        guard !annual.isEmpty else { return }
        var reported = Set<UInt64>()
        for row in records.indices where records.month(at: row) != nil {
            let key = key(row)
            guard let first = annual[key], reported.insert(key).inserted else { continue }
            let record = records[row]
            diagnostics.append(.error(.mixedPeriods, at: file.location(line: record.line),
                                      "同一年份既有全年合计又有月度数据 (\(record.period.year) \(record.region) \(record.category) is given both for the year and by month)",
                                      hint: "the year's total is at line \(records[first].line); keep one or the other"))
        }
    }

    /// The header: every required column once, known optional ones, nothing else.
    static func checkHeader(_ header: CSVReader.Record, file: SourceFile, index: inout Positions, ok headerOK: inout Bool,
                            diagnostics: inout Diagnostics) {
        for (position, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            let at = file.location(line: header.line, column: header.columns[position])
            if index[name] != nil {
                diagnostics.append(.error(.duplicateColumn, at: at, "列名重复 (column \(name) appears twice)"))
                headerOK = false
            } else if requiredColumns.contains(name) || optionalColumns.contains(name) {
                index[name] = position
            } else {
                let near = nearest(name, in: requiredColumns + optionalColumns)
                diagnostics.append(.error(.unknownColumn, at: at, "未知列名 (unknown column) \"\(raw)\"",
                                          hint: near.map { "did you mean \($0)?" } ?? "the columns are \(requiredColumns.joined(separator: ","))[,severity]"))
                headerOK = false
            }
        }
        for name in requiredColumns where index[name] == nil {
            diagnostics.append(.error(.missingColumn, at: file.location(line: header.line),
                                      "缺少列 (missing column) \(name)",
                                      hint: "the header is \(requiredColumns.joined(separator: ","))[,severity]"))
            headerOK = false
        }
    }

    static func decodeRow(_ row: CSVReader.Record, header: CSVReader.Record, index: Positions, file: SourceFile,
                          ids: DeclaredIDs, seen: inout RowKeyTable,
                          into records: inout AccidentRecords, limit: inout DiagnosticLimit, diagnostics: inout Diagnostics) {
        guard row.fields.count == header.fields.count else {
            limit.append(.wrongFieldCount, to: &diagnostics) {
                .error(.wrongFieldCount, at: file.location(line: row.line),
                       "字段数与表头不符 (row has \(row.fields.count) fields, the header \(header.fields.count))",
                       hint: "quote a field that contains a comma")
            }
            return
        }
        var ok = true
        func field(_ column: Column) -> (String, SourceLocation)? {
            guard let position = index[column] else { return nil }
            return (trimmedSpaces(row.fields[position]), file.location(line: row.line, column: row.columns[position]))
        }
        func fail(_ code: DiagnosticCode, _ at: SourceLocation, _ message: @autoclosure () -> String,
                  hint: @autoclosure () -> String? = nil) {
            limit.append(code, to: &diagnostics) { .error(code, at: at, message(), hint: hint()) }
            ok = false
        }
        var period = StatisticsPeriod(year: 0)
        if let (text, at) = field(.period) {
            if let parsed = StatisticsPeriod(text) { period = parsed } else {
                fail(.invalidPeriod, at, "统计期应为 YYYY 或 YYYY-MM (period must be YYYY or YYYY-MM): \"\(text)\"")
            }
        }
        let (region, regionAt) = field(.region) ?? ("", file.location(line: row.line))
        let regionNumber = ids.regions[region]
        if regionNumber == nil {
            fail(.unknownRegion, regionAt, "未知地区 (unknown region) \"\(region)\"",
                 hint: nearest(region, in: ids.regionList.sorted()).map { "did you mean \($0)?" } ?? "declare it under regions: in categories.yaml")
        }
        let (category, categoryAt) = field(.category) ?? ("", file.location(line: row.line))
        let categoryNumber = ids.categories[category]
        if categoryNumber == nil {
            fail(.unknownCategory, categoryAt, "未知事故类别 (unknown category) \"\(category)\"",
                 hint: nearest(category, in: ids.categoryList.sorted()).map { "did you mean \($0)?" } ?? "declare it under categories: in categories.yaml")
        }
        func count(_ column: Column) -> Int? {
            let name = column.rawValue
            guard let (text, at) = field(column) else { return nil }
            switch ContentNumber.count(text) {
            case .success(let value): return value
            case .failure(let failure):
                fail(ContentNumber.code(failure), at, ContentNumber.explain(failure, name, text, whole: true))
                return nil
            }
        }
        let accidentCount = count(.accidents), deathCount = count(.deaths)
        let accidents = accidentCount ?? 0, deaths = deathCount ?? 0, injuries = count(.injuries) ?? 0
        var loss = 0.0
        if let (text, at) = field(.loss), !text.isEmpty {
            // Thousands separators are allowed in the loss (1,811.8); exponents and signs are not.
            let digits = text.utf8.contains(UInt8(ascii: ",")) ? text.replacingOccurrences(of: ",", with: "") : text
            let plain = Self.isDecimal(digits.hasPrefix("-") ? String(digits.dropFirst()) : digits)
            switch plain ? ContentNumber.decimal(digits) : .failure(.notANumber) {
            case .success(let value) where value < 0:
                fail(.negativeCount, at, "loss 不能为负数 (loss cannot be negative): \(text)")
            case .success(let value):
                loss = value
                if let point = digits.utf8.firstIndex(of: UInt8(ascii: ".")) {
                    records.noteLossDecimals(digits.utf8.distance(from: point, to: digits.utf8.endIndex) - 1)
                }
            case .failure(.outOfRange):
                fail(.numberOutOfRange, at, ContentNumber.explain(.outOfRange, "loss", text, whole: false))
            case .failure:
                fail(.invalidNumber, at, "loss 应为数字（万元）(loss must be a number of 10,000 yuan): \"\(text)\"")
            }
        }
        // Only between two counts that were read: a bad count is reported once, not again as a mismatch.
        if let accidentCount, let deathCount, deathCount > 0 && accidentCount == 0, let (_, at) = field(.deaths) {
            fail(.deathsWithoutAccidents, at, "死亡人数大于0但事故起数为0 (\(deaths) deaths in a row with no accidents)",
                 hint: "every death belongs to an accident in the same row")
        }
        var severity: AccidentRecord.Severity?
        if let (text, at) = field(.severity), !text.isEmpty {
            let aliases: [String: AccidentRecord.Severity] = ["一般": .general, "较大": .major, "重大": .serious, "特别重大": .extraordinary]
            if let value = AccidentRecord.Severity(rawValue: text.lowercased()) ?? aliases[text] { severity = value } else {
                fail(.invalidValue, at, "severity 的值无效 (invalid severity) \"\(text)\"",
                     hint: "one of general, major, serious, extraordinary (一般, 较大, 重大, 特别重大)")
            }
        }
        guard ok, let regionNumber, let categoryNumber else { return }
        let key = ids.key(year: period.year, month: period.month, region: regionNumber, category: categoryNumber, severity: severity)
        if let first = seen.firstLine(for: key, storing: Int32(clamping: row.line)) {
            limit.append(.duplicateRow, to: &diagnostics) {
                .error(.duplicateRow, at: file.location(line: row.line),
                       "重复的统计行 (duplicate row for \(period), \(region), \(category))",
                       hint: "first at line \(first)")
            }
            return
        }
        records.append(period: period, region: Int(regionNumber), category: Int(categoryNumber), accidents: accidents,
                       deaths: deaths, injuries: injuries, loss: loss, severity: severity, line: row.line)
    }
}
