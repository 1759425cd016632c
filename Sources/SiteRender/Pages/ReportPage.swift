import SiteModel

/// `/report/`: how to report a hazard. The emergency numbers first, then the
/// hotlines and channels from site.yaml (numbers as `tel:` links), then the
/// guide's text from `pages/report.md` (what counts as a major hazard, what to
/// say, what happens next, confidentiality and rewards).
enum ReportPage {
    static let emergencyNumbers = [("119", "emergency_fire"), ("110", "emergency_police"), ("120", "emergency_ambulance")]

    static func view(_ context: RenderContext, _ language: Language) -> [String: Any] {
        var page = PageBuilder(context, PageAddress(.report, language))
        let site = context.site.site
        var view: [String: Any] = [:]
        view["emergency"] = emergencyNumbers.map { number, key -> [String: Any] in
            ["number": number, "dial": number, "label": page.t(key)]
        }
        view["hotline_cards"] = site.hotlines.map { hotline -> [String: Any] in
            ["number": hotline.number, "dial": hotline.dialString, "name_html": page.inline(hotline.name),
             "use_html": hotline.use.map { page.inline($0) as Any } ?? false,
             "hours_html": hotline.hours.map { page.inline($0) as Any } ?? false]
        }
        view["channels"] = site.channels.map { channel -> [String: Any] in
            ["name_html": page.inline(channel.name), "how_html": channel.how.map { page.inline($0) as Any } ?? false]
        }
        view["has_channels"] = !site.channels.isEmpty
        if let guide = context.site.page("report") {
            view.merge(page.articleBody(guide)) { _, new in new }
            view["has_guide"] = true
            if let date = guide.date {
                view["date"] = page.date(date)
                view["date_iso"] = date.description
            }
        } else {
            view["has_guide"] = false
        }
        view["hazards_href"] = context.site.hazards.isEmpty ? false : page.href(.hazards)
        let guide = context.site.page("report")
        let metadata = ArticleMetadata(title: page.t("report_title"), date: guide?.date,
                                       source: site.identity.sponsor.map { page.plain($0) })
        return page.layout(title: page.t("report_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("report_title"), nil)],
                           article: metadata, page: view)
    }
}
