import SiteModel

/// What the layout shows alike on every page of one language — the interface strings, the
/// site's title, hotlines, publisher and footer, the navigation's titles — made once per
/// language rather than once per page (these were most of the layout's time at 20,000 pages).
/// None of it depends on where the page is; what does (links, the current entry) is made per page.
struct LayoutParts: Sendable {
    /// The layout's fields that are the same on every page of the language.
    let values: TemplateObject
    /// Each navigation entry's title, in `RenderContext.navItems`' order.
    let navigationTitles: [String]
    /// The site's name as the page metadata gives it (`SiteName`).
    let siteName: String
    /// Each task status's name (`TaskStatus.allCases`' order): counts and badges name them on
    /// most pages, several times each.
    let statusLabels: [String]

    func statusLabel(_ status: TaskStatus) -> String? {
        TaskStatus.allCases.firstIndex(of: status).flatMap { $0 < statusLabels.count ? statusLabels[$0] : nil }
    }

    init(_ page: PageBuilder) {
        let site = page.site.site
        let identity = page.footerIdentity()
        let language = page.language
        values = [
            .lang: .text(language.tag),
            .lang_code: .text(language.rawValue),
            .is_en: .bool(language == .en),
            .t: page.context.theme.stringsValue(in: language),
            .site_title: .text(page.plain(site.title)),
            .hotlines: .objects(site.hotlines.map { hotline in
                [.number: .text(hotline.number), .dial: .text(hotline.dialString), .name: .text(page.plain(hotline.name))]
            }),
            .has_hotlines: .bool(!site.hotlines.isEmpty),
            .sample: .bool(page.site.isSample),
            .publisher: .text(page.plain(site.publisher ?? site.title)),
            .identity: .objects(identity.rows),
            .has_identity: .bool(!identity.rows.isEmpty),
            .filings: .objects(identity.filings),
            .has_filings: .bool(!identity.filings.isEmpty),
            .tool_credit: .bool(site.identity.showsToolCredit),
        ]
        navigationTitles = page.context.navItems.map { page.plain($0.title) }
        siteName = page.plain(site.title)
        statusLabels = TaskStatus.allCases.map { page.t("task_status_\($0.rawValue)") }
    }
}
