import SiteModel

/// `/search/`: full-text search with Pagefind's index (built after the pages
/// by `gen-site build` when Pagefind is installed). Search needs JavaScript;
/// without it the page says so and links the plan and unit lists.
enum SearchPage {
    static func view(_ context: RenderContext, _ language: Language) -> [String: Any] {
        let page = PageBuilder(context, PageAddress(.search, language))
        var view: [String: Any] = [:]
        view["plans_href"] = page.href(.plans)
        view["units_href"] = page.href(.units)
        view["pagefind_path"] = context.options.searchIndex ? page.address.rootPrefix + "pagefind/pagefind.js" : ""
        view["search_script"] = page.address.rootPrefix + "assets/search.js"
        view["is_search"] = true
        return page.layout(title: page.t("search_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("search_title"), nil)], page: view)
    }
}
