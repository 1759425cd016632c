import SiteModel

/// `/plans/`: every plan, newest first.
enum PlanListPage {
    static func view(_ context: RenderContext, _ language: Language) -> PageView {
        var page = PageBuilder(context, PageAddress(.plans, language))
        let view: TemplateObject = [
            .item_level: .number(2),
            .plans: .objects(context.site.plans.map { page.planSummary($0) }),
            .has_plans: .bool(!context.site.plans.isEmpty),
        ]
        return page.layout("plans", title: page.t("plans_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("plans_title"), nil)],
                           page: view)
    }
}
