import SiteModel

/// A plan's responsibility list (责任清单) as a table: one row per task,
/// grouped by chapter, with only the columns the plan uses.
///
/// The column switches are named `show_…` so that no row key shadows them:
/// Mustache looks a name up through the whole context stack, and a row's own
/// (possibly empty) value must never decide whether its cell is drawn.
enum ResponsibilityTable {
    static func view(_ plan: Plan, _ page: inout PageBuilder) -> TemplateObject {
        let tasks = plan.tasks
        let columns: [(TemplateKey, Bool)] = [
            (.show_leaders, tasks.contains { !$0.leaders.isEmpty }),
            (.show_lead, tasks.contains { !$0.lead.isEmpty }),
            (.show_responsible, tasks.contains { !$0.responsible.isEmpty }),
            (.show_cooperating, tasks.contains { !$0.cooperating.isEmpty }),
            (.show_requirements, tasks.contains { $0.requirements != nil }),
            (.show_due, tasks.contains { $0.due != nil }),
            (.show_remarks, tasks.contains { $0.remarks != nil }),
        ]
        var view = TemplateObject()
        for (key, shown) in columns { view[key] = .bool(shown) }
        let columnCount = 2 + columns.count { $0.1 }

        var sections: [TemplateObject] = []
        var placed = Set<TaskNumber>()
        for group in plan.groups {
            let members = tasks.filter { $0.group == group.id }
            guard !members.isEmpty else { continue }
            placed.formUnion(members.map(\.number))
            sections.append([.title_html: .html(page.inline(group.title)), .has_title: .bool(true),
                             .rows: .objects(members.map { row($0, plan, &page) })])
        }
        let ungrouped = tasks.filter { !placed.contains($0.number) }
        if !ungrouped.isEmpty {
            sections.append([.has_title: .bool(!sections.isEmpty), .title_html: .html(TrustedHTML(text: page.t("tasks_other_group"))),
                             .rows: .objects(ungrouped.map { row($0, plan, &page) })])
        }
        view[.sections] = .objects(sections)
        view[.column_count] = .number(columnCount)
        view[.task_count] = .number(tasks.count)
        return view
    }

    /// A cell the source leaves empty says so, rather than stand blank (22 of Lüxiang's 29 tasks
    /// name no 牵头部门 or 配合单位).
    static func row(_ task: PlanTask, _ plan: Plan, _ page: inout PageBuilder) -> TemplateObject {
        let none = TrustedHTML("<span class=\"not-listed\">\(escapeHTML(page.t("cell_not_listed")))</span>")
        func orNone(_ html: TrustedHTML) -> TemplateValue { .html(html.html.isEmpty ? none : html) }
        var due = page.date(task.due)
        if task.due == nil, let end = plan.period?.end {
            due = page.t("due_plan_end_short").replacingOccurrences(of: "{date}", with: page.date(end))
        }
        return [
            .no: .text(task.number.rawValue),
            .href: .text(page.href(.task(plan.id, task.number))),
            .title_html: .html(page.inline(task.title)),
            .leaders_html: orNone(page.names(task.leaders)),
            .lead_html: orNone(page.unitLinks(task.lead)),
            .responsible_html: orNone(page.unitLinks(task.responsible)),
            .cooperating_html: orNone(page.unitLinks(task.cooperating)),
            .requirements_html: orNone(page.markdown(task.requirements, origins: task.requirementsOrigins,
                                                     footnotes: "task-\(task.number.rawValue)-requirements-")),
            .due_text: .text(due),
            .remarks_html: orNone(page.markdown(task.remarks, origins: task.remarksOrigins,
                                                footnotes: "task-\(task.number.rawValue)-remarks-")),
        ]
    }
}
