import SiteModel

/// Merges the filled-in forms of several units into one progress report for a
/// plan and a period, all or nothing: every problem of every form is collected,
/// and a report is made only when there is none.
///
/// A task answered by several units gets the answer of the units that carry it
/// (the office's own form for every task first, then the lead and responsible
/// units, then the cooperating ones); when those differ, the task is `delayed`
/// if any says so, `done` only when all do, `not_started` when all say so, else
/// `in_progress`, with the lowest percent. Every unit's note is kept, each
/// under its unit's name when more than one wrote one.
public struct ProgressMerger: Sendable {
    public var plan: Plan
    public var period: ReportPeriod
    public var directory: UnitDirectory
    /// `--as-of`: the report's date, instead of the latest date the forms give.
    public var asOf: Day?

    public init(plan: Plan, period: ReportPeriod, directory: UnitDirectory, asOf: Day? = nil) {
        self.plan = plan
        self.period = period
        self.directory = directory
        self.asOf = asOf
    }

    /// One task's merged line.
    public struct Update: Sendable, Equatable {
        public var task: TaskNumber
        public var status: TaskStatus
        public var percent: Int?
        public var note: String?
    }

    public struct Result: Sendable {
        public var asOf: Day
        public var updates: [Update]
        /// What the merge decided where units differed, and what it did not read: for the report.
        public var notes: [String]
        /// The forms read, with their units (nil: a form for every task).
        public var forms: [(file: String, unit: UnitID?)]
    }

    /// A form's answer with who gave it.
    struct Given {
        var answer: FilledForm.Answer
        var unit: Unit?
        var rank: Int
    }

    public func merge(_ forms: [FilledForm], diagnostics: inout Diagnostics) -> Result? {
        let before = diagnostics.errorCount
        var notes: [String] = []
        var formUnits: [(String, UnitID?)] = []
        var unitForms: [String: SourceLocation] = [:]
        var dates: [Located<Day>] = []
        var given: [TaskNumber: [Given]] = [:]
        let tasks = Dictionary(plan.tasks.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })

        for form in forms {
            guard let planCell = form.plan else { continue }
            guard planCell.value == plan.id.rawValue else {
                diagnostics.append(.error(.wrongPlan, at: planCell.location,
                                          "此表属于另一方案 (this form is for plan \(planCell.value), not \(plan.id))",
                                          hint: "a unit sent the form of another plan; import it with --plan \(planCell.value)"))
                continue
            }
            var rightPeriod = true
            if let cell = form.period {
                if cell.value != period.description {
                    rightPeriod = false
                    diagnostics.append(.error(.wrongPeriod, at: cell.location,
                                              "此表属于另一报告期 (this form is for \(cell.value), not \(period))",
                                              hint: "import it with --period \(cell.value), or send the unit this period's form"))
                }
            } else {
                diagnostics.append(.error(.missingValue, at: form.location, "表头缺少报告期 (the form does not name its period: no 报告期 line)",
                                          hint: "fill in a form made by gen-site export progress-form"))
            }
            var unit: Unit?
            if let cell = form.unit, cell.value != ProgressFormLayout.everyTask {
                switch directory.lookup(cell.value) {
                case .found(let id):
                    unit = directory[id]
                    if let first = unitForms[id.rawValue] {
                        diagnostics.append(.error(.duplicateForm, at: cell.location,
                                                  "同一单位的两份表 (a second form of \(id)): which one counts is not clear",
                                                  hint: "the first is \(first); import only one of them"))
                        continue
                    }
                    unitForms[id.rawValue] = cell.location
                case .ambiguous(let ids):
                    diagnostics.append(.error(.ambiguousUnit, at: cell.location, "单位不明确 (ambiguous unit) \"\(cell.value)\": \(ids.map(\.rawValue).joined(separator: ", "))"))
                    continue
                case .unknown:
                    diagnostics.append(.error(.unknownUnit, at: cell.location, "未知单位 (unknown unit) \"\(cell.value)\"",
                                              hint: "the unit's id as gen-site wrote it; it must be in units.yaml"))
                    continue
                }
            } else if let cell = form.unit {
                if let first = unitForms[""] {
                    diagnostics.append(.error(.duplicateForm, at: cell.location, "两份全部任务的表 (a second form for every task)",
                                              hint: "the first is \(first); import only one of them"))
                    continue
                }
                unitForms[""] = cell.location
            }
            formUnits.append((form.file, unit?.id))
            // A form of another period is dated in it: its date is not a second problem.
            if let date = form.asOf { if rightPeriod { dates.append(date) } }
            else if asOf == nil && !form.hasAsOfValue {
                diagnostics.append(.error(.missingValue, at: form.location, "截至日期未填写 (the form's as-of date is empty)",
                                          hint: "fill in 截至日期 as YYYY-MM-DD, or give --as-of"))
            }
            if form.blankRows > 0 {
                notes.append("\(form.file): \(form.blankRows) task(s) left blank")
            }
            for cell in form.unread {
                notes.append("not read: \(cell.location): \(cell.value)")
            }
            for answer in form.answers {
                guard answer.plan == plan.id.rawValue else {
                    diagnostics.append(.error(.wrongPlan, at: answer.keyLocation,
                                              "此行属于另一方案 (this row is for plan \(answer.plan), not \(plan.id))",
                                              hint: "a row copied from another plan's form"))
                    continue
                }
                guard let task = tasks[answer.task] else {
                    diagnostics.append(.error(.unknownTask, at: answer.keyLocation, "方案中没有此任务 (no task \(answer.task) in plan \(plan.id))",
                                              hint: "the plan's list changed since the form was made; make a new form"))
                    continue
                }
                given[answer.task, default: []].append(Given(answer: answer, unit: unit, rank: rank(of: unit, in: task)))
            }
        }
        for date in dates { check(date, into: &diagnostics) }
        guard diagnostics.errorCount == before else { return nil }
        guard let reportDate = asOf ?? dates.map(\.value).max() else {
            // A date that is not one was reported at its cell already.
            if forms.contains(where: \.hasAsOfValue) { return nil }
            diagnostics.append(.error(.missingValue, at: SourceLocation(file: forms.first?.file ?? ""),
                                      "没有可用的截至日期 (no form gives an as-of date)", hint: "give --as-of YYYY-MM-DD"))
            return nil
        }
        let dateCell = dates.first { $0.value == reportDate }?.location ?? forms.first?.location ?? SourceLocation(file: "")
        for report in plan.reports where report.period != period.description {
            guard let other = ReportPeriod(report.period) else { continue }
            if other < period, report.asOf >= reportDate {
                diagnostics.append(.error(.reportOutOfOrder, at: dateCell,
                                          "截至日期不晚于上一期报告 (as of \(reportDate) is not later than the report for \(other), as of \(report.asOf))",
                                          hint: "reports are dated in order; see \(report.location.file)"))
            } else if period < other, report.asOf <= reportDate {
                diagnostics.append(.error(.reportOutOfOrder, at: dateCell,
                                          "截至日期不早于下一期报告 (as of \(reportDate) is not earlier than the report for \(other), as of \(report.asOf))",
                                          hint: "reports are dated in order; see \(report.location.file)"))
            }
        }
        guard diagnostics.errorCount == before else { return nil }
        if asOf == nil, Set(dates.map(\.value)).count > 1 {
            notes.append("as_of \(reportDate): the latest of the forms' dates (\(Set(dates.map(\.value.description)).sorted().joined(separator: ", ")))")
        }

