import SiteModel

/// A unit's monthly progress form for one plan: one row per task the unit leads,
/// is responsible for or cooperates on (every task when no unit is given), with
/// the task's number, title, due date and last reported status, percent and
/// note; the status, percent and note of this period to fill in (unlocked, the
/// status from a drop-down of the Chinese words); a hidden key column that
/// names plan and task, so rows can be reordered; and a sheet of instructions in
/// both languages.
public struct ProgressForm: Sendable {
    public var plan: Plan
    public var unit: Unit?
    public var period: ReportPeriod
    /// Who the form goes back to (the plan's issuer), for the instructions.
    public var issuer: BilingualText?

    public init(plan: Plan, unit: Unit?, period: ReportPeriod, issuer: BilingualText? = nil) {
        self.plan = plan
        self.unit = unit
        self.period = period
        self.issuer = issuer
    }

    public struct Row: Sendable {
        public var task: PlanTask
        /// The unit's part in the task (its first, when it has several); nil on a form for every task.
        public var role: UnitRole?
        public var last: TaskUpdate?
    }

    /// The tasks on the form, in the plan's order.
    public var rows: [Row] {
        let last = Self.lastReported(plan, before: period)
        return plan.tasks.compactMap { task in
            guard let unit else { return Row(task: task, role: nil, last: last[task.number]) }
            let role = UnitRole.allCases.sorted().first { role in task.units(role).contains { $0.id == unit.id } }
            return role.map { Row(task: task, role: $0, last: last[task.number]) }
        }
    }

    /// Each task's latest line in the reports of the periods before `period`.
    public static func lastReported(_ plan: Plan, before period: ReportPeriod) -> [TaskNumber: TaskUpdate] {
        var last: [TaskNumber: TaskUpdate] = [:]
        for report in plan.reports.sorted(by: { $0.period < $1.period }) {
            guard let reported = ReportPeriod(report.period), reported < period else { continue }
            for update in report.updates { last[update.task] = update }
        }
        return last
    }

    typealias Column = ProgressFormLayout.Column
    typealias Meta = ProgressFormLayout.Meta

    /// The header row's number: after the title and the four lines of plan, unit, period and date.
    static let headerRow = 6

    public var worksheets: [Worksheet] { [formSheet, instructionsSheet] }

    var title: String {
        "\(plan.title.zh ?? plan.title.en ?? plan.id.rawValue) · \(period.chinese)工作进展填报表"
    }

    var unitName: String {
        guard let unit else { return "（全部任务 all tasks）" }
        let name = unit.name.zh ?? unit.name.en ?? unit.id.rawValue
        if let short = unit.short?.zh, short != name { return "\(name)（\(short)）" }
        return name
    }

    var formSheet: Worksheet {
        var sheet = Worksheet(name: ProgressFormLayout.formSheet)
        let last = Column.allCases.count
        for column in Column.allCases {
            sheet.columns[column.rawValue] = ColumnFormat(width: column.width, isHidden: column == .key)
        }
        func metaRow(_ meta: Meta, _ value: SheetCell, _ aside: String) {
            // Label in B:C, value in D:F, what it means in G to the end.
            sheet.append([.empty(), .text("\(meta.label) \(meta.english)", .label), .empty(), value, .empty(value.style), .empty(value.style),
                          .text(aside, .plain)])
            let row = sheet.rows.count
            sheet.merges += [CellRange(CellAddress(row: row, column: 2), CellAddress(row: row, column: 3)),
                             CellRange(CellAddress(row: row, column: 4), CellAddress(row: row, column: 6)),
                             CellRange(CellAddress(row: row, column: 7), CellAddress(row: row, column: last))]
        }
        sheet.append([.empty(), .text(title, .title)])
        sheet.merges.append(CellRange(CellAddress(row: 1, column: 2), CellAddress(row: 1, column: last)))
        sheet.rowHeights[1] = 24
        metaRow(.plan, .text(plan.id.rawValue, .label), plan.title.zh ?? "")
        metaRow(.unit, .text(unit?.id.rawValue ?? ProgressFormLayout.everyTask, .label), unitName)
        metaRow(.period, .text(period.description, .label), "\(period.chinese) · \(period.english)")
        metaRow(.asOf, SheetCell(period.lastDay.map { .date($0) } ?? .empty, .inputDate),
                "填写数据截至的日期，写成 YYYY-MM-DD · the date the figures are as of")
        sheet.append(Column.allCases.map { .text($0.header, .header) })
        sheet.rowHeights[Self.headerRow] = RowHeight.fitting(Column.allCases.filter { $0 != .key }.map { ($0.header, $0.width) })
        sheet.headerRows = Self.headerRow
        sheet.isProtected = true

        let rows = rows
        for row in rows {
            let task = row.task
            let title = task.title.zh ?? task.title.en ?? ""
            let number: SheetCell = Int(task.number.rawValue).map { SheetCell(.number(Double($0)), .number) }
                ?? .text(task.number.rawValue, .number)
            let lastNote = row.last?.note.flatMap { $0.zh ?? $0.en } ?? ""
            sheet.append([
                .text(ProgressFormLayout.key(plan: plan.id.rawValue, task: task.number.rawValue), .key),
                number,
                .text(title, .text),
                .text(row.role.map { ProgressFormLayout.roleWord($0.rawValue) } ?? "", .text),
                SheetCell(task.due.map { .date($0) } ?? .empty, .date),
                .text(row.last.map { StatusWords.chinese($0.status) } ?? "", .text),
                SheetCell(row.last?.percent.map { .number(Double($0)) } ?? .empty, .number),
                .text(lastNote, .text),
                .empty(.inputText),
                .empty(.inputNumber),
                .empty(.inputText),
            ])
            sheet.rowHeights[sheet.rows.count] = RowHeight.fitting([(title, Column.title.width), (lastNote, Column.lastNote.width)])
        }
        let first = Self.headerRow + 1
        let end = max(first, Self.headerRow + rows.count)
        func range(_ column: Column) -> CellRange {
            CellRange(CellAddress(row: first, column: column.rawValue), CellAddress(row: end, column: column.rawValue))
        }
        sheet.validations = [
            DataValidation(.list(StatusWords.all.map(\.1)), range: range(.status),
                           promptTitle: "本期状态 Status", prompt: "从列表中选择：\(StatusWords.list)",
                           errorTitle: "状态无效", error: "请从列表中选择：\(StatusWords.list)"),
            DataValidation(.whole(0...100), range: range(.percent),
                           promptTitle: "完成百分比 Percent", prompt: "0–100 的整数 (a whole number from 0 to 100)",
                           errorTitle: "百分比无效", error: "请填写 0–100 的整数 (a whole number from 0 to 100)"),
        ]
        if let firstDay = period.firstDay {
            let cell = CellAddress(row: 5, column: 4)
            sheet.validations.append(DataValidation(.date(onOrAfter: firstDay), range: CellRange(cell, cell),
                                                    promptTitle: "截至日期 As of", prompt: "YYYY-MM-DD，不早于 \(firstDay)",
                                                    errorTitle: "日期无效", error: "请填写 \(firstDay) 或以后的日期，写成 YYYY-MM-DD"))
        }
        sheet.activeCell = rows.isEmpty ? CellAddress(row: 5, column: 4) : CellAddress(row: first, column: Column.status.rawValue)
        return sheet
    }

