import SiteModel

/// `/report/`: how to report a hazard. The emergency numbers first, then the
/// hotlines and channels from site.yaml (numbers as `tel:` links), then the
/// guide's text from `pages/report.md` (what counts as a major hazard, what to
/// say, what happens next, confidentiality and rewards).
enum ReportPage {
    static let emergencyNumbers = [("119", "emergency_fire"), ("110", "emergency_police"), ("120", "emergency_ambulance")]

    static func view(_ context: RenderContext, _ language: Language) -> PageView {
        var page = PageBuilder(context, PageAddress(.report, language))
        let site = context.site.site
        var view = TemplateObject()
        view[.emergency] = .objects(emergencyNumbers.map { number, key in
            [.number: .text(number), .dial: .text(number), .label: .text(page.t(key))]
        })
        view[.hotline_cards] = .objects(site.hotlines.map { hotline in
            [.number: .text(hotline.number), .dial: .text(hotline.dialString), .name_html: .html(page.inline(hotline.name)),
             .use_html: hotline.use.map { .html(page.inline($0)) },
             .hours_html: hotline.hours.map { .html(page.inline($0)) }]
        })
        view[.channels] = .objects(site.channels.map { channel in
            [.name_html: .html(page.inline(channel.name)), .how_html: channel.how.map { .html(page.inline($0)) }]
        })
        view[.has_channels] = .bool(!site.channels.isEmpty)
        if let guide = context.site.page("report") {
            view = view.merging(page.articleBody(guide))
            view[.has_guide] = .bool(true)
            if let date = guide.date {
                view[.date] = .text(page.date(date))
                view[.date_iso] = .text(date.description)
            }
        } else {
            view[.has_guide] = .bool(false)
        }
        view[.hazards_href] = context.site.hazards.isEmpty ? nil : .text(page.href(.hazards))
        let guide = context.site.page("report")
        let metadata = ArticleMetadata(title: page.t("report_title"), date: guide?.date,
                                       source: site.identity.sponsor.map { page.plain($0) })
        return page.layout("report", title: page.t("report_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("report_title"), nil)],
                           article: metadata, page: view)
    }
}
