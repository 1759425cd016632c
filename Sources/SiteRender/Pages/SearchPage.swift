import SiteModel

/// `/search/`: full-text search over the index beside it (`index/`, made by
/// `SearchIndex` from the pages as they are rendered; docs/search.md). Search
/// needs JavaScript; without it the page says so and links the plan and unit lists.
enum SearchPage {
    static func view(_ context: RenderContext, _ language: Language) -> [String: Any] {
        let page = PageBuilder(context, PageAddress(.search, language))
        var view: [String: Any] = [:]
        view["plans_href"] = page.href(.plans)
        view["units_href"] = page.href(.units)
        view["search_index"] = context.options.searchIndex ? "index/manifest.js" : ""
        view["search_script"] = page.address.rootPrefix + "assets/search.js"
        return page.layout(title: page.t("search_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("search_title"), nil)], page: view)
    }
}
