import SiteModel

/// Reads a responsibility list from its sheets: the table under a header row
/// (columns known by their words, in any order, a header over two rows too), each
/// chapter row (one cell across the table, or a 一、… line alone), each task row,
/// and merged cells (a leader or a unit merged down over several tasks is each
/// task's; a task merged down over several rows takes every row's cells). A
/// second table headed 指标编号 gives the indicators. Every cell is read or
/// listed as not read.
enum TaskSheetReader {
    static func read(_ sheets: [SheetTable], diagnostics: inout Diagnostics) -> ReadList {
        var list = ReadList()
        var found = false
        for sheet in sheets {
            var consumed = Set<CellAddress>()
            let taskHeader = self.taskHeader(sheet)
            let indicatorHeader = self.indicatorHeader(sheet, after: taskHeader?.row ?? 0)
            if let header = taskHeader {
                found = true
                let end = indicatorHeader.map { $0 - 1 } ?? sheet.lastRow
                readTasks(sheet, header: header, through: end, into: &list, consumed: &consumed, diagnostics: &diagnostics)
            }
            if let row = indicatorHeader {
                found = true
                readIndicators(sheet, header: row, into: &list, consumed: &consumed, diagnostics: &diagnostics)
            }
            for row in sheet.rowNumbers {
                for column in (sheet.cells[row] ?? [:]).keys.sorted() where !consumed.contains(CellAddress(row: row, column: column)) {
                    if let text = sheet.text(row: row, column: column) {
                        list.unread.append(Located(text, at: sheet.location(row: row, column: column)))
                    }
                }
            }
        }
        dropFalseChapters(&list)
        if !found {
            diagnostics.append(.error(.notAList, at: sheets.first?.location(row: 1, column: 1) ?? SourceLocation(file: ""),
                                      "不是责任清单 (not a responsibility list): no sheet has a header row with 序号 and 任务 (or 工作内容)",
                                      hint: "the list's header row names its columns: 序号, 重点任务, 牵头领导, 牵头单位, 责任单位, 配合单位, 完成时限, 工作要求, 备注"))
        }
        return list
    }

    /// A line across the table that no task stands under, that has no id and does not read like a
    /// chapter (一、…) is a note under the table (注：…), not a chapter: it is listed as not read.
    static func dropFalseChapters(_ list: inout ReadList) {
        let used = Set(list.rows.compactMap(\.groupAbove))
        var kept: [ReadList.Group] = []
        var newIndex: [Int: Int] = [:]
        for (index, group) in list.groups.enumerated() {
            if used.contains(index) || group.id != nil || isChapterTitle(group.zh) {
                newIndex[index] = kept.count
                kept.append(group)
            } else {
                list.unread.append(Located(group.zh, at: group.location))
            }
        }
        for index in list.rows.indices { list.rows[index].groupAbove = list.rows[index].groupAbove.flatMap { newIndex[$0] } }
        list.groups = kept
        list.unread.sort { $0.location < $1.location }
    }

    struct Header {
        var row: Int
        /// The first row of data (after a header over two rows, the second).
        var dataStart: Int
        var columns: [Int: TaskColumn]
        /// Columns the list does not know, by their header.
        var others: [Int: String]
    }

    static func headerText(_ sheet: SheetTable, _ row: Int, _ column: Int) -> String? {
        sheet.text(row: row, column: column)
    }

    /// The first row that names a number and a title column among its own cells; when some of its
    /// cells are merged across columns with names under them (责任单位 over 牵头单位 | 配合单位), the
    /// row under it names those columns and the data starts after it.
    static func taskHeader(_ sheet: SheetTable) -> Header? {
        for row in sheet.rowNumbers.prefix(40) {
            let own = (1...max(sheet.lastColumn, 1)).compactMap { column -> (Int, String)? in
                guard sheet.value(row: row, column: column) != nil, let text = headerText(sheet, row, column) else { return nil }
                return (column, text)
            }
            let kinds = Set(own.compactMap { TaskColumn.named($0.1) })
            guard kinds.contains(.number), kinds.contains(.title) else { continue }
            var names: [Int: String] = [:]
            var two = false
            for (column, text) in own {
                if let merge = sheet.merge(row: row, column: column), merge.first.row == row, merge.last.column > merge.first.column {
                    let below = (merge.first.column...merge.last.column).compactMap { c in
                        headerText(sheet, row + 1, c).flatMap { TaskColumn.named($0) != nil ? (c, $0) : nil }
                    }
                    if !below.isEmpty {
                        for (c, name) in below { names[c] = name }
                        two = true
                        continue
                    }
                }
                names[column] = text
            }
            var columns: [Int: TaskColumn] = [:]
            var others: [Int: String] = [:]
            for (column, text) in names.sorted(by: { $0.key < $1.key }) {
                guard var kind = TaskColumn.named(text) else { others[column] = text.replacingOccurrences(of: "\n", with: " "); continue }
                if columns.values.contains(kind) {
                    if kind == .title, !columns.values.contains(.requirements) { kind = .requirements }
                    else { others[column] = text.replacingOccurrences(of: "\n", with: " "); continue }
                }
                columns[column] = kind
            }
            return Header(row: row, dataStart: row + (two ? 2 : 1), columns: columns, others: others)
        }
        return nil
    }

