import SiteModel

/// `/notices/` (and `/notices/page/<n>/`): notices newest first, ten to a page.
enum NoticeListPage {
    static let perPage = 10

    static func pageCount(_ site: ResolvedSite) -> Int {
        max(1, (site.notices.count + perPage - 1) / perPage)
    }

    static func view(_ context: RenderContext, pageNumber: Int, _ language: Language) -> PageView {
        var page = PageBuilder(context, PageAddress(.notices(pageNumber), language))
        let notices = context.site.notices
        let count = pageCount(context.site)
        let slice = notices.dropFirst((pageNumber - 1) * perPage).prefix(perPage)
        var view = TemplateObject()
        view[.notices] = .objects(slice.map { notice in
            [.href: .text(page.href(.notice(notice.slug))), .title_html: .html(page.inline(notice.title)),
             .date: .text(page.date(notice.date)), .date_iso: .text(notice.date?.description ?? ""),
             .summary_html: notice.summary.map { .html(page.inline($0)) }]
        })
        view[.has_notices] = .bool(!notices.isEmpty)
        view[.has_pagination] = .bool(count > 1)
        if count > 1 {
            view[.pagination] = .objects((1...count).map { number in
                [.number: .number(number), .href: .text(page.href(.notices(number))), .is_current: .bool(number == pageNumber)]
            })
            view[.previous_href] = pageNumber > 1 ? .text(page.href(.notices(pageNumber - 1))) : nil
            view[.next_href] = pageNumber < count ? .text(page.href(.notices(pageNumber + 1))) : nil
        }
        view[.feed_href] = .text(page.link(to: PageAddress.prefix(language) + "feed.xml"))
        let title = pageNumber > 1 ? "\(page.t("notices_title"))\(page.t("paren_open"))\(page.t("page_number").replacingOccurrences(of: "{n}", with: String(pageNumber)))\(page.t("paren_close"))" : page.t("notices_title")
        return page.layout("notices", title: title,
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("notices_title"), nil)], page: view)
    }
}
