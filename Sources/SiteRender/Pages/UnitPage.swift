import SiteModel

/// `/units/<id>/`: every task the unit leads, is responsible for, or
/// cooperates on, across all plans, grouped by role, then by plan.
enum UnitPage {
    static func view(_ context: RenderContext, _ unit: Unit, _ language: Language) -> [String: Any] {
        var page = PageBuilder(context, PageAddress(.unit(unit.id), language))
        let site = context.site
        let assignments = site.assignments(of: unit.id)
        var view: [String: Any] = [:]
        view["item_level"] = 3
        view["name_html"] = page.inline(unit.name)
        var facts: [[String: Any]] = []
        if let short = unit.short { facts.append(["label": page.t("unit_short"), "value_html": page.inline(short)]) }
        facts.append(["label": page.t("unit_kind"), "value_html": TrustedHTML(text: page.t("kind_\(unit.kind.rawValue)"))])
        if let area = unit.area { facts.append(["label": page.t("unit_area"), "value_html": page.inline(area)]) }
        if !unit.aliases.isEmpty {
            facts.append(["label": page.t("unit_aliases"),
                          "value_html": TrustedHTML("<span lang=\"\(Language.zh.tag)\">\(escapeHTML(unit.aliases.joined(separator: "、")))</span>")])
        }
        view["facts"] = facts

        // The unit's tasks, plan by plan (plan order), each task once with the roles it has:
        // by index into the plan's tasks (a task is a large value; copies of it were a tenth of a big build).
        let byPlan = site.assignmentsByPlan(of: unit.id).map { group -> (plan: Plan, tasks: [(index: Int, roles: Set<UnitRole>)]) in
            var roles: [TaskNumber: Set<UnitRole>] = [:]
            for assignment in group.assignments { roles[assignment.task, default: []].insert(assignment.role) }
            let tasks = group.plan.tasks.indices.compactMap { index in roles[group.plan.tasks[index].number].map { (index, $0) } }
            return (group.plan, tasks)
        }
        var roles: [[String: Any]] = []
        for role in UnitRole.allCases {
            let count = assignments.count { $0.role == role }
            guard count > 0 else { continue }
            var plans: [[String: Any]] = []
            for (plan, tasks) in byPlan {
                let mine = tasks.filter { $0.roles.contains(role) }.map(\.index)
                guard !mine.isEmpty else { continue }
                plans.append([
                    "plan_href": page.href(.plan(plan.id)),
                    "plan_title_html": page.inline(plan.title),
                    "tasks": mine.map { index -> [String: Any] in
                        let number = plan.tasks[index].number
                        return ["no": number.rawValue, "href": page.href(.task(plan.id, number)),
                                "title_html": page.inline(plan.tasks[index].title),
                                "status": page.statusBadge(site.progress(plan.id, number))]
                    },
                ])
            }
            roles.append(["anchor": role.rawValue, "title": page.t("role_\(role.rawValue)"),
                          "count": count, "plans": plans])
        }
        view["roles"] = roles
        view["has_roles"] = !roles.isEmpty
        view["summary"] = UnitRole.allCases.map { role -> [String: Any] in
            ["title": page.t("role_\(role.rawValue)"), "count": assignments.count { $0.role == role }]
        }
        // The scorecard: the unit's tasks (each once, whatever its roles) by status, per plan and overall.
        var total = StatusCounts()
        var scorecard: [[String: Any]] = []
        for (plan, entries) in byPlan {
            var counts = StatusCounts()
            for entry in entries {
                if let p = site.progress(plan.id, plan.tasks[entry.index].number) { counts.add(p); total.add(p) }
            }
            var row = page.countsRow(counts, name: page.plain(plan.title))
            row["name_html"] = page.inline(plan.title)
            row["href"] = page.href(.progress(plan.id))
            scorecard.append(row)
        }
        view["scorecard"] = scorecard
        view["has_scorecard"] = !scorecard.isEmpty
        view["scorecard_total"] = page.countsRow(total, name: page.t("unit_scorecard_all"))
        view["scorecard_figures"] = page.countFigures(total)
        view["as_of"] = page.asOfText
        view["scorecard_intro"] = page.sentences(page.t("unit_scorecard_intro"), page.asOfText)
        let issued = site.plans.filter { $0.issuer?.id == unit.id }
        view["issued_plans"] = issued.map { page.planSummary($0) }
        view["has_issued_plans"] = !issued.isEmpty
        return page.layout(title: page.plain(unit.name),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("units_title"), .units),
                                         (page.plain(unit.name), nil)],
                           page: view)
    }
}
