import SiteModel

/// `/plans/<id>/tasks/<no>/`: one task with its units, leaders, requirements
/// and milestones.
enum TaskPage {
    static func view(_ context: RenderContext, _ plan: Plan, _ task: PlanTask, _ language: Language) -> PageView {
        var page = PageBuilder(context, PageAddress(.task(plan.id, task.number), language))
        var view: TemplateObject = [
            .no: .text(task.number.rawValue),
            .title_html: .html(page.inline(task.title)),
            .plan_href: .text(page.href(.plan(plan.id))),
            .plan_title_html: .html(page.inline(plan.title)),
            .tasks_href: .text(page.href(.plan(plan.id)) + "#tasks"),
        ]
        if let group = task.group.flatMap({ plan.group($0) }) {
            view[.group_html] = .html(page.inline(group.title))
        }
        var facts: [TemplateObject] = []
        func add(_ key: String, _ value: TrustedHTML) {
            guard !value.html.isEmpty else { return }
            facts.append([.label: .text(page.t(key)), .value_html: .html(value)])
        }
        add("task_leaders", page.names(task.leaders))
        add("task_lead", page.unitLinks(task.lead, short: false))
        add("task_responsible", page.unitLinks(task.responsible, short: false))
        add("task_cooperating", page.unitLinks(task.cooperating, short: false))
        if task.due == nil, let end = plan.period?.end {
            // No deadline of its own: the plan's end is its deadline (and what overdue is judged by).
            add("task_due", TrustedHTML(text: page.t("task_due_plan_end").replacingOccurrences(of: "{date}", with: page.date(end))))
        } else {
            add("task_due", TrustedHTML(text: page.date(task.due)))
        }
        add("task_tags", TrustedHTML(text: task.tags.joined(separator: page.language == .zh ? "、" : ", ")))
        view[.facts] = .objects(facts)
        view[.requirements_html] = .html(page.markdown(task.requirements, origins: task.requirementsOrigins, footnotes: "requirements-"))
        view[.has_requirements] = .bool(task.requirements != nil)
        view[.remarks_html] = .html(page.markdown(task.remarks, origins: task.remarksOrigins, footnotes: "remarks-"))
        view[.has_remarks] = .bool(task.remarks != nil)
        view[.milestones] = .objects(task.milestones.map { milestone in
            [.date: .text(page.date(milestone.date)), .date_iso: .text(milestone.date.description),
             .what_html: .html(page.inline(milestone.what))]
        })
        view[.has_milestones] = .bool(!task.milestones.isEmpty)

        // Progress at the build date and every report's line, newest first.
        let progress = context.site.progress(plan.id, task.number)
        view[.as_of] = .text(page.asOfText)
        view[.status] = page.statusBadge(progress)
        view[.overdue_since] = progress?.overdueSince.map { .text(page.date($0)) }
        view[.progress_href] = .text(page.href(.progress(plan.id)))
        let history = progress?.history ?? []
        view[.history] = .objects(history.map { entry in
            [.period: .text(page.reportPeriod(entry.period)), .as_of: .text(page.date(entry.asOf)),
             .as_of_iso: .text(entry.asOf.description),
             .status: .object([.label: .text(page.taskStatusLabel(entry.status)), .class: .text(entry.status.rawValue)]),
             .percent: entry.percent.map { .text("\($0)%") },
             .note_html: entry.note.map { .html(page.inline($0)) }]
        })
        view[.has_history] = .bool(!history.isEmpty)

        if let index = plan.tasks.firstIndex(where: { $0.number == task.number }) {
            if index > plan.tasks.startIndex {
                let previous = plan.tasks[index - 1]
                view[.previous] = .object([.href: .text(page.href(.task(plan.id, previous.number))), .no: .text(previous.number.rawValue),
                                           .title_html: .html(page.inline(previous.title))])
            }
            if index + 1 < plan.tasks.endIndex {
                let next = plan.tasks[index + 1]
                view[.next] = .object([.href: .text(page.href(.task(plan.id, next.number))), .no: .text(next.number.rawValue),
                                       .title_html: .html(page.inline(next.title))])
            }
        }
        let title = "\(page.t("task_label")) \(task.number.rawValue)\(language == .zh ? "：" : ": ")\(page.plain(task.title))"
        view[.heading] = .text(title)
        return page.layout("task", title: title,
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("plans_title"), .plans),
                                         (page.plain(plan.title), .plan(plan.id)),
                                         ("\(page.t("task_label")) \(task.number.rawValue)", nil)],
                           article: page.planArticle(plan, title: title,
                                                     keywords: (plan.category.map { [page.plain($0)] } ?? []) + page.tagNames(task.tags)),
                           page: view)
    }
}
