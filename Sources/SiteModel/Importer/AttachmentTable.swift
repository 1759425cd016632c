import Foundation

/// The responsibility list attached to a plan as tab-separated lines: a
/// header row (序号, 重点任务, 牵头区领导, 责任单位, 配合单位, 工作要求, 备注 — or
/// 工作任务, 牵头单位, 完成时限 …) repeated at page breaks, sub-heading rows
/// (`一、…（小计 4 项）`) that group the rows, numbered rows, and cells
/// continued on the next line.
struct AttachmentTable {
    struct Row: Equatable {
        var number: Int
        var line: Int
        /// The sub-heading above the row (`一、提高政治站位…`), without its 小计.
        var group: String?
        var title: String
        var leaders: [String]
        var lead: [String] = []
        var responsible: [String]
        var cooperating: [String]
        var requirements: String
        var remarks: String
        /// The 完成时限 cell as written (`2025年6月底前`, `全年`).
        var due = ""
    }

    var rows: [Row] = []

    enum Column: String, CaseIterable { case number, title, leaders, lead, responsible, cooperating, due, requirements, remarks }

    static func column(for header: String) -> Column? {
        let h = header.filter { !$0.isWhitespace }
        if h == "序号" || h == "编号" { return .number }
        if h.contains("领导") { return .leaders }
        if h.contains("任务") || h.contains("事项") || h.contains("项目") { return .title }
        if h.contains("牵头") || h.contains("主责") { return .lead }
        if h.contains("责任单位") || h.contains("责任部门") || h.contains("责任主体") || h.contains("承办") { return .responsible }
        if h.contains("配合") || h.contains("协同") || h.contains("协办") { return .cooperating }
        if h.contains("时限") || h.contains("时间") || h.contains("期限") || h.contains("节点") { return .due }
        if h.contains("要求") || h.contains("措施") || h.contains("内容") || h.contains("目标") { return .requirements }
        if h.contains("备注") { return .remarks }
        return nil
    }

    /// `序号	重点任务	…` — also `序　号` with the spaces of a centred cell, and a header whose
    /// cells are set apart by runs of spaces (a table copied out of a PDF) when it names two known columns.
    static func isHeaderRow(_ raw: String) -> Bool {
        guard let first = cells(raw).first, first.filter({ !$0.isWhitespace }) == "序号" || first.filter({ !$0.isWhitespace }) == "编号" else { return false }
        if raw.contains("\t") { return true }
        return cells(raw).dropFirst().compactMap(column(for:)).count >= 2
    }

    /// A raw line's cells: tab-separated (else set apart by two or more spaces), `<p>` marks
    /// turned into line breaks, full-width spaces into spaces.
    static func cells(_ raw: String) -> [String] {
        let line = raw.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\u{FEFF}", with: "")
        let pieces = line.contains("\t") ? line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            : HeaderMetadata.segments(line)
        return pieces.map {
            $0.replacingOccurrences(of: "<p>", with: "\n").replacingOccurrences(of: "</p>", with: "\n")
                .replacingOccurrences(of: "\u{3000}", with: " ")
                .trimmingCharacters(in: .whitespaces)
        }
    }

