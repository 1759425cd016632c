import Foundation

/// A responsibility list (责任清单) in a plan, wherever it stands: a table whose
/// header row names a task column (重点任务, 工作任务, 工作内容 …) and who does it
/// (牵头区领导, 牵头单位, 责任单位, 配合单位) or by when (完成时限). Sub-heading
/// rows (`一、…（小计 4 项）`) group the rows; a table without a 序号 column is
/// numbered in order. The cells' rules (names padded with spaces, units split by
/// spaces or 、, deadlines) are the same for every format.
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
        /// The table (its index in the document) the row is in.
        var table = 0
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

    /// `序号`, `序　号`, `编号`: a header cell that numbers the rows.
    static func rowNumberHeader(_ cell: String) -> Bool {
        let h = cell.filter { !$0.isWhitespace }
        return h == "序号" || h == "编号"
    }

    /// `序号	重点任务	…` — also `序　号` with the spaces of a centred cell, and a header whose
    /// cells are set apart by runs of spaces (a table copied out of a PDF) when it names two known
    /// columns; or, without a 序号, a row of short cells that names a task column and who does it
    /// (`工作内容	责任单位	完成时限`).
    static func isHeaderRow(_ raw: String) -> Bool {
        let cells = cells(raw)
        guard let first = cells.first else { return false }
        if rowNumberHeader(first) {
            if raw.contains("\t") { return true }
            return cells.dropFirst().compactMap(column(for:)).count >= 2
        }
        guard raw.contains("\t") || cells.count >= 3 else { return false }
        return isHeader(cells)
    }

    /// A table's first row that is a task list's header without a 序号 column: short cells, a task
    /// column and a column of units, leaders or deadlines.
    static func isHeader(_ cells: [String]) -> Bool {
        let filled = cells.map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
        guard filled.count >= 2, filled.allSatisfy({ $0.count <= 12 && !$0.contains("。") && !$0.contains("，") }) else { return false }
        var report = ImportReport()
        return isTaskTable(columns(cells, line: 0, report: &report))
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

    /// `合计 5 项`, `小计`, `总计`: a table's total.
    static func isTotal(_ text: String) -> Bool {
        text.contains("合计") || text.hasPrefix("小计") || text.hasPrefix("总计")
    }

    /// A cell as one string: its paragraphs apart by line feeds, lines broken inside one by U+2028.
    static func text(_ cell: ImportDocument.Cell) -> String { cell.lines.joined(separator: "\n") }

    /// Reads a task table (its first row the header); nil when it is not one (no task column, or no one doing it).
    /// A table without a 序号 column numbers its rows from `firstNumber` (after the task tables before it).
    static func read(_ table: ImportDocument.Table, firstNumber: Int = 1, report: inout ImportReport) -> AttachmentTable? {
        guard let headerRow = table.rows.first else { return nil }
        let headers = headerRow.map { text($0).replacingOccurrences(of: "\n", with: "") }
        var notes = ImportReport()
        let columns = self.columns(headers, line: table.line, report: &notes)
        guard isTaskTable(columns) else { return nil }
        for entry in notes.entries { report.note(line: entry.line, entry.message) }
        let numbered = headers.first.map(rowNumberHeader) ?? false
        if !numbered { report.note(line: table.line, "the table numbers no row: its tasks are numbered in order") }
        var result = AttachmentTable()
        var group: String?
        var previous = numbered ? 0 : firstNumber - 1
        for row in table.rows.dropFirst() {
            let cells = row.map(text)
            let filled = cells.filter { !$0.isEmpty }
            guard !filled.isEmpty else { continue }
            let line = row.first?.line ?? table.line
            let firstText = ImportText.clean(filled[0].replacingOccurrences(of: "\n", with: ""))
            let spans = filled.count == 1 || (row.count > 1 && row.dropFirst().allSatisfy { $0.isCopy && text($0) == cells[0] })
            if spans, [.chapter, .section].contains(ImportText.kind(firstText)) {
                group = subheading(firstText)
                continue
            }
            if spans, isTotal(firstText) {
                report.debris(line: line, "table total not kept: \(firstText.prefix(30))")
                continue
            }
            var number = previous + 1
            if numbered {
                if let written = rowNumber(cells[0]) {
                    number = written
                } else {
                    report.guess(line: line, "a row without a number: numbered \(number), after the row above")
                }
            }
            previous = number
            var taskRow = Row(number: number, line: line, group: group, title: "", leaders: [], responsible: [], cooperating: [],
                                 requirements: "", remarks: "")
            var extra: [String] = []
            for (index, cell) in cells.enumerated() where !cell.isEmpty {
                guard index < columns.count else {
                    report.skipped(line: line, "row \(number) has more cells than the header: \(cell.prefix(20))")
                    continue
                }
                switch columns[index] {
                case .title: taskRow.title = joinedLines(cell)
                case .leaders: taskRow.leaders = people(cell)
                case .lead: taskRow.lead = units(cell, line: line, report: &report)
                case .responsible: taskRow.responsible = units(cell, line: line, report: &report)
                case .cooperating: taskRow.cooperating = units(cell, line: line, report: &report)
                case .due: taskRow.due = joinedLines(cell)
                case .requirements: taskRow.requirements = paragraphs(cell)
                case .remarks: taskRow.remarks = joinedLines(cell)
                case .number: break
                case .none:
                    let header = headers[index].filter { !$0.isWhitespace }
                    extra.append(header.isEmpty ? joinedLines(cell) : "\(header)：\(joinedLines(cell))")
                }
            }
            if !extra.isEmpty { taskRow.remarks = ([taskRow.remarks].filter { !$0.isEmpty } + extra).joined(separator: "；") }
            result.rows.append(taskRow)
        }
        return result
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
        // `工作内容 | 责任单位 | 完成时限`: with no task column, the first column of what is to be done names the task.
        if !columns.contains(.title), let first = columns.firstIndex(of: .requirements) { columns[first] = .title }
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
