import SiteModel

/// `/search/`: full-text search over the index beside it (`index/`, made by
/// `SearchIndex` from the pages as they are rendered; docs/search.md). Search
/// needs JavaScript; without it the page says so and links the plan and unit lists.
enum SearchPage {
    static func view(_ context: RenderContext, _ language: Language) -> PageView {
        let page = PageBuilder(context, PageAddress(.search, language))
        let view: TemplateObject = [
            .plans_href: .text(page.href(.plans)),
            .units_href: .text(page.href(.units)),
            .search_index: .text(context.options.searchIndex ? "index/manifest.js" : ""),
            .search_script: .text(page.address.rootPrefix + "assets/search.js"),
        ]
        return page.layout("search", title: page.t("search_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("search_title"), nil)], page: view)
    }
}
