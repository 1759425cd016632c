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
    /// Each task status's name: counts and badges name them on most pages, several times each.
    let statusLabels: [TaskStatus: String]

    init(_ page: PageBuilder) {
        let site = page.site.site
        let identity = page.footerIdentity()
        let language = page.language
        siteName = page.plain(site.title)
        values = [
            .lang: .text(language.tag),
            .lang_code: .text(language.rawValue),
            .is_en: .bool(language == .en),
            .t: page.context.theme.stringsValue(in: language),
            .site_title: .text(siteName),
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
        statusLabels = Dictionary(uniqueKeysWithValues: TaskStatus.allCases.map { ($0, page.t("task_status_\($0.rawValue)")) })
    }
}