    static func indicatorHeader(_ sheet: SheetTable, after row: Int) -> Int? {
        for candidate in sheet.rowNumbers where candidate > row {
            let kinds = (1...max(sheet.lastColumn, 1)).compactMap { headerText(sheet, candidate, $0).flatMap(IndicatorColumn.named) }
            if kinds.contains(.id), kinds.contains(.title) { return candidate }
        }
        return nil
    }

    /// 7 (a number cell), `7`, `7、` or `7.` → `7`; `2-1` stays; a chapter line is not a number.
    static func taskNumber(_ value: CellValue?) -> String? {
        guard let value else { return nil }
        var text = value.text.trimmingWhitespace
        while let last = text.last, "、.．，,".contains(last) { text.removeLast() }
        return TaskNumber.isValid(text) ? text : nil
    }

    /// `一、…`, `（一）…`, `第一部分…`: a chapter's title standing alone.
    static func isChapterTitle(_ text: String) -> Bool {
        let numerals = "一二三四五六七八九十百"
        guard let first = text.first else { return false }
        if numerals.contains(first) {
            let rest = text.drop { numerals.contains($0) }
            return rest.first.map { "、．.，".contains($0) } ?? false
        }
        if first == "（" || first == "(" {
            let rest = text.dropFirst().drop { numerals.contains($0) }
            return rest.count < text.count - 1 && (rest.first == "）" || rest.first == ")")
        }
        return text.hasPrefix("第") && text.dropFirst().first.map { numerals.contains($0) } == true
    }

