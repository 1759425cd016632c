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

    static func decode(csv: SourceFile?, categories: SourceFile?, into diagnostics: inout Diagnostics) -> AccidentStatistics? {
        guard csv != nil || categories != nil else { return nil }
        var statistics = AccidentStatistics()
        if let categories {
            decodeCategories(categories, into: &statistics, diagnostics: &diagnostics)
        } else if let csv {
            diagnostics.append(.error("missing-file", at: csv.start,
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
        func entries(_ key: String) -> [(String, BilingualText)] {
            guard let node = reader.required(map, key, "categories.yaml") else { return [] }
            var result: [(String, BilingualText)] = []
            var seen: [String: SourceLocation] = [:]
            for item in reader.list(node, key) {
                guard let entry = reader.mapping(item, key) else { continue }
                reader.checkKeys(entry, known: ["id", "name"])
                guard let idNode = reader.required(entry, "id", key), let id = reader.identifier(idNode, "\(key) id"),
                      let name = reader.required(entry, "name", key).flatMap({ reader.text($0, "name") }) else { continue }
                if let first = seen[id] {
                    reader.error("duplicate-id", idNode, "编号重复 (duplicate id): \(id)", hint: "first defined at \(first)")
                    continue
                }
                seen[id] = reader.location(idNode)
                result.append((id, name))
            }
            return result
        }
        statistics.categories = entries("categories").map { AccidentCategory(id: $0.0, name: $0.1) }
        statistics.regions = entries("regions").map { StatisticsRegion(id: $0.0, name: $0.1) }
    }

    // MARK: - accidents.csv

    struct RowKey: Hashable {
        var period: StatisticsPeriod
        var region: String
        var category: String
        var severity: AccidentRecord.Severity?
    }

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

    static func decodeRecords(_ file: SourceFile, statistics: AccidentStatistics, diagnostics: inout Diagnostics) -> [AccidentRecord] {
        let (rows, failure) = CSVReader.parse(file.text)
        if let failure {
            diagnostics.append(.error("csv-syntax", at: file.location(line: failure.line, column: failure.column), failure.message,
                                      hint: "a field that starts with \" ends with \"; write \"\" for a quote inside it"))
        }
        guard let header = rows.first else {
            diagnostics.append(.error("empty-file", at: file.start, "accidents.csv 为空 (accidents.csv is empty)",
                                      hint: "the first line is the header: \(requiredColumns.joined(separator: ","))"))
            return []
        }
        // The header: every required column once, known optional ones, nothing else.
        var index: [String: Int] = [:]
        var headerOK = true
        for (position, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            let at = file.location(line: header.line, column: header.columns[position])
            if index[name] != nil {
                diagnostics.append(.error("duplicate-column", at: at, "列名重复 (column \(name) appears twice)"))
                headerOK = false
            } else if requiredColumns.contains(name) || optionalColumns.contains(name) {
                index[name] = position
            } else {
                let near = nearest(name, in: requiredColumns + optionalColumns)
                diagnostics.append(.error("unknown-column", at: at, "未知列名 (unknown column) \"\(raw)\"",
                                          hint: near.map { "did you mean \($0)?" } ?? "the columns are \(requiredColumns.joined(separator: ","))[,severity]"))
                headerOK = false
            }
        }
        for name in requiredColumns where index[name] == nil {
            diagnostics.append(.error("missing-column", at: file.location(line: header.line),
                                      "缺少列 (missing column) \(name)",
                                      hint: "the header is \(requiredColumns.joined(separator: ","))[,severity]"))
            headerOK = false
        }
        guard headerOK else { return [] }

        let categoryIDs = Set(statistics.categories.map(\.id)), regionIDs = Set(statistics.regions.map(\.id))
        var records: [AccidentRecord] = []
        var seen: [RowKey: Int] = [:]
        seen.reserveCapacity(rows.count)
        for row in rows.dropFirst() {
            guard row.fields.count == header.fields.count else {
                diagnostics.append(.error("wrong-field-count", at: file.location(line: row.line),
                                          "字段数与表头不符 (row has \(row.fields.count) fields, the header \(header.fields.count))",
                                          hint: "quote a field that contains a comma"))
                continue
            }
            var ok = true
            func field(_ name: String) -> (String, SourceLocation)? {
                guard let position = index[name] else { return nil }
                return (trimmedSpaces(row.fields[position]), file.location(line: row.line, column: row.columns[position]))
            }
            func fail(_ code: String, _ at: SourceLocation, _ message: String, hint: String? = nil) {
                diagnostics.append(.error(code, at: at, message, hint: hint))
                ok = false
            }
            var period = StatisticsPeriod(year: 0)
            if let (text, at) = field("period") {
                if let parsed = StatisticsPeriod(text) { period = parsed } else {
                    fail("invalid-period", at, "统计期应为 YYYY 或 YYYY-MM (period must be YYYY or YYYY-MM): \"\(text)\"")
                }
            }
            let (region, regionAt) = field("region") ?? ("", file.location(line: row.line))
            if !regionIDs.contains(region) {
                fail("unknown-region", regionAt, "未知地区 (unknown region) \"\(region)\"",
                     hint: nearest(region, in: regionIDs.sorted()).map { "did you mean \($0)?" } ?? "declare it under regions: in categories.yaml")
            }
            let (category, categoryAt) = field("category") ?? ("", file.location(line: row.line))
            if !categoryIDs.contains(category) {
                fail("unknown-category", categoryAt, "未知事故类别 (unknown category) \"\(category)\"",
                     hint: nearest(category, in: categoryIDs.sorted()).map { "did you mean \($0)?" } ?? "declare it under categories: in categories.yaml")
            }
            func count(_ name: String) -> Int {
                guard let (text, at) = field(name) else { return 0 }
                // Digits only: Swift's Int("+1") and the hexadecimal and exponent forms Double reads are not counts.
                guard text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(text) else {
                    if let number = Double(text), number < 0 || number != number.rounded() {
                        fail(number < 0 ? "negative-count" : "invalid-number", at,
                             number < 0 ? "\(name) 不能为负数 (\(name) cannot be negative): \(text)"
                                        : "\(name) 应为整数 (\(name) must be a whole number): \(text)")
                    } else {
                        fail("invalid-number", at, "\(name) 应为非负整数 (\(name) must be a whole number): \"\(text)\"")
                    }
                    return 0
                }
                if value < 0 {
                    fail("negative-count", at, "\(name) 不能为负数 (\(name) cannot be negative): \(text)")
                    return 0
                }
                return value
            }
            let accidents = count("accidents"), deaths = count("deaths"), injuries = count("injuries")
            var loss = 0.0
            if let (text, at) = field("loss"), !text.isEmpty {
                let digits = text.utf8.contains(UInt8(ascii: ",")) ? text.replacingOccurrences(of: ",", with: "") : text
                if Self.isDecimal(digits.hasPrefix("-") ? String(digits.dropFirst()) : digits), let value = Double(digits), value.isFinite {
                    if value < 0 { fail("negative-count", at, "loss 不能为负数 (loss cannot be negative): \(text)") } else { loss = value }
                } else {
                    fail("invalid-number", at, "loss 应为数字（万元）(loss must be a number of 10,000 yuan): \"\(text)\"")
                }
            }
            if deaths > 0 && accidents == 0, let (_, at) = field("deaths") {
                fail("deaths-without-accidents", at, "死亡人数大于0但事故起数为0 (\(deaths) deaths in a row with no accidents)",
                     hint: "every death belongs to an accident in the same row")
            }
            var severity: AccidentRecord.Severity?
            if let (text, at) = field("severity"), !text.isEmpty {
                let aliases: [String: AccidentRecord.Severity] = ["一般": .general, "较大": .major, "重大": .serious, "特别重大": .extraordinary]
                if let value = AccidentRecord.Severity(rawValue: text.lowercased()) ?? aliases[text] { severity = value } else {
                    fail("invalid-value", at, "severity 的值无效 (invalid severity) \"\(text)\"",
                         hint: "one of general, major, serious, extraordinary (一般, 较大, 重大, 特别重大)")
                }
            }
            guard ok else { continue }
            let key = RowKey(period: period, region: region, category: category, severity: severity)
            if let first = seen[key] {
                diagnostics.append(.error("duplicate-row", at: file.location(line: row.line),
                                          "重复的统计行 (duplicate row for \(period), \(region), \(category))",
                                          hint: "first at line \(first)"))
                continue
            }
            seen[key] = row.line
            records.append(AccidentRecord(period: period, region: region, category: category, accidents: accidents,
                                          deaths: deaths, injuries: injuries, loss: loss, severity: severity, line: row.line))
        }
        // A year given both as a total and by month (for one region and category) would be counted twice.
        var annual: [String: Int] = [:]
        for record in records where record.period.month == nil {
            annual["\(record.period.year)|\(record.region)|\(record.category)"] = record.line
        }
        var reported = Set<String>()
        for record in records where record.period.month != nil {
            let key = "\(record.period.year)|\(record.region)|\(record.category)"
            if let line = annual[key], reported.insert(key).inserted {
                diagnostics.append(.error("mixed-periods", at: file.location(line: record.line),
                                          "同一年份既有全年合计又有月度数据 (\(record.period.year) \(record.region) \(record.category) is given both for the year and by month)",
                                          hint: "the year's total is at line \(line); keep one or the other"))
            }
        }
        return records
    }
}