    var instructionsSheet: Worksheet {
        var sheet = Worksheet(name: ProgressFormLayout.instructionsSheet)
        sheet.columns[1] = ColumnFormat(width: 100)
        let to = issuer?.zh.map { "（\($0)）" } ?? ""
        let paragraphs: [(String, String)] = [
            ("本表由 gen-site 根据《\(plan.title.zh ?? plan.id.rawValue)》生成，用于填报\(period.chinese)的工作进展。",
             "This form was made by gen-site from the plan \(plan.title.en ?? plan.id.rawValue), to report progress for \(period.english)."),
            ("只填写黄色单元格：每项任务的“本期状态”“完成百分比”“进展情况”，以及表头的“截至日期”。其他单元格受保护，不能修改。",
             "Fill in only the yellow cells: each task's status, percent done and progress note, and the date at the top. The other cells are protected."),
            ("本期状态从下拉列表中选择：\(StatusWords.list)。",
             "Status: choose from the list: 未启动 (not started), 推进中 (in progress), 滞后 (delayed), 已完成 (done)."),
            ("完成百分比填写 0–100 的整数，不写百分号；已完成的任务填 100。",
             "Percent done: a whole number from 0 to 100, without the % sign; 100 for a task that is done."),
            ("进展情况写本期做了什么、遇到什么问题，可以换行。",
             "Progress note: what was done this period and what problems came up; line breaks are fine."),
            ("本期没有进展的任务可以整行留空：留空的任务不写入本期报告，网站上仍显示上期状态。",
             "A task with nothing to report may be left blank: it is not in this period's report and the site keeps showing its last status."),
            ("截至日期写成 YYYY-MM-DD，例如 \(period.lastDay?.description ?? "2025-06-30")。",
             "The date the figures are as of is written YYYY-MM-DD, for example \(period.lastDay?.description ?? "2025-06-30")."),
            ("第一列（键）是隐藏的，用来对应任务：请不要删除或修改它。行的顺序可以调整，也可以排序。",
             "The first column (the key) is hidden and matches each row to its task: do not delete or change it. Rows may be reordered or sorted."),
            ("“上期状态”“上期完成%”“上期进展”是上一期报告的内容，仅供参考。",
             "Last status, last % and last note are from the previous report, for reference."),
            ("填好后保存为 .xlsx（也可以另存为 .csv），文件名用单位名称，发回\(to)汇总。",
             "When done, save it as .xlsx (or .csv), named after your unit, and send it back\((issuer?.en ?? issuer?.zh).map { " to \($0)" } ?? "") to be merged."),
        ]
        sheet.append([.text("填表说明 · Instructions", .title)])
        sheet.rowHeights[1] = 24
        for (index, (zh, en)) in paragraphs.enumerated() {
            let text = "\(index + 1). \(zh)\n    \(en)"
            sheet.append([.text(text, .paragraph)])
            sheet.rowHeights[sheet.rows.count] = RowHeight.fitting([(text, 100)])
        }
        return sheet
    }
}
