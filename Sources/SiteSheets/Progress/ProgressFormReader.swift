import SiteModel

/// Reads a filled-in progress form: finds the table by its headers (not by
/// position: a form that went through CSV, or whose columns were moved, is read
/// the same), the lines of plan, unit, period and date above it, and each row's
/// key, status, percent and note. Every value that cannot be read is a
/// diagnostic at its cell.
public enum ProgressFormReader {
    typealias Column = ProgressFormLayout.Column
    typealias Meta = ProgressFormLayout.Meta

    /// The columns a form must still have to be read.
    static let required: [Column] = [.key, .status, .percent, .note]

    public static func read(_ sheets: [SheetTable], diagnostics: inout Diagnostics) -> FilledForm? {
        for sheet in sheets {
            if let header = headerRow(sheet) { return read(sheet, header: header, diagnostics: &diagnostics) }
        }
        let first = sheets.first
        let location = first?.location(row: 1, column: 1) ?? SourceLocation(file: "")
        diagnostics.append(.error(.notAForm, at: location,
                                  "不是进展填报表 (not a progress form): no sheet has a table headed 本期状态 (status)",
                                  hint: "make the forms with gen-site export progress-form, and send back the filled-in file"))
        return nil
    }

    /// The row whose cells include the status column's header.
    static func headerRow(_ sheet: SheetTable) -> Int? {
        for row in sheet.rowNumbers.prefix(60) {
            for column in 1...max(sheet.lastColumn, 1) where header(sheet.text(row: row, column: column), is: .status) {
                return row
            }
        }
        return nil
    }

    /// `本期状态\nStatus` is the status column's header; so is `本期状态`.
    static func header(_ text: String?, is column: Column) -> Bool {
        guard let text else { return false }
        let first = text.split(separator: "\n").first.map { String($0).trimmingWhitespace } ?? ""
        if first == column.label || first.hasPrefix(column.label + " ") { return true }
        return column == .key && first.lowercased().hasPrefix("key")
    }

