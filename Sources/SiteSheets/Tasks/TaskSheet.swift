import Foundation
import SiteModel

/// A plan's responsibility list as a sheet, the way offices keep it — 序号,
/// 重点任务, 牵头领导, 牵头单位, 责任单位, 配合单位, 完成时限, 工作要求, 备注,
/// each chapter a row of its own across the table — and, to the right, what the
/// site needs besides: the chapter ids and the English. Indicators on a sheet of
/// their own. Read back by `TaskSheetReader`, it gives the same tasks.yaml.
public struct TaskSheet: Sendable {
    public var plan: Plan
    public var directory: UnitDirectory

    public init(plan: Plan, directory: UnitDirectory) {
        self.plan = plan
        self.directory = directory
    }

    /// 章节编号 `-`: a task in no chapter, standing after one.
    static let noGroup = "-"

    public var title: String { "\(plan.title.zh ?? plan.title.en ?? plan.id.rawValue) 责任清单" }

    public var worksheets: [Worksheet] {
        var sheets = [tasksSheet]
        if !plan.indicators.isEmpty { sheets.append(indicatorsSheet) }
        return sheets
    }

    /// The CSV: the tasks, then, after an empty row, the indicators.
    public var csvSheet: Worksheet {
        var sheet = tasksSheet
        if !plan.indicators.isEmpty {
            sheet.append([])
            for row in indicatorsSheet.rows { sheet.append(row) }
        }
        return sheet
    }

    var tasksSheet: Worksheet {
        var sheet = Worksheet(name: TaskSheetNames.tasks)
        for column in TaskColumn.allCases { sheet.columns[column.rawValue] = ColumnFormat(width: column.width) }
        let lastChinese = TaskColumn.milestones.rawValue
        let names = UnitNames(directory: directory)
        sheet.append([.text(title, .title)])
        sheet.merges.append(CellRange(CellAddress(row: 1, column: 1), CellAddress(row: 1, column: lastChinese)))
        sheet.rowHeights[1] = 24
        sheet.append(TaskColumn.allCases.map { .text($0.header, .header) })
        sheet.rowHeights[2] = RowHeight.fitting(TaskColumn.allCases.map { ($0.header, $0.width) })
        sheet.headerRows = 2
        sheet.printColumns = 1...lastChinese

        var current: GroupID?
        var written = Set<GroupID>()
        func groupRow(_ group: TaskGroup) {
            var cells = [SheetCell](repeating: .empty(.group), count: TaskColumn.allCases.count)
            cells[0] = .text(group.title.zh ?? "", .group)
            cells[TaskColumn.group.rawValue - 1] = .text(group.id.rawValue, .group)
            cells[TaskColumn.titleEN.rawValue - 1] = .text(group.title.en ?? "", .group)
            sheet.append(cells)
            let row = sheet.rows.count
            sheet.merges.append(CellRange(CellAddress(row: row, column: 1), CellAddress(row: row, column: lastChinese)))
            sheet.rowHeights[row] = RowHeight.fitting([(group.title.zh ?? "", 150)])
            written.insert(group.id)
        }
        for task in plan.tasks {
            if let id = task.group, id != current, let group = plan.group(id) {
                groupRow(group)
                current = id
            }
            var cells = [SheetCell](repeating: .empty(.text), count: TaskColumn.allCases.count)
            func set(_ column: TaskColumn, _ cell: SheetCell) { cells[column.rawValue - 1] = cell }
            set(.number, Int(task.number.rawValue).map { SheetCell(.number(Double($0)), .number) } ?? .text(task.number.rawValue, .number))
            set(.title, .text(task.title.zh ?? "", .text))
            set(.leaders, .text(task.leaders.compactMap(\.zh).joined(separator: "、"), .text))
            set(.lead, .text(task.lead.map(names.written).joined(separator: "、"), .text))
            set(.responsible, .text(task.responsible.map(names.written).joined(separator: "、"), .text))
            set(.cooperating, .text(task.cooperating.map(names.written).joined(separator: "、"), .text))
            set(.due, SheetCell(task.due.map { .date($0) } ?? .empty, .date))
            set(.requirements, .text(task.requirements?.zh ?? "", .text))
            set(.remarks, .text(task.remarks?.zh ?? "", .text))
            set(.tags, .text(task.tags.joined(separator: "、"), .text))
            set(.milestones, .text(task.milestones.map { "\($0.date) \($0.what.zh ?? "")".trimmingWhitespace }.joined(separator: "\n"), .text))
            set(.group, .text(task.group?.rawValue ?? (current == nil ? "" : Self.noGroup), .text))
            set(.titleEN, .text(task.title.en ?? "", .text))
            // Names in the Chinese column's order, an empty one where a leader has no English name.
            set(.leadersEN, .text(task.leaders.contains { $0.en != nil } ? task.leaders.map { $0.en ?? "" }.joined(separator: "; ") : "", .text))
            set(.requirementsEN, .text(task.requirements?.en ?? "", .text))
            set(.remarksEN, .text(task.remarks?.en ?? "", .text))
            set(.milestonesEN, .text(task.milestones.contains { $0.what.en != nil }
                ? task.milestones.map { "\($0.date) \($0.what.en ?? "")".trimmingWhitespace }.joined(separator: "\n") : "", .text))
            sheet.append(cells)
            sheet.rowHeights[sheet.rows.count] = RowHeight.fitting(TaskColumn.allCases.map { column in
                (cells[column.rawValue - 1].textValue, column.width)
            })
        }
        // Chapters no task stands under, so that none is lost.
        for group in plan.groups where !written.contains(group.id) { groupRow(group) }
        sheet.activeCell = CellAddress(row: 3, column: 1)
        return sheet
    }

    var indicatorsSheet: Worksheet {
        var sheet = Worksheet(name: TaskSheetNames.indicators)
        for column in IndicatorColumn.allCases { sheet.columns[column.rawValue] = ColumnFormat(width: column.width) }
        sheet.append(IndicatorColumn.allCases.map { .text($0.header, .header) })
        sheet.rowHeights[1] = RowHeight.fitting(IndicatorColumn.allCases.map { ($0.header, $0.width) })
        sheet.headerRows = 1
        for indicator in plan.indicators {
            func number(_ value: Double?) -> SheetCell { SheetCell(value.map { .number($0) } ?? .empty, .number) }
            sheet.append([
                .text(indicator.id, .text), .text(indicator.title.zh ?? "", .text), .text(indicator.title.en ?? "", .text),
                .text(indicator.unit ?? "", .text), number(indicator.baseline), number(indicator.target),
                .text(indicator.direction.rawValue, .text),
            ])
            sheet.rowHeights[sheet.rows.count] = RowHeight.fitting([(indicator.title.zh ?? "", 40), (indicator.title.en ?? "", 40)])
        }
        return sheet
    }
}

extension SheetCell {
    var textValue: String {
        if case .text(let text) = value { return text }
        return ""
    }
}

/// Responsibility lists as files: .xlsx (the list, and the indicators on a sheet of their own) or .csv.
public enum TaskSheetExport {
    public static func data(_ sheet: TaskSheet, csv: Bool) throws(XLSXWriter.Failure) -> Data {
        if csv { return CSVTable.write(sheet.csvSheet) }
        return try XLSXWriter.data(sheet.worksheets, title: sheet.title)
    }
}