        var updates: [Update] = []
        for task in plan.tasks {
            guard let answers = given[task.number], !answers.isEmpty else { continue }
            updates.append(merged(task, answers, notes: &notes))
        }
        return Result(asOf: reportDate, updates: updates, notes: notes, forms: formUnits)
    }

    /// Checks a form's date: in the period's month or after, inside the plan's period.
    func check(_ date: Located<Day>, into diagnostics: inout Diagnostics) {
        if let first = period.firstDay, date.value < first {
            diagnostics.append(.error(.reportDateMismatch, at: date.location,
                                      "截至日期早于报告期 (as of \(date.value) is before the period \(period))",
                                      hint: "a report for \(period) is dated in that month or after it"))
        }
        if let range = plan.period, !range.contains(date.value) {
            diagnostics.append(.error(.dateOutsidePeriod, at: date.location,
                                      "截至日期不在方案实施期限内 (as of \(date.value) is outside the plan's period \(range.start)–\(range.end))"))
        }
    }

    /// 0 the office's own form, 1 lead, 2 responsible, 3 cooperating, 4 a unit the task does not name.
    func rank(of unit: Unit?, in task: PlanTask) -> Int {
        guard let unit else { return 0 }
        if task.lead.contains(where: { $0.id == unit.id }) { return 1 }
        if task.responsible.contains(where: { $0.id == unit.id }) { return 2 }
        if task.cooperating.contains(where: { $0.id == unit.id }) { return 3 }
        return 4
    }

    /// Where a unit stands among the task's units: office, then lead, responsible and cooperating in the plan's order.
    func order(of unit: Unit?, in task: PlanTask) -> Int {
        guard let unit else { return -1 }
        let all = task.lead + task.responsible + task.cooperating
        return all.firstIndex { $0.id == unit.id } ?? all.count
    }

    func name(_ unit: Unit?) -> String {
        guard let unit else { return "安委办" }
        return unit.short?.zh ?? unit.name.zh ?? unit.name.en ?? unit.id.rawValue
    }

    func merged(_ task: PlanTask, _ answers: [Given], notes: inout [String]) -> Update {
        // Lead and responsible units carry a task alike.
        let classOf = { (given: Given) -> Int in given.rank == 2 ? 1 : given.rank }
        let sorted = answers.sorted { a, b in
            (classOf(a), order(of: a.unit, in: task)) < (classOf(b), order(of: b.unit, in: task))
        }
        let top = classOf(sorted[0])
        let carriers = sorted.filter { classOf($0) == top }
        let statuses = carriers.map(\.answer.status)
        let status: TaskStatus
        if Set(statuses).count == 1, let only = statuses.first { status = only }
        else if statuses.contains(.delayed) { status = .delayed }
        else if statuses.allSatisfy({ $0 == .notStarted }) { status = .notStarted }
        else { status = .inProgress }
        let percents = carriers.compactMap(\.answer.percent)
        let percent = percents.min()
        func describe(_ given: Given) -> String {
            "\(name(given.unit)) \(StatusWords.chinese(given.answer.status))" + (given.answer.percent.map { " \($0)%" } ?? "")
        }
        if sorted.count > 1 {
            let distinct = Set(sorted.map { "\($0.answer.status)-\($0.answer.percent ?? -1)" })
            if distinct.count > 1 {
                let result = StatusWords.chinese(status) + (percent.map { " \($0)%" } ?? "")
                let basis = carriers.count < sorted.count ? " (from \(carriers.map { name($0.unit) }.joined(separator: "、")))" : ""
                notes.append("task \(task.number): \(sorted.map(describe).joined(separator: ", ")) → \(result)\(basis)")
            }
        }
        let written = sorted.compactMap { given in given.answer.note.map { (name(given.unit), $0) } }
        let note = written.count == 1 ? written[0].1 : written.isEmpty ? nil : written.map { "\($0.0)：\($0.1)" }.joined(separator: "\n")
        return Update(task: task.number, status: status, percent: percent, note: note)
    }
}