    static func readTasks(_ sheet: SheetTable, header: Header, through end: Int, into list: inout ReadList,
                          consumed: inout Set<CellAddress>, diagnostics: inout Diagnostics) {
        let byKind = Dictionary(header.columns.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        guard let numberColumn = byKind[.number], let titleColumn = byKind[.title] else { return }
        list.hasGroupColumn = list.hasGroupColumn || byKind[.group] != nil
        for row in header.row..<header.dataStart {
            for column in header.columns.keys.sorted() + header.others.keys.sorted() { consumed.insert(CellAddress(row: row, column: column)) }
        }
        let tableColumns = (header.columns.keys.sorted() + header.others.keys.sorted()).sorted()
        let chinese = header.columns.filter { [.number, .title, .leaders, .lead, .responsible, .cooperating, .due, .requirements, .remarks, .tags, .milestones].contains($0.value) }.map(\.key)
        let firstColumn = tableColumns.first ?? numberColumn
        var currentGroup: Int?
        var lastTaskRow: (index: Int, merge: CellRange)?

        for row in sheet.rowNumbers where row >= header.dataStart && row <= end {
            func text(_ kind: TaskColumn) -> String? { byKind[kind].flatMap { sheet.text(row: row, column: $0) } }
            func take(_ column: Int) { consumed.insert(CellAddress(row: row, column: column)) }
            let filled = tableColumns.filter { sheet.text(row: row, column: $0) != nil }
            guard !filled.isEmpty else { continue }

            // A chapter row: one cell across the table, or a 一、… line alone in its first cells.
            let across = sheet.merge(row: row, column: firstColumn).map { $0.first.row == row && $0.last.row == row && $0.last.column - $0.first.column >= 2 } ?? false
            let numberText = sheet.text(row: row, column: numberColumn)
            let otherChinese = chinese.filter { $0 != numberColumn && $0 != titleColumn && sheet.text(row: row, column: $0) != nil
                && sheet.merge(row: row, column: $0).map { $0.first.row == row && $0.first.column <= numberColumn } != true }
            let alone = otherChinese.isEmpty && header.others.keys.allSatisfy { sheet.text(row: row, column: $0) == nil }
            var chapter: String?
            if across, let title = sheet.text(row: row, column: firstColumn), taskNumber(sheet.shown(row: row, column: firstColumn)) == nil {
                chapter = title
            } else if alone, let numberText, taskNumber(sheet.shown(row: row, column: numberColumn)) == nil, sheet.text(row: row, column: titleColumn) == nil
                        || sheet.text(row: row, column: titleColumn) == numberText,
                      isChapterTitle(numberText) || byKind[.group].flatMap({ sheet.text(row: row, column: $0) }) != nil {
                chapter = numberText
            } else if alone, numberText == nil, let title = sheet.text(row: row, column: titleColumn), isChapterTitle(title) {
                chapter = title
            }
            // A line alone in the first cell that is neither a number nor a chapter (注：…): not a task.
            if chapter == nil, alone, let numberText, sheet.text(row: row, column: titleColumn) == nil,
               taskNumber(sheet.shown(row: row, column: numberColumn)) == nil, filled == [numberColumn] {
                list.unread.append(Located(numberText, at: sheet.location(row: row, column: numberColumn)))
                take(numberColumn)
                continue
            }
            if let chapter {
                var group = ReadList.Group(zh: chapter, en: text(.titleEN), location: sheet.location(row: row, column: firstColumn))
                if let column = byKind[.group], let id = sheet.text(row: row, column: column) {
                    group.id = Located(id, at: sheet.location(row: row, column: column))
                }
                for column in filled { take(column) }
                if let merge = sheet.merge(row: row, column: firstColumn) {
                    for column in merge.first.column...merge.last.column { take(column) }
                }
                list.groups.append(group)
                currentGroup = list.groups.count - 1
                lastTaskRow = nil
                continue
            }

            // A row of a task merged down over several rows: its cells go on the task above.
            if let merge = sheet.merge(row: row, column: numberColumn), merge.first.row < row,
               let last = lastTaskRow, last.merge == merge {
                var task = list.rows[last.index]
                for column in filled where sheet.merge(row: row, column: column).map({ $0.first.row < row }) != true {
                    take(column)
                    add(sheet, row: row, column: column, kind: header.columns[column], other: header.others[column], to: &task,
                        diagnostics: &diagnostics)
                }
                for column in filled { take(column) }
                list.rows[last.index] = task
                continue
            }

            let numberLocation = sheet.location(row: row, column: numberColumn)
            guard let number = taskNumber(sheet.shown(row: row, column: numberColumn)) else {
                if let numberText {
                    diagnostics.append(.error(.invalidTaskNumber, at: numberLocation, "序号无效 (invalid task number): \(numberText)",
                                              hint: "a number such as 7, or letters, digits, . and - such as 2-1"))
                } else {
                    diagnostics.append(.error(.missingValue, at: numberLocation, "此行没有序号 (a task row without its number, 序号)",
                                              hint: "give every task its number; gen-site does not number tasks itself"))
                }
                for column in filled { take(column) }
                continue
            }
            var task = ReadList.Row(number: Located(number, at: numberLocation), location: sheet.location(row: row, column: titleColumn))
            task.groupAbove = currentGroup
            for column in tableColumns {
                guard sheet.shown(row: row, column: column) != nil else { continue }
                take(column)
                add(sheet, row: row, column: column, kind: header.columns[column], other: header.others[column], to: &task,
                    diagnostics: &diagnostics)
            }
            list.rows.append(task)
            if let merge = sheet.merge(row: row, column: numberColumn), merge.last.row > row {
                lastTaskRow = (list.rows.count - 1, merge)
            } else {
                lastTaskRow = nil
            }
        }
    }

    /// Reads one cell into the task.
    static func add(_ sheet: SheetTable, row: Int, column: Int, kind: TaskColumn?, other: String?, to task: inout ReadList.Row,
                    diagnostics: inout Diagnostics) {
        guard let value = sheet.shown(row: row, column: column) else { return }
        let text = value.text.trimmingWhitespace
        guard !text.isEmpty else { return }
        let location = sheet.location(row: row, column: column)
        func joined(_ old: String?, _ new: String) -> String { old.map { $0 + "\n" + new } ?? new }
        guard let kind else {
            if let other { task.remarksZH.append("\(other)：\(text)") }
            return
        }
        switch kind {
        case .number: break
        case .title: task.titleZH = joined(task.titleZH, text)
        case .titleEN: task.titleEN = joined(task.titleEN, text)
        case .leaders:
            let names = CellLists.names(text)
            task.leaders += names.map { BilingualText(zh: $0) }
        case .leadersEN:
            let names = CellLists.englishNames(text)
            guard names.count == task.leaders.count else {
                diagnostics.append(.error(.leadersMismatch, at: location,
                                          "英文姓名与中文姓名数目不同 (\(names.count) English name(s) for \(task.leaders.count) leader(s))",
                                          hint: "one English name per leader, in the same order, apart by ;"))
                return
            }
            for (index, name) in names.enumerated() where !name.isEmpty { task.leaders[index].en = name }
        case .lead, .responsible, .cooperating:
            let role: UnitRole = kind == .lead ? .lead : kind == .responsible ? .responsible : .cooperating
            task.units[role, default: []].append(Located(text, at: location))
        case .due: task.due = Located(value, at: location)
        case .requirements: task.requirementsZH = joined(task.requirementsZH, text)
        case .requirementsEN: task.requirementsEN = joined(task.requirementsEN, text)
        case .remarks: task.remarksZH.append(text)
        case .remarksEN: task.remarksEN = joined(task.remarksEN, text)
        case .tags: task.tags += CellLists.names(text)
        case .milestones, .milestonesEN:
            guard let lines = CellLists.milestones(text) else {
                diagnostics.append(.error(.invalidDate, at: location, "节点安排的每一行以日期开头 (each milestone line starts with its date, YYYY-MM-DD)",
                                          hint: "for example: 2025-06-30 完成排查"))
                return
            }
            if kind == .milestones {
                task.milestones += lines.map { Milestone(date: $0.day, what: BilingualText(zh: $0.what)) }
            } else {
                guard lines.count == task.milestones.count, zip(lines, task.milestones).allSatisfy({ $0.day == $1.date }) else {
                    diagnostics.append(.error(.milestonesMismatch, at: location,
                                              "英文节点与中文节点不对应 (the English milestones do not match the Chinese ones, line by line and date by date)"))
                    return
                }
                for (index, line) in lines.enumerated() { task.milestones[index].what.en = line.what }
            }
        case .group: task.groupCell = Located(text, at: location)
        }
    }

    static func readIndicators(_ sheet: SheetTable, header: Int, into list: inout ReadList, consumed: inout Set<CellAddress>,
                               diagnostics: inout Diagnostics) {
        var columns: [IndicatorColumn: Int] = [:]
        for column in 1...max(sheet.lastColumn, 1) {
            if let kind = headerText(sheet, header, column).flatMap(IndicatorColumn.named), columns[kind] == nil {
                columns[kind] = column
                consumed.insert(CellAddress(row: header, column: column))
            }
        }
        guard let idColumn = columns[.id], let titleColumn = columns[.title] else { return }
        for row in sheet.rowNumbers where row > header {
            let filled = columns.values.filter { sheet.text(row: row, column: $0) != nil }
            guard !filled.isEmpty else { continue }
            for column in filled { consumed.insert(CellAddress(row: row, column: column)) }
            let location = sheet.location(row: row, column: idColumn)
            guard let id = sheet.text(row: row, column: idColumn) else {
                diagnostics.append(.error(.missingValue, at: location, "指标没有编号 (an indicator without its id)",
                                          hint: "lowercase ASCII letters, digits and hyphens, e.g. helmet-rate"))
                continue
            }
            let title = BilingualText(zh: sheet.text(row: row, column: titleColumn), en: columns[.titleEN].flatMap { sheet.text(row: row, column: $0) })
            var indicator = Indicator(id: id, title: title)
            indicator.unit = columns[.unit].flatMap { sheet.text(row: row, column: $0) }
            for kind in [IndicatorColumn.baseline, .target] {
                guard let column = columns[kind], let value = sheet.shown(row: row, column: column), !value.text.trimmingWhitespace.isEmpty else { continue }
                let number: Double?
                switch value {
                case .number(let n, _): number = n
                case .text(let t): number = Double(t.trimmingWhitespace).flatMap { $0.isFinite ? $0 : nil }
                default: number = nil
                }
                guard let number else {
                    diagnostics.append(.error(.invalidNumber, at: sheet.location(row: row, column: column),
                                              "不是数字 (not a number): \"\(value.text)\""))
                    continue
                }
                if kind == .baseline { indicator.baseline = number } else { indicator.target = number }
            }
            if let column = columns[.direction], let text = sheet.text(row: row, column: column) {
                let word = text.lowercased()
                if let direction = Indicator.Direction(rawValue: word) ?? (word == "上升" || word == "提高" ? .up : word == "下降" || word == "降低" ? .down : nil) {
                    indicator.direction = direction
                } else {
                    diagnostics.append(.error(.invalidValue, at: sheet.location(row: row, column: column),
                                              "方向应为 up 或 down (direction is up or down): \"\(text)\""))
                }
            }
            list.indicators.append(ReadList.IndicatorRow(indicator: indicator, location: location))
        }
    }
}
