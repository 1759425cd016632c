import SiteModel

/// `/units/<id>/`: every task the unit leads, is responsible for, or
/// cooperates on, across all plans, grouped by role, then by plan.
enum UnitPage {
    static func view(_ context: RenderContext, _ unit: Unit, _ language: Language) -> PageView {
        var page = PageBuilder(context, PageAddress(.unit(unit.id), language))
        let site = context.site
        let assignments = site.assignments(of: unit.id)
        var view: TemplateObject = [.item_level: .number(3), .name_html: .html(page.inline(unit.name))]
        var facts: [TemplateObject] = []
        func fact(_ key: String, _ value: TrustedHTML) { facts.append([.label: .text(page.t(key)), .value_html: .html(value)]) }
        if let short = unit.short { fact("unit_short", page.inline(short)) }
        fact("unit_kind", TrustedHTML(text: page.t("kind_\(unit.kind.rawValue)")))
        if let area = unit.area { fact("unit_area", page.inline(area)) }
        if !unit.aliases.isEmpty {
            fact("unit_aliases", TrustedHTML("<span lang=\"\(Language.zh.tag)\">\(escapeHTML(unit.aliases.joined(separator: "、")))</span>"))
        }
        view[.facts] = .objects(facts)

        // The unit's tasks, plan by plan (plan order), each task once with the roles it has:
        // by index into the plan's tasks (a task is a large value; copies of it were a tenth of a big build).
        let byPlan = site.assignmentsByPlan(of: unit.id).map { group -> (plan: Plan, tasks: [(index: Int, roles: Set<UnitRole>)]) in
            var roles: [TaskNumber: Set<UnitRole>] = [:]
            for assignment in group.assignments { roles[assignment.task, default: []].insert(assignment.role) }
            let tasks = group.plan.tasks.indices.compactMap { index in roles[group.plan.tasks[index].number].map { (index, $0) } }
            return (group.plan, tasks)
        }
        var roles: [TemplateObject] = []
        for role in UnitRole.allCases {
            let count = assignments.count { $0.role == role }
            guard count > 0 else { continue }
            var plans: [TemplateObject] = []
            for (plan, tasks) in byPlan {
                let mine = tasks.filter { $0.roles.contains(role) }.map(\.index)
                guard !mine.isEmpty else { continue }
                plans.append([
                    .plan_href: .text(page.href(.plan(plan.id))),
                    .plan_title_html: .html(page.inline(plan.title)),
                    .tasks: .objects(mine.map { index in
                        let number = plan.tasks[index].number
                        return [.no: .text(number.rawValue), .href: .text(page.href(.task(plan.id, number))),
                                .title_html: .html(page.inline(plan.tasks[index].title)),
                                .status: page.statusBadge(site.progress(plan.id, number))]
                    }),
                ])
            }
            roles.append([.anchor: .text(role.rawValue), .title: .text(page.t("role_\(role.rawValue)")),
                          .count: .number(count), .plans: .objects(plans)])
        }
        view[.roles] = .objects(roles)
        view[.has_roles] = .bool(!roles.isEmpty)
        view[.summary] = .objects(UnitRole.allCases.map { role in
            [.title: .text(page.t("role_\(role.rawValue)")), .count: .number(assignments.count { $0.role == role })]
        })
        // The scorecard: the unit's tasks (each once, whatever its roles) by status, per plan and overall.
        var total = StatusCounts()
        var scorecard: [TemplateObject] = []
        for (plan, entries) in byPlan {
            var counts = StatusCounts()
            for entry in entries {
                if let p = site.progress(plan.id, plan.tasks[entry.index].number) { counts.add(p); total.add(p) }
            }
            var row = page.countsRow(counts, name: page.plain(plan.title))
            row[.name_html] = .html(page.inline(plan.title))
            row[.href] = .text(page.href(.progress(plan.id)))
            scorecard.append(row)
        }
        view[.scorecard] = .objects(scorecard)
        view[.has_scorecard] = .bool(!scorecard.isEmpty)
        view[.scorecard_total] = .object(page.countsRow(total, name: page.t("unit_scorecard_all")))
        view[.scorecard_figures] = page.countFigures(total)
        view[.as_of] = .text(page.asOfText)
        view[.scorecard_intro] = .text(page.sentences(page.t("unit_scorecard_intro"), page.asOfText))
        let issued = site.plans.filter { $0.issuer?.id == unit.id }
        view[.issued_plans] = .objects(issued.map { page.planSummary($0) })
        view[.has_issued_plans] = .bool(!issued.isEmpty)
        return page.layout("unit", title: page.plain(unit.name),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("units_title"), .units),
                                         (page.plain(unit.name), nil)],
                           page: view)
    }
}
