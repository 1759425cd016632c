import SiteModel

/// Builds the view of one page in one language: the layout's values, links
/// relative to the page, text in the page's language with fallbacks marked.
/// Each page gets its own builder; nothing is shared between pages.
struct PageBuilder {
    /// The context, held by reference: a builder is copied into the closures that build a
    /// page's rows, and a copy of the context itself retained each of its parts (a tenth of
    /// the time a task page took).
    private let shared: Shared
    let address: PageAddress
    /// `address.path`, made once: every link on the page is made relative to it.
    let path: String
    /// True once any text on the page was shown in the other language.
    private(set) var hasFallback = false
    /// The links the page's texts write and the problems of its Markdown fragments.
    private(set) var sources = PageSources()

    private final class Shared: Sendable {
        let context: RenderContext
        init(_ context: RenderContext) { self.context = context }
    }

    init(_ context: RenderContext, _ address: PageAddress) {
        self.shared = Shared(context)
        self.address = address
        self.path = address.path
    }

    /// Read in place (`_read`): a getter would copy the context, and `site` the whole resolved
    /// site, at every use (retaining each of their parts; a twentieth of a task page's time).
    var context: RenderContext { _read { yield shared.context } }

    var language: Language { address.language }

    /// Records that some of the page is shown in the other language.
    mutating func markFallback() { hasFallback = true }
    var site: ResolvedSite { _read { yield shared.context.site } }
    var strings: StringTable { _read { yield shared.context.theme.strings } }

    func t(_ key: String) -> String { strings[key, language] }

    func href(_ route: PageRoute) -> String {
        link(to: PageAddress(route, language).path)
    }

    /// The relative link from this page to a site-relative path (`PageAddress.href(to:)`).
    func link(to sitePath: String) -> String {
        PageAddress.relative(from: path, to: sitePath)
    }

    func absoluteURL(_ address: PageAddress) -> String { context.baseURL + address.path }

    // MARK: - Text

    /// Text in the page's language; Chinese shown on an English page is marked
    /// with its language so that readers and screen readers know.
    mutating func inline(_ text: BilingualText?) -> TrustedHTML {
        guard let text else { return TrustedHTML("") }
        let localized = text.localized(language)
        if localized.isFallback { hasFallback = true }
        if localized.language != language {
            return TrustedHTML("<span lang=\"\(localized.language.tag)\">\(escapeHTML(localized.text))</span>")
        }
        return TrustedHTML(text: localized.text)
    }

    /// Text for attributes and titles, where no markup can go.
    func plain(_ text: BilingualText?) -> String {
        text?.localized(language).text ?? ""
    }

    /// Markdown text of YAML (a task's requirements or remarks, a cover letter) in the page's
    /// language; `origins` say where each language's text starts, `footnotes` names its
    /// footnotes apart from the page's other texts'.
    mutating func markdown(_ text: BilingualText?, origins: TextOrigins, footnotes: String) -> TrustedHTML {
        guard let text else { return TrustedHTML("") }
        let localized = text.localized(language)
        if localized.isFallback { hasFallback = true }
        let origin = origins[localized.language] ?? TextOrigin(file: "", line: 1, layout: .start)
        let rendered = context.markdown.render(localized.text, origin: origin, footnotes: footnoteNames(footnotes))
        record(rendered)
        if localized.language != language {
            return TrustedHTML("<div lang=\"\(localized.language.tag)\">\(rendered.html.html)</div>")
        }
        return rendered.html
    }

    /// A file's body (a plan's text, a notice's), rendered and recorded.
    mutating func body(_ source: MarkdownSource) -> RenderedMarkdown {
        let rendered = context.markdown.render(source, footnotes: footnoteNames(""))
        record(rendered)
        return rendered
    }

    /// Footnote ids with `prefix`, the back link labelled in the page's language.
    func footnoteNames(_ prefix: String) -> FootnoteNames {
        FootnoteNames(prefix: prefix, backLabel: t("footnote_back"))
    }

    /// Keeps a rendered text's links for the link check, and its problems for the report.
    mutating func record(_ rendered: RenderedMarkdown) {
        sources.links += rendered.links
        sources.diagnostics += rendered.diagnostics
    }

    func date(_ day: Day?) -> String {
        guard let day else { return "" }
        switch language {
        case .zh: return "\(day.year)年\(day.month)月\(day.day)日"
        case .en:
            let months = ["January", "February", "March", "April", "May", "June", "July",
                          "August", "September", "October", "November", "December"]
            return "\(day.day) \(months[day.month - 1]) \(day.year)"
        }
    }

    func period(_ period: Period?) -> String {
        guard let period else { return "" }
        return language == .zh ? "\(date(period.start))至\(date(period.end))" : "\(date(period.start)) to \(date(period.end))"
    }

    func fileSize(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let kb = (bytes * 10 + 512) / 1024
        if kb < 10240 { return "\(kb / 10).\(kb % 10) KB" }
        let mb = (bytes / 1024 * 10 + 512) / 1024
        return "\(mb / 10).\(mb % 10) MB"
    }

