import Foundation

/// The responsibility list attached to a plan as tab-separated lines: a
/// header row (序号, 重点任务, 牵头区领导, 责任单位, 配合单位, 工作要求, 备注) repeated
/// at page breaks, sub-heading rows (`一、…（小计 4 项）`) that group the rows,
/// numbered rows, and cells continued on the next line.
struct AttachmentTable {
    struct Row: Equatable {
        var number: Int
        var line: Int
        /// The sub-heading above the row (`一、提高政治站位…`), without its 小计.
        var group: String?
        var title: String
        var leaders: [String]
        var responsible: [String]
        var cooperating: [String]
        var requirements: String
        var remarks: String
    }

    var rows: [Row] = []

    enum Column: String, CaseIterable { case number, title, leaders, responsible, cooperating, requirements, remarks }

    static func column(for header: String) -> Column? {
        let h = header.trimmingCharacters(in: .whitespaces)
        if h == "序号" { return .number }
        if h.contains("任务") || h.contains("事项") { return .title }
        if h.contains("领导") { return .leaders }
        if h.contains("牵头部门") || h.contains("责任单位") || h.contains("责任部门") { return .responsible }
        if h.contains("配合") { return .cooperating }
        if h.contains("要求") || h.contains("措施") { return .requirements }
        if h.contains("备注") { return .remarks }
        return nil
    }

    /// Reads the table from the first header row on; nil when there is none.
    static func parse(_ lines: [(number: Int, text: String)], report: inout ImportReport) -> AttachmentTable? {
        guard let headerIndex = lines.firstIndex(where: { $0.text.hasPrefix("序号\t") }) else { return nil }
        let headers = lines[headerIndex].text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let columns = headers.map(column(for:))
        var table = AttachmentTable()
        var group: String?
        for (number, raw) in lines[(headerIndex + 1)...] {
            let cells = raw.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "<p>", with: "\n").replacingOccurrences(of: "</p>", with: "\n")
                    .trimmingCharacters(in: .whitespaces)
            }
            guard let first = cells.first?.trimmingCharacters(in: .whitespaces), !(cells.count == 1 && first.isEmpty) else { continue }
            if first == "序号" { continue }
            if let n = Int(first), cells.count > 1 {
                var row = Row(number: n, line: number, group: group, title: "", leaders: [], responsible: [], cooperating: [],
                              requirements: "", remarks: "")
                for (index, cell) in cells.enumerated() where index < columns.count {
                    switch columns[index] {
                    case .title: row.title = ImportText.clean(cell)
                    case .leaders: row.leaders = people(cell)
                    case .responsible: row.responsible = units(cell, line: number, report: &report)
                    case .cooperating: row.cooperating = units(cell, line: number, report: &report)
                    case .requirements: row.requirements = paragraphs(cell)
                    case .remarks: row.remarks = ImportText.clean(cell)
                    case .number, .none: break
                    }
                }
                table.rows.append(row)
            } else if ImportText.kind(ImportText.clean(first)) == .chapter {
                group = subheading(ImportText.clean(first))
            } else if cells.count == 1, var last = table.rows.popLast() {
                // A cell continued on its own line: it belongs to the last column of the row above.
                last.requirements += ImportText.clean(first)
                table.rows.append(last)
                report.guess(line: number, "joined to the requirements of row \(last.number): \(first.prefix(20))…")
            } else {
                report.skipped(line: number, "table line not understood: \(first.prefix(30))")
            }
        }
        return table
    }

    /// `一、提高政治站位，织密风险防范责任防线（小计 4 项）` → without the 小计.
    static func subheading(_ text: String) -> String {
        if let range = text.range(of: "（小计") { return String(text[..<range.lowerBound]) }
        return text
    }

    /// `肖文高 姜爱锋 王 珏` → 肖文高, 姜爱锋, 王珏 (two-character names are padded with a space).
    static func people(_ cell: String) -> [String] {
        let tokens = cell.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "，" }).map(String.init)
        var names: [String] = []
        var i = 0
        while i < tokens.count {
            if tokens[i].count == 1, i + 1 < tokens.count, tokens[i + 1].count == 1 {
                names.append(tokens[i] + tokens[i + 1]); i += 2
            } else {
                names.append(tokens[i]); i += 1
            }
        }
        return names
    }

    /// `区应急局 区人力资源 保障局 各街道、镇` → 区应急局, 区人力资源保障局, 各街道、镇:
    /// a piece that does not end like a unit's name is joined to the next one.
    static func units(_ cell: String, line: Int, report: inout ImportReport) -> [String] {
        let tokens = cell.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { ImportText.clean(String($0)) }.filter { !$0.isEmpty }
        var names: [String] = []
        var pending = ""
        for token in tokens {
            pending += token
            if UnitBrackets.looksLikeUnit(pending) && UnitBrackets.unitEndings.contains(where: { pending.hasSuffix($0) }) || pending.hasSuffix("镇") {
                if pending != token { report.guess(line: line, "joined \"\(pending)\" from pieces split by spaces") }
                names.append(pending)
                pending = ""
            }
        }
        if !pending.isEmpty { names.append(pending) }
        return names.flatMap { name in name.contains("、") && !name.hasSuffix("、镇") ? UnitBrackets.split(name) : [name] }
    }

    /// `<p>1. …</p> <p>2. …</p>` → Markdown paragraphs.
    static func paragraphs(_ cell: String) -> String {
        cell.replacingOccurrences(of: "<p>", with: "\n").replacingOccurrences(of: "</p>", with: "\n").split(separator: "\n").map { ImportText.clean(String($0)) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}
