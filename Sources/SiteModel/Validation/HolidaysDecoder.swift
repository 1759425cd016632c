import Yams

/// Decodes `holidays.yaml`: one entry per year as the State Council announced it.
///
/// ```yaml
/// - year: 2024
///   source: 国务院办公厅关于2024年部分节假日安排的通知
///   holidays: [2024-01-01, {from: 2024-02-10, to: 2024-02-17}]   # 放假
///   workdays: [2024-02-04, 2024-02-18]                           # 调休上班
/// ```
enum HolidaysDecoder {
    static func decode(_ file: SourceFile, into diagnostics: inout Diagnostics) -> HolidayCalendar? {
        guard let root = YAMLDocument.compose(file.text, file: file.path, into: &diagnostics) else { return nil }
        var reader = YAMLReader(file: file.path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        var calendar = HolidayCalendar()
        for item in reader.list(root, "holidays.yaml") {
            guard let entry = reader.mapping(item, "year entry") else { continue }
            reader.checkKeys(entry, known: ["year", "source", "holidays", "workdays"])
            guard let yearNode = reader.required(entry, "year", "year entry"), let year = reader.int(yearNode, "year") else { continue }
            guard (1949...9999).contains(year) else {
                reader.error(.invalidValue, yearNode, "年份无效 (not a year): \(year)")
                continue
            }
            if calendar.years.contains(year) {
                reader.error(.duplicateId, yearNode, "年份重复 (the year \(year) is given twice)", hint: "one entry per year")
                continue
            }
            calendar.years.insert(year)
            for day in days(entry["holidays"], "holidays", year: year, reader: &reader) { calendar.holidays.insert(day) }
            for (day, node) in located(entry["workdays"], "workdays", year: year, reader: &reader) {
                if HolidayCalendar.weekday(day) <= 5 {
                    reader.warning(.invalidValue, node, "\(day) 是工作日，无需列为调休上班 (\(day) is a weekday: only weekend days worked are listed)")
                }
                calendar.workdays.insert(day)
            }
        }
        for day in calendar.workdays.intersection(calendar.holidays).sorted() {
            reader.error(.invalidValue, nil, "\(day) 同时列为放假和上班 (\(day) is listed both as a holiday and as a working day)")
        }
        return calendar
    }

    /// A list of days and `{from, to}` ranges.
    static func days(_ node: Node?, _ what: String, year: Int, reader: inout YAMLReader) -> [Day] {
        located(node, what, year: year, reader: &reader).map(\.0)
    }

    static func located(_ node: Node?, _ what: String, year: Int, reader: inout YAMLReader) -> [(Day, Node)] {
        guard let node else { return [] }
        var result: [(Day, Node)] = []
        for item in reader.list(node, what) {
            if case .mapping = item {
                guard let range = reader.mapping(item, "\(what) range") else { continue }
                reader.checkKeys(range, known: ["from", "to"])
                guard let from = reader.required(range, "from", "\(what) range").flatMap({ reader.day($0, "from") }),
                      let to = reader.required(range, "to", "\(what) range").flatMap({ reader.day($0, "to") }) else { continue }
                guard from <= to, to.ordinal - from.ordinal < 31 else {
                    reader.error(.invalidPeriod, item, "日期范围无效 (from \(from) to \(to) is not a holiday of at most a month)")
                    continue
                }
                for ordinal in from.ordinal...to.ordinal { result.append((Day(ordinal: ordinal), item)) }
            } else if let day = reader.day(item, what) {
                result.append((day, item))
            }
        }
        // A holiday may begin in the previous year (元旦 from 31 December), never further away.
        for (day, node) in result where abs(day.year - year) > 1 {
            reader.error(.invalidValue, node, "\(day) 不属于 \(year) 年的安排 (\(day) is not in the announcement for \(year))")
        }
        return result
    }
}
