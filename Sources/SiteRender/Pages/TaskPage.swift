import SiteModel

/// `/plans/<id>/tasks/<no>/`: one task with its units, leaders, requirements
/// and milestones.
enum TaskPage {
    static func view(_ context: RenderContext, _ plan: Plan, _ task: PlanTask, _ language: Language) -> [String: Any] {
        var page = PageBuilder(context, PageAddress(.task(plan.id, task.number), language))
        var view: [String: Any] = [:]
        view["no"] = task.number.rawValue
        view["title_html"] = page.inline(task.title)
        view["plan_href"] = page.href(.plan(plan.id))
        view["plan_title_html"] = page.inline(plan.title)
        view["tasks_href"] = page.href(.plan(plan.id)) + "#tasks"
        if let group = task.group.flatMap({ plan.group($0) }) {
            view["group_html"] = page.inline(group.title)
        }
        var facts: [[String: Any]] = []
        func add(_ key: String, _ value: TrustedHTML) {
            guard !value.html.isEmpty else { return }
            facts.append(["label": page.t(key), "value_html": value])
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
        view["facts"] = facts
        view["requirements_html"] = page.markdown(task.requirements, origins: task.requirementsOrigins, footnotes: "requirements-")
        view["has_requirements"] = task.requirements != nil
        view["remarks_html"] = page.markdown(task.remarks, origins: task.remarksOrigins, footnotes: "remarks-")
        view["has_remarks"] = task.remarks != nil
        view["milestones"] = task.milestones.map { milestone -> [String: Any] in
            ["date": page.date(milestone.date), "date_iso": milestone.date.description, "what_html": page.inline(milestone.what)]
        }
        view["has_milestones"] = !task.milestones.isEmpty

        // Progress at the build date and every report's line, newest first.
        let progress = context.site.progress(plan.id, task.number)
        view["as_of"] = page.asOfText
        view["status"] = page.statusBadge(progress)
        view["overdue_since"] = progress?.overdueSince.map { page.date($0) as Any } ?? false
        view["progress_href"] = page.href(.progress(plan.id))
        let history = progress?.history ?? []
        view["history"] = history.map { entry -> [String: Any] in
            var row: [String: Any] = ["period": page.reportPeriod(entry.period), "as_of": page.date(entry.asOf),
                                      "as_of_iso": entry.asOf.description,
                                      "status": ["label": page.taskStatusLabel(entry.status), "class": entry.status.rawValue]]
            row["percent"] = entry.percent.map { "\($0)%" as Any } ?? false
            row["note_html"] = entry.note.map { page.inline($0) as Any } ?? false
            return row
        }
        view["has_history"] = !history.isEmpty

        if let index = plan.tasks.firstIndex(where: { $0.number == task.number }) {
            if index > plan.tasks.startIndex {
                let previous = plan.tasks[index - 1]
                view["previous"] = ["href": page.href(.task(plan.id, previous.number)), "no": previous.number.rawValue,
                                    "title_html": page.inline(previous.title)] as [String: Any]
            }
            if index + 1 < plan.tasks.endIndex {
                let next = plan.tasks[index + 1]
                view["next"] = ["href": page.href(.task(plan.id, next.number)), "no": next.number.rawValue,
                                "title_html": page.inline(next.title)] as [String: Any]
            }
        }
        let title = "\(page.t("task_label")) \(task.number.rawValue)\(language == .zh ? "：" : ": ")\(page.plain(task.title))"
        view["heading"] = title
        return page.layout(title: title,
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("plans_title"), .plans),
                                         (page.plain(plan.title), .plan(plan.id)),
                                         ("\(page.t("task_label")) \(task.number.rawValue)", nil)],
                           article: page.planArticle(plan, title: title,
                                                     keywords: (plan.category.map { [page.plain($0)] } ?? []) + page.tagNames(task.tags)),
                           page: view)
    }
}
