import SiteModel

/// `/plans/`: every plan, newest first.
enum PlanListPage {
    static func view(_ context: RenderContext, _ language: Language) -> [String: Any] {
        var page = PageBuilder(context, PageAddress(.plans, language))
        var view: [String: Any] = [:]
        view["item_level"] = 2
        view["plans"] = context.site.plans.map { page.planSummary($0) }
        view["has_plans"] = !context.site.plans.isEmpty
        return page.layout(title: page.t("plans_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("plans_title"), nil)],
                           page: view)
    }
}