    /// A list of units as links to their pages, in the plan's short forms.
    mutating func unitLinks(_ refs: [UnitReference], short: Bool = true) -> TrustedHTML {
        let separator = language == .zh ? "、" : ", "
        let links = refs.compactMap { ref -> String? in
            guard let id = ref.id, let unit = site.unit(id) else { return nil }
            let name = inline(short ? unit.displayName : unit.name).html
            return "<a class=\"unit\" href=\"\(escapeHTML(href(.unit(id))))\">\(name)</a>"
        }
        return TrustedHTML(links.joined(separator: separator))
    }

    mutating func names(_ texts: [BilingualText]) -> TrustedHTML {
        let separator = language == .zh ? "、" : ", "
        // Each name whole: a line breaks between names, never inside one (姜爱锋, not 姜爱/锋).
        return TrustedHTML(texts.map { "<span class=\"person\">\(inline($0).html)</span>" }.joined(separator: separator))
    }

    func statusLabel(_ status: Plan.Status) -> String { t("status_\(status.rawValue)") }

    // MARK: - Layout

    /// The page rendered by `template`: the layout's values merged under the page's own view,
    /// with what the page took from content (its texts' and the navigation's links, its
    /// Markdown's problems).
    func layout(_ template: String, title: String, description: String? = nil, breadcrumbs: [(String, PageRoute?)] = [],
                article: ArticleMetadata? = nil, page view: TemplateObject) -> PageView {
        let parts = context.layoutParts(language)
        let summary = description.flatMap { $0.isEmpty ? nil : $0 } ?? plain(site.site.description)
        var values: TemplateObject = [
            .page_title: .text(title),
            .page_meta: pageMetadata(description: summary, article: article, siteName: parts.siteName),
            .root: .text(address.rootPrefix),
            .home: .text(href(.home)),
            .canonical: .text(absoluteURL(address)),
            .alternates: .objects(context.languages.map { lang in
                [.hreflang: .text(lang.tag), .href: .text(absoluteURL(PageAddress(address.route, lang)))]
            } + [[.hreflang: .text("x-default"), .href: .text(absoluteURL(PageAddress(address.route, .zh)))]]),
            .nav: navigation(titles: parts.navigationTitles),
            .breadcrumbs: .objects(breadcrumbs.map { crumb in
                [.title: .text(crumb.0), .href: .text(crumb.1.map { href($0) } ?? ""), .is_current: .bool(crumb.1 == nil)]
            }),
            .has_breadcrumbs: .bool(!breadcrumbs.isEmpty),
            .translation_pending: .bool(hasFallback && language != .zh),
            .data_href: .text(href(.data)),
            .report_href: .text(href(.report)),
            .feed_href: .text(link(to: PageAddress.prefix(language) + "feed.xml")),
        ]
        if let other = context.languages.first(where: { $0 != language }) {
            let otherAddress = PageAddress(address.route, other)
            values[.switch_href] = .text(link(to: otherAddress.path))
            values[.switch_lang] = .text(other.tag)
            values[.switch_label] = .text(strings["language_name", other])
        }
        var sources = self.sources
        sources.links += navigationSources()
        return PageView(template: template, view: parts.values.merging(values).merging(view), sources: sources)
    }

    /// The site.yaml `nav` paths as this page links them, with where each is written.
    func navigationSources() -> [LinkSource] {
        site.site.nav.compactMap { item in
            item.location.map { LinkSource(url: link(to: PageAddress.prefix(language) + item.path), kind: .link, location: $0) }
        }
    }

    /// The main navigation as this page shows it: `titles` are the entries' titles in its language.
    func navigation(titles: [String]) -> TemplateValue {
        let items = context.navItems
        let current = address.route.path
        let prefix = PageAddress.prefix(language)
        return .objects(items.indices.map { index in
            let item = items[index]
            let isCurrent = item.path.isEmpty ? current.isEmpty : current.hasPrefix(item.path)
            return [.title: .text(index < titles.count ? titles[index] : plain(item.title)),
                    .href: .text(link(to: prefix + item.path)),
                    .current: .bool(isCurrent)]
        })
    }

    /// The main navigation's entries (the site's columns): site.yaml's `nav`, else the default ones
    /// for what the site has.
    static func navItems(_ site: ResolvedSite, _ strings: StringTable) -> [NavItem] {
        func item(_ key: String, _ path: String) -> NavItem {
            NavItem(title: BilingualText(zh: strings[key, .zh], en: strings[key, .en]), path: path)
        }
        var defaults = [item("nav_home", ""), item("nav_plans", "plans/"), item("nav_units", "units/")]
        if site.statistics != nil { defaults.append(item("nav_statistics", "statistics/")) }
        if !site.hazards.isEmpty { defaults.append(item("nav_hazards", "hazards/")) }
        if !site.notices.isEmpty { defaults.append(item("nav_notices", "notices/")) }
        defaults.append(item("nav_report", "report/"))
        defaults.append(item("nav_search", "search/"))
        return site.site.nav.isEmpty ? defaults : site.site.nav
    }
}