    /// Reads the table from the first header row on; nil when there is none.
    static func parse(_ lines: [(number: Int, text: String)], report: inout ImportReport) -> AttachmentTable? {
        guard let headerIndex = lines.firstIndex(where: { isHeaderRow($0.text) }) else { return nil }
        var headers = cells(lines[headerIndex].text)
        var notes = ImportReport()
        var columns = self.columns(headers, line: lines[headerIndex].number, report: &notes)
        guard isTaskTable(columns) else {
            for line in lines[headerIndex...] {
                report.skipped(line: line.number, "the attached table is not a task list (no task column): \(line.text.prefix(30))")
            }
            return nil
        }
        for entry in notes.entries { report.note(line: entry.line, entry.message) }
        // Rows as cells first: a row's cells may go on over the next lines.
        var pending: [(number: Int, line: Int, group: String?, cells: [String])] = []
        var group: String?
        let body = Array(lines[(headerIndex + 1)...])
        for (position, (number, raw)) in body.enumerated() {
            let cells = self.cells(raw)
            guard let first = cells.first, cells.contains(where: { !$0.isEmpty }) else { continue }
            if isHeaderRow(raw) {
                let next = self.cells(raw)
                // The header again at a page break: the same table goes on.
                if next.map({ $0.filter { !$0.isWhitespace } }) == headers.map({ $0.filter { !$0.isWhitespace } }) { continue }
                var notes = ImportReport()
                let nextColumns = self.columns(next, line: number, report: &notes)
                if isTaskTable(nextColumns) {
                    for entry in notes.entries { report.note(line: entry.line, entry.message) }
                    report.note(line: number, "another task table starts here: \(next.joined(separator: " / ").prefix(40))")
                    headers = next; columns = nextColumns
                    continue
                }
                // Another kind of table (a list of contacts): not tasks; nothing after it is.
                for line in body[position...] {
                    report.skipped(line: line.number, "not a task table: \(line.text.replacingOccurrences(of: "\t", with: " ").prefix(30))")
                }
                break
            }
            let firstText = ImportText.clean(cells.first { !$0.isEmpty } ?? first)
            let onlyOneCell = cells.filter { !$0.isEmpty }.count == 1
            if let n = rowNumber(first), cells.count > 1 {
                var cells = cells
                // Space-set cells lose the empty ones: a deadline in the last cell belongs in the 完成时限 column.
                if !raw.contains("\t"), cells.count < columns.count, columns.last == .due, let last = cells.last,
                   ImportDates.deadline(last, year: nil) != nil || ["全年", "长期", "持续", "年底"].contains(where: { last.contains($0) }) {
                    cells.insert(contentsOf: Array(repeating: "", count: columns.count - cells.count), at: cells.count - 1)
                }
                pending.append((n, number, group, cells))
            } else if onlyOneCell, [.chapter, .section].contains(ImportText.kind(firstText)) {
                group = subheading(firstText)
            } else if onlyOneCell, firstText.contains("合计") || firstText.hasPrefix("小计") || firstText.hasPrefix("总计") {
                report.skipped(line: number, "table total not kept: \(firstText.prefix(30))")
            } else if onlyOneCell, (firstText.hasPrefix("附件") && firstText.count <= 5)
                        || PlanImporter.isTableTitle(firstText) && body[(position + 1)...].first.map({ isHeaderRow($0.text) }) == true {
                // Between two tables: 附件2 and the next table's title.
                report.skipped(line: number, "table title not kept: \(firstText.prefix(30))")
            } else if var last = pending.popLast() {
                // A short row's empty last cells are where the break came.
                while last.cells.count < columns.count, last.cells.count > 2, last.cells.last?.isEmpty == true { last.cells.removeLast() }
                guard continues(last.cells, with: cells, columns: columns.count) else {
                    pending.append(last)
                    report.skipped(line: number, "table line not understood: \(firstText.prefix(30))")
                    continue
                }
                // A cell continued on the next line: its first piece goes on with the row's last cell, the rest are the next cells.
                if last.cells.count >= columns.count, let filled = last.cells.lastIndex(where: { !$0.isEmpty }) {
                    last.cells[filled] += String(lineBreak) + firstText
                } else {
                    let end = last.cells.count - 1
                    last.cells[end] += (last.cells[end].isEmpty ? "" : String(lineBreak)) + cells[0]
                    last.cells += cells.dropFirst()
                }
                pending.append(last)
                report.guess(line: number, "joined to row \(last.number), continued from the line above: \(firstText.prefix(20))…")
            } else {
                report.skipped(line: number, "table line not understood: \(firstText.prefix(30))")
            }
        }
        var table = AttachmentTable()
        for (n, number, group, cells) in pending {
            var row = Row(number: n, line: number, group: group, title: "", leaders: [], responsible: [], cooperating: [],
                          requirements: "", remarks: "")
            var extra: [String] = []
            for (index, cell) in cells.enumerated() where !cell.isEmpty {
                guard index < columns.count else {
                    report.skipped(line: number, "row \(n) has more cells than the header: \(cell.prefix(20))")
                    continue
                }
                switch columns[index] {
                case .title: row.title = joinedLines(cell)
                case .leaders: row.leaders = people(cell)
                case .lead: row.lead = units(cell, line: number, report: &report)
                case .responsible: row.responsible = units(cell, line: number, report: &report)
                case .cooperating: row.cooperating = units(cell, line: number, report: &report)
                case .due: row.due = joinedLines(cell)
                case .requirements: row.requirements = paragraphs(cell)
                case .remarks: row.remarks = joinedLines(cell)
                case .number: break
                case .none:
                    let header = headers[index].filter { !$0.isWhitespace }
                    extra.append(header.isEmpty ? joinedLines(cell) : "\(header)：\(joinedLines(cell))")
                }
            }
            if !extra.isEmpty { row.remarks = ([row.remarks].filter { !$0.isEmpty } + extra).joined(separator: "；") }
            table.rows.append(row)
        }
        return table
    }