    static func read(_ sheet: SheetTable, header: Int, diagnostics: inout Diagnostics) -> FilledForm {
        var form = FilledForm(file: sheet.file, location: sheet.location(row: header, column: 1))
        var columns: [Column: Int] = [:]
        for column in 1...max(sheet.lastColumn, 1) {
            guard let text = sheet.text(row: header, column: column) else { continue }
            for kind in Column.allCases where columns[kind] == nil && Self.header(text, is: kind) {
                columns[kind] = column
            }
        }
        var missing = false
        for column in required where columns[column] == nil {
            missing = true
            let what = column == .key
                ? "the hidden key column (键) that matches each row to its task is missing: it was deleted"
                : "the column \(column.label) (\(column.english.lowercased())) is missing"
            diagnostics.append(.error(.missingColumn, at: sheet.location(row: header, column: 1),
                                      "缺少“\(column.label)”列 (\(what))",
                                      hint: "fill in a new form made by gen-site export progress-form, or copy the answers into one"))
        }

        // The lines above the table: a label, then its value in the next cell that has one.
        var read: Set<CellAddress> = []
        for row in sheet.rowNumbers where row < header {
            let last = sheet.lastColumn
            for column in 1...max(last, 1) {
                guard let text = sheet.text(row: row, column: column), sheet.value(row: row, column: column) != nil,
                      let meta = Meta.allCases.first(where: { text.hasPrefix($0.label) }) else { continue }
                read.insert(CellAddress(row: row, column: column))
                var next = column + 1
                while next <= last, sheet.value(row: row, column: next) == nil { next += 1 }
                guard next <= last, let value = sheet.value(row: row, column: next) else { continue }
                read.insert(CellAddress(row: row, column: next))
                let location = sheet.location(row: row, column: next)
                switch meta {
                case .plan: form.plan = Located(value.text.trimmingWhitespace, at: location)
                case .unit: form.unit = Located(value.text.trimmingWhitespace, at: location)
                case .period: form.period = Located(value.text.trimmingWhitespace, at: location)
                case .asOf:
                    form.hasAsOfValue = true
                    if let day = day(value) {
                        form.asOf = Located(day, at: location)
                    } else {
                        diagnostics.append(invalidDate(value, at: location))
                    }
                }
            }
        }
        if form.plan == nil {
            diagnostics.append(.error(.missingValue, at: form.location, "表头缺少方案编号 (the form does not name its plan: no 方案 line above the table)",
                                      hint: "fill in a form made by gen-site export progress-form"))
        }
        guard !missing, let keyColumn = columns[.key], let statusColumn = columns[.status],
              let percentColumn = columns[.percent], let noteColumn = columns[.note] else { return form }

        var seen: [String: SourceLocation] = [:]
        for row in sheet.rowNumbers where row > header {
            let keyText = sheet.text(row: row, column: keyColumn)
            let statusText = sheet.text(row: row, column: statusColumn)
            let percentValue = sheet.shown(row: row, column: percentColumn)
            let noteText = sheet.text(row: row, column: noteColumn)
            let filled = statusText != nil || percentValue.map { !$0.text.trimmingWhitespace.isEmpty } == true || noteText != nil
            guard let keyText else {
                if filled {
                    diagnostics.append(.error(.missingKey, at: sheet.location(row: row, column: keyColumn),
                                              "此行没有键，无法对应任务 (a filled-in row without its key: it cannot be matched to a task)",
                                              hint: "a row added by hand is not read; fill in the task's own row"))
                } else {
                    for column in 1...max(sheet.lastColumn, 1) {
                        if let text = sheet.text(row: row, column: column), sheet.value(row: row, column: column) != nil {
                            form.unread.append(Located(text, at: sheet.location(row: row, column: column)))
                        }
                    }
                }
                continue
            }
            let keyLocation = sheet.location(row: row, column: keyColumn)
            guard let key = ProgressFormLayout.parseKey(keyText) else {
                diagnostics.append(.error(.invalidKey, at: keyLocation, "键无效 (not a row key): \"\(keyText)\"",
                                          hint: "keys are written by gen-site as plan#task, e.g. lvxiang-2024-2026#7; do not change them"))
                continue
            }
            if let first = seen[keyText] {
                diagnostics.append(.error(.duplicateTask, at: keyLocation, "同一任务出现两次 (task \(key.task) appears twice in this form)",
                                          hint: "first at \(first)"))
                continue
            }
            seen[keyText] = keyLocation
            guard filled else { form.blankRows += 1; continue }
            let statusLocation = sheet.location(row: row, column: statusColumn)
            var status: TaskStatus?
            var problem = false
            if let statusText {
                status = StatusWords.status(statusText)
                if status == nil {
                    problem = true
                    diagnostics.append(.error(.invalidValue, at: statusLocation,
                                              "status \"\(statusText)\" is not one of \(StatusWords.list) (本期状态无效)",
                                              hint: "choose from the drop-down list"))
                }
            } else {
                problem = true
                diagnostics.append(.error(.missingStatus, at: statusLocation,
                                          "已填写完成百分比或进展情况，但未选择本期状态 (percent or note filled in, status left empty)",
                                          hint: "choose one of \(StatusWords.list)"))
            }
            var percentDone: Int?
            if let percentValue, !percentValue.text.trimmingWhitespace.isEmpty {
                let location = sheet.location(row: row, column: percentColumn)
                switch percent(percentValue) {
                case .some(let value) where value >= 0 && value <= 100 && value == value.rounded():
                    percentDone = Int(value)
                    if status == .done && value < 100 {
                        diagnostics.append(.warning(.inconsistentProgress, at: location,
                                                    "已完成但百分比不足100 (status done with percent \(Int(value)))"))
                    }
                case .some(let value):
                    problem = true
                    diagnostics.append(.error(.percentOutOfRange, at: location,
                                              "完成百分比应为 0–100 的整数 (percent must be a whole number from 0 to 100): \(XLSXWriter.number(value))"))
                case .none:
                    problem = true
                    diagnostics.append(.error(.invalidNumber, at: location,
                                              "完成百分比不是数字 (percent is not a number): \"\(percentValue.text)\"",
                                              hint: "a whole number from 0 to 100, such as 60"))
                }
            }
            guard !problem, let status else { continue }
            var answer = FilledForm.Answer(task: TaskNumber(key.task), plan: key.plan, status: status, keyLocation: keyLocation,
                                           location: statusLocation)
            answer.percent = percentDone
            answer.note = noteText
            form.answers.append(answer)
        }
        return form
    }

    /// A date cell, or text written `YYYY-MM-DD`.
    static func day(_ value: CellValue) -> Day? {
        switch value {
        case .number(let serial, .date(let is1904)): ExcelDate.day(serial: serial, is1904: is1904)
        case .text(let text): Day(iso: text.trimmingWhitespace)
        default: nil
        }
    }

    static func invalidDate(_ value: CellValue, at location: SourceLocation) -> Diagnostic {
        .error(.invalidDate, at: location, "日期应写成 YYYY-MM-DD (a date is written YYYY-MM-DD): \"\(value.text)\"",
               hint: "for example 2025-06-30; a cell formatted as a date is fine too")
    }

    /// 60, `60`, `60%`, or 0.6 in a cell formatted as a percentage.
    static func percent(_ value: CellValue) -> Double? {
        switch value {
        case .number(let number, .percent): return (number * 100 * 1e6).rounded() / 1e6
        case .number(let number, .plain): return number
        case .text(let text):
            var trimmed = text.trimmingWhitespace
            if trimmed.hasSuffix("%") || trimmed.hasSuffix("％") { trimmed = String(trimmed.dropLast()).trimmingWhitespace }
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                  let number = Double(trimmed), number.isFinite else { return nil }
            return number
        default: return nil
        }
    }
}
