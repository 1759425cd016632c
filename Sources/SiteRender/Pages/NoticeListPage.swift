import SiteModel

/// `/notices/` (and `/notices/page/<n>/`): notices newest first, ten to a page.
enum NoticeListPage {
    static let perPage = 10

    static func pageCount(_ site: ResolvedSite) -> Int {
        max(1, (site.notices.count + perPage - 1) / perPage)
    }

    static func view(_ context: RenderContext, pageNumber: Int, _ language: Language) -> [String: Any] {
        var page = PageBuilder(context, PageAddress(.notices(pageNumber), language))
        let notices = context.site.notices
        let count = pageCount(context.site)
        let slice = notices.dropFirst((pageNumber - 1) * perPage).prefix(perPage)
        var view: [String: Any] = [:]
        view["notices"] = slice.map { notice -> [String: Any] in
            ["href": page.href(.notice(notice.slug)), "title_html": page.inline(notice.title),
             "date": page.date(notice.date), "date_iso": notice.date?.description ?? "",
             "summary_html": notice.summary.map { page.inline($0) as Any } ?? false]
        }
        view["has_notices"] = !notices.isEmpty
        view["has_pagination"] = count > 1
        if count > 1 {
            view["pagination"] = (1...count).map { number -> [String: Any] in
                ["number": number, "href": page.href(.notices(number)), "is_current": number == pageNumber]
            }
            view["previous_href"] = pageNumber > 1 ? page.href(.notices(pageNumber - 1)) : false
            view["next_href"] = pageNumber < count ? page.href(.notices(pageNumber + 1)) : false
        }
        view["feed_href"] = page.address.href(to: PageAddress.prefix(language) + "feed.xml")
        let title = pageNumber > 1 ? "\(page.t("notices_title"))\(page.t("paren_open"))\(page.t("page_number").replacingOccurrences(of: "{n}", with: String(pageNumber)))\(page.t("paren_close"))" : page.t("notices_title")
        return page.layout(title: title,
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("notices_title"), nil)], page: view)
    }
}
