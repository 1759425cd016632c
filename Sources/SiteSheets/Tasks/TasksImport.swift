import Foundation
import SiteModel

/// `gen-site import tasks`: a responsibility list kept as a sheet becomes the
/// plan's tasks.yaml and the units it names that units.yaml does not have.
/// Nothing is invented (a task without its number or title is an error, not
/// numbered or titled here) and nothing is lost (a column the list does not know
/// goes to the remarks under its header; a cell outside the table is listed).
/// Nothing is written here: the caller writes the texts only when there is no error.
public enum TasksImport {
    public struct Outcome: Sendable {
        public var tasksYAML: String?
        /// To append to units.yaml; empty when every unit is known.
        public var newUnitsYAML = ""
        public var tasks: [PlanTask] = []
        public var newUnits: [UnitID] = []
        /// What was read where, what was not read, what changed: for the report.
        public var notes: [String] = []
        public var diagnostics = Diagnostics()
    }

    /// - Parameters:
    ///   - plan: the plan as it is (its groups give chapter ids by title, its reports must still find their tasks).
    ///   - existingText: the plan's tasks.yaml as it is: its comments at the top are kept.
    public static func run(file: String, data: Data, plan: Plan, directory: UnitDirectory, area: String?,
                           existingText: String?) -> Outcome {
        var outcome = Outcome()
        let (sheets, readDiagnostics) = SheetFile.read(data, file: file)
        outcome.diagnostics.append(contentsOf: readDiagnostics)
        guard !sheets.isEmpty else { return outcome }
        let list = TaskSheetReader.read(sheets, diagnostics: &outcome.diagnostics)
        for cell in list.unread { outcome.notes.append("not read: \(cell.location): \(cell.value)") }

        // Chapters: the ids the list gives, else the plan's chapter of the same title, else group-N.
        var groups: [TaskGroup] = []
        var groupIndex: [Int: GroupID] = [:]
        for (index, read) in list.groups.enumerated() {
            var id: GroupID
            if let cell = read.id {
                guard IdentifierSyntax.isValid(cell.value) else {
                    outcome.diagnostics.append(.error(.invalidId, at: cell.location, "章节编号无效 (invalid group id): \(cell.value)",
                                                      hint: "lowercase ASCII letters, digits and hyphens, e.g. part-1"))
                    continue
                }
                id = GroupID(cell.value)
            } else if let known = plan.groups.first(where: { $0.title.zh == read.zh }) ?? groups.first(where: { $0.title.zh == read.zh }) {
                id = known.id
            } else {
                var n = groups.count + 1
                while groups.contains(where: { $0.id.rawValue == "group-\(n)" }) || plan.groups.contains(where: { $0.id.rawValue == "group-\(n)" }) { n += 1 }
                id = GroupID("group-\(n)")
                outcome.notes.append("\(read.location): chapter \(read.zh) gets the id \(id)")
            }
            let title = BilingualText(zh: read.zh, en: read.en ?? plan.group(id)?.title.en)
            if let seen = groups.firstIndex(where: { $0.id == id }) {
                if groups[seen].title.zh != title.zh {
                    outcome.diagnostics.append(.error(.duplicateId, at: read.id?.location ?? read.location,
                                                      "章节编号重复 (group id \(id) is given to two chapters: \(groups[seen].title.zh ?? "") and \(read.zh))"))
                }
            } else {
                groups.append(TaskGroup(id: id, title: title))
            }
            groupIndex[index] = id
        }

        var matcher = UnitMatcher(directory: directory, planID: plan.id.rawValue, area: area)
        var tasks: [PlanTask] = []
        var dueNotes: [TaskNumber: String] = [:]
        let numbers = numbering(list, groups: groupIndex, notes: &outcome.notes, diagnostics: &outcome.diagnostics)
        for (row, number) in zip(list.rows, numbers) {
            guard let number else { continue }
            guard row.titleZH != nil || row.titleEN != nil else {
                outcome.diagnostics.append(.error(.missingValue, at: row.location, "任务没有标题 (task \(number) has no title, 任务)",
                                                  hint: "write the task in the 重点任务 column"))
                continue
            }
            var task = PlanTask(number: number, title: BilingualText(zh: row.titleZH, en: row.titleEN), location: row.location)
            if let cell = row.groupCell {
                if cell.value == TaskSheet.noGroup {
                    task.group = nil
                } else if groups.contains(where: { $0.id.rawValue == cell.value }) {
                    task.group = GroupID(cell.value)
                } else if let known = plan.group(GroupID(cell.value)) {
                    groups.append(known)
                    task.group = known.id
                } else {
                    outcome.diagnostics.append(.error(.unknownGroup, at: cell.location, "未知章节 (unknown group): \(cell.value)",
                                                      hint: "a chapter row of the list gives its id in the 章节编号 column"))
                }
            } else if let above = row.groupAbove {
                task.group = groupIndex[above]
            }
            task.leaders = row.leaders
            for (role, cells) in row.units {
                var ids: [UnitID] = []
                for cell in cells {
                    for name in CellLists.names(cell.value, isOneName: matcher.knows) {
                        guard let id = matcher.id(for: name, at: cell.location, notes: &outcome.notes, diagnostics: &outcome.diagnostics)
                        else { continue }
                        if !ids.contains(id) { ids.append(id) }
                    }
                }
                let references = ids.map { UnitReference(written: $0.rawValue, location: row.location, id: $0) }
                switch role {
                case .lead: task.lead = references
                case .responsible: task.responsible = references
                case .cooperating: task.cooperating = references
                }
            }
            var remarks = row.remarksZH
            if let cell = row.due {
                switch cell.value {
                case .number(let serial, .date(let is1904)):
                    if let day = ExcelDate.day(serial: serial, is1904: is1904) { task.due = day }
                    else { outcome.diagnostics.append(.error(.invalidDate, at: cell.location, "日期无效 (not a date): \(cell.value.text)")) }
                default:
                    let text = cell.value.text.trimmingWhitespace
                    if let day = Day(iso: text) {
                        task.due = day
                    } else if let day = Deadline.day(text, year: plan.period?.start.year) {
                        task.due = day
                        dueNotes[number] = text
                        outcome.notes.append("\(cell.location): 完成时限 \(text) read as due \(day)")
                    } else {
                        // 全年, 长期坚持: not one day; kept where people read it.
                        remarks.append("完成时限：\(text)")
                    }
                }
            }
            if row.requirementsZH != nil || row.requirementsEN != nil {
                task.requirements = BilingualText(zh: row.requirementsZH, en: row.requirementsEN)
            }
            if !remarks.isEmpty || row.remarksEN != nil {
                task.remarks = BilingualText(zh: remarks.isEmpty ? nil : remarks.joined(separator: "；"), en: row.remarksEN)
            }
            task.milestones = row.milestones.sorted { $0.date < $1.date }
            task.tags = row.tags
            tasks.append(task)
        }
        if tasks.isEmpty && !outcome.diagnostics.hasErrors {
            outcome.diagnostics.append(.error(.noTasks, at: sheets[0].location(row: 1, column: 1), "清单中没有任务 (the list has no task rows)"))
        }

        var indicators: [Indicator] = []
        var indicatorIDs: [String: SourceLocation] = [:]
        for row in list.indicators {
            guard IdentifierSyntax.isValid(row.indicator.id) else {
                outcome.diagnostics.append(.error(.invalidId, at: row.location, "指标编号无效 (invalid indicator id): \(row.indicator.id)",
                                                  hint: "lowercase ASCII letters, digits and hyphens, e.g. helmet-rate"))
                continue
            }
            if let first = indicatorIDs[row.indicator.id] {
                outcome.diagnostics.append(.error(.duplicateId, at: row.location, "指标编号重复 (duplicate indicator id): \(row.indicator.id)",
                                                  hint: "first at \(first)"))
                continue
            }
            indicatorIDs[row.indicator.id] = row.location
            indicators.append(row.indicator)
        }
        checkReports(plan, numbers: Set(tasks.map(\.number)), indicators: Set(indicators.map(\.id)), diagnostics: &outcome.diagnostics)
        guard !outcome.diagnostics.hasErrors else { return outcome }

        let comments = leadingComments(existingText) ?? ["# Imported from \(file.split(separator: "/").last.map(String.init) ?? file) by gen-site import tasks."]
        let text = TasksText.yaml(comments: comments, groups: groups, tasks: tasks, indicators: indicators, dueNotes: dueNotes)
        let (_, check) = PlanFileCheck.tasks(SourceFile(path: "plans/\(plan.id)/tasks.yaml", text: text), plan: plan)
        outcome.diagnostics.append(contentsOf: check)
        guard !check.hasErrors else { return outcome }
        outcome.tasksYAML = text
        outcome.newUnitsYAML = matcher.newUnitsYAML(from: file.split(separator: "/").last.map(String.init) ?? file)
        outcome.newUnits = matcher.new.map(\.id)
        outcome.tasks = tasks
        outcome.notes += changes(from: plan.tasks, to: tasks)
        return outcome
    }