    /// What each header cell holds; a second column of a kind already read (two 任务 columns)
    /// holds the requirements; a column of no known kind is kept in the remarks.
    static func columns(_ headers: [String], line: Int, report: inout ImportReport) -> [Column?] {
        var columns = headers.map(column(for:))
        var used = Set<Column>()
        for index in columns.indices {
            guard let column = columns[index] else {
                if !headers[index].isEmpty { report.note(line: line, "table column \"\(headers[index])\" is kept in the remarks") }
                continue
            }
            if !used.insert(column).inserted { columns[index] = column == .title && !used.contains(.requirements) ? .requirements : nil }
        }
        return columns
    }

    /// A responsibility list: a task (or requirements) column, and who does it.
    static func isTaskTable(_ columns: [Column?]) -> Bool {
        (columns.contains(.title) || columns.contains(.requirements))
            && columns.contains { [.lead, .responsible, .cooperating, .leaders].contains($0) }
    }

    /// Where a cell went on over the next line (U+2028, kept apart from the `<p>` paragraphs' line feeds).
    static let lineBreak: Character = "\u{2028}"

    /// `12`, `12.`, `12、` → 12.
    static func rowNumber(_ cell: String) -> Int? {
        var text = cell.filter { !$0.isWhitespace }
        while let last = text.last, [".", "、", "．"].contains(last) { text.removeLast() }
        guard !text.isEmpty, text.count <= 4, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// A line that goes on with the row above: the row is short of cells and this line fills
    /// them, or the row is complete and this line is one piece of text (no tab).
    static func continues(_ row: [String], with cells: [String], columns: Int) -> Bool {
        if row.count < columns { return row.count + cells.count - 1 <= columns }
        return cells.count == 1
    }

    /// A cell's lines as one text: `开展…隐患` / `排查整治` → `开展…隐患排查整治`.
    static func joinedLines(_ cell: String) -> String {
        cell.split(whereSeparator: { $0 == "\n" || $0 == lineBreak }).map { ImportText.clean(String($0)) }.joined()
    }

    /// `一、提高政治站位，织密风险防范责任防线（小计 4 项）` → without the 小计.
    static func subheading(_ text: String) -> String {
        for marker in ["（小计", "（共", "（计"] {
            if let range = text.range(of: marker), text.hasSuffix("）") { return String(text[..<range.lowerBound]) }
        }
        return text
    }

    /// `肖文高 姜爱锋 王 珏` → 肖文高, 姜爱锋, 王珏 (two-character names are padded with a space).
    static func people(_ cell: String) -> [String] {
        let tokens = cell.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "，" || $0 == "\n" || $0 == lineBreak }).map(String.init)
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
        let tokens = cell.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == lineBreak }).map { ImportText.clean(String($0)) }.filter { !$0.isEmpty }
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

    /// `<p>1. …</p> <p>2. …</p>` → Markdown paragraphs; a cell that went on over the next line
    /// goes on in its paragraph, unless the line before ended a sentence.
    static func paragraphs(_ cell: String) -> String {
        var out: [String] = []
        for piece in cell.replacingOccurrences(of: "<p>", with: "\n").replacingOccurrences(of: "</p>", with: "\n").split(separator: "\n") {
            var paragraph = ""
            for line in piece.split(separator: lineBreak).map({ ImportText.clean(String($0)) }) where !line.isEmpty {
                if !paragraph.isEmpty, ImportText.endsSentence(paragraph) {
                    out.append(paragraph)
                    paragraph = ""
                }
                paragraph += line
            }
            if !paragraph.isEmpty { out.append(paragraph) }
        }
        return out.joined(separator: "\n\n")
    }
}