    /// Task numbers as written when each is unique; a list that numbers again from 1 under each
    /// chapter gets `2-1` (chapter, row), as the text importer does; any other repeat is an error.
    static func numbering(_ list: ReadList, groups: [Int: GroupID], notes: inout [String], diagnostics: inout Diagnostics) -> [TaskNumber?] {
        let written = list.rows.map(\.number.value)
        guard Set(written).count < written.count else { return written.map(TaskNumber.init) }
        var perGroup: [Int: Set<String>] = [:]
        var restarts = !list.groups.isEmpty
        for row in list.rows {
            guard let group = row.groupAbove, perGroup[group, default: []].insert(row.number.value).inserted else { restarts = false; break }
        }
        if restarts {
            notes.append("the list numbers its tasks again under each chapter: task numbers are chapter-row, 2-1 for the first row under the second chapter")
            return list.rows.map { row in row.groupAbove.map { TaskNumber("\($0 + 1)-\(row.number.value)") } }
        }
        var seen: [String: SourceLocation] = [:]
        return list.rows.map { row in
            if let first = seen[row.number.value] {
                diagnostics.append(.error(.duplicateTask, at: row.number.location, "序号重复 (duplicate task number): \(row.number.value)",
                                          hint: "first at \(first)"))
                return nil
            }
            seen[row.number.value] = row.number.location
            return TaskNumber(row.number.value)
        }
    }

    /// The plan's progress reports must still find every task and indicator they name.
    static func checkReports(_ plan: Plan, numbers: Set<TaskNumber>, indicators: Set<String>, diagnostics: inout Diagnostics) {
        for report in plan.reports {
            for update in report.updates where !numbers.contains(update.task) {
                diagnostics.append(.error(.unknownTask, at: update.location,
                                          "新清单没有此报告中的任务 (the new list has no task \(update.task), which this report names)",
                                          hint: "keep the task in the list, or change the report first"))
            }
            for value in report.indicators where !indicators.contains(value.id) {
                diagnostics.append(.error(.unknownIndicator, at: value.location,
                                          "新清单没有此报告中的指标 (the new list has no indicator \(value.id), which this report names)"))
            }
        }
    }

    /// A YAML file's comment lines before its first key; nil when there are none.
    static func leadingComments(_ text: String?) -> [String]? {
        guard let text else { return nil }
        let comments = text.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("#") }.map(String.init)
        return comments.isEmpty ? nil : comments
    }

    /// Tasks added, removed and changed, for the report.
    static func changes(from old: [PlanTask], to new: [PlanTask]) -> [String] {
        func comparable(_ task: PlanTask) -> PlanTask {
            var task = task
            task.location = SourceLocation(file: "")
            task.requirementsOrigins = TextOrigins()
            task.remarksOrigins = TextOrigins()
            func strip(_ refs: [UnitReference]) -> [UnitReference] {
                refs.map { UnitReference(written: $0.id?.rawValue ?? $0.written, location: SourceLocation(file: ""), id: $0.id) }
            }
            task.lead = strip(task.lead)
            task.responsible = strip(task.responsible)
            task.cooperating = strip(task.cooperating)
            return task
        }
        let before = Dictionary(old.map { ($0.number, comparable($0)) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.number, comparable($0)) }, uniquingKeysWith: { first, _ in first })
        let added = new.map(\.number).filter { before[$0] == nil }
        let removed = old.map(\.number).filter { after[$0] == nil }
        let changed = new.map(\.number).filter { number in before[number].map { $0 != after[number] } ?? false }
        func list(_ numbers: [TaskNumber]) -> String { numbers.isEmpty ? "none" : numbers.map(\.rawValue).joined(separator: ", ") }
        return ["tasks added: \(list(added)); removed: \(list(removed)); changed: \(list(changed))"]
    }
}
