import SiteModel

/// Options of one build that reach the pages.
public struct BuildOptions: Sendable {
    /// Overrides site.yaml's base_url (`--base-url`).
    public var baseURL: String?
    /// Whether the search index (`search/index/`) is written: without one the
    /// search page says so instead of asking for files that do not exist.
    public var searchIndex: Bool

    public init(baseURL: String? = nil, searchIndex: Bool = false) {
        self.baseURL = baseURL
        self.searchIndex = searchIndex
    }
}

/// Everything a page is rendered from. Immutable and shared by all pages, so
/// pages can be rendered in any order and in parallel.
public struct RenderContext: Sendable {
    public let site: ResolvedSite
    public let theme: Theme
    public let options: BuildOptions
    public let markdown: MarkdownRenderer
    /// What every page shows alike, made once: the site's address and its host, and the main
    /// navigation's entries (each page links them from where it is).
    public let baseURL: String
    let siteDomain: String?
    let navItems: [NavItem]
    /// What the layout shows alike on every page, by language (`Language.allCases`' order).
    private(set) var layoutParts: [LayoutParts] = []

    /// Ids the templates use; headings in texts must not take them.
    public static let templateAnchors: Set<String> = [
        "main", "toc", "text", "tasks", "attachments", "meta", "cover-letter", "large-text", "hotlines",
        "plans", "units", "lead", "responsible", "cooperating", "requirements", "milestones", "issued", "top",
        "progress", "history", "scorecard", "attention", "by-group", "by-unit", "indicators", "reports", "all-tasks",
        "figures", "open", "closed", "current-plans", "other-plans",
        "ytd", "by-year", "by-category", "by-region", "downloads", "accidents", "chart-trend", "chart-category", "latest-notices", "emergency", "channels", "pending",
        "revisions",
    ]

    public init(site: ResolvedSite, theme: Theme, options: BuildOptions = BuildOptions()) {
        self.site = site
        self.theme = theme
        self.options = options
        self.markdown = MarkdownRenderer(reservedAnchors: Self.templateAnchors)
        var url = options.baseURL ?? site.site.baseURL
        if options.baseURL != nil && !url.hasSuffix("/") { url += "/" }
        self.baseURL = url
        self.siteDomain = PageBuilder.domain(of: url)
        self.navItems = PageBuilder.navItems(site, theme.strings)
        self.layoutParts = Language.allCases.map { LayoutParts(PageBuilder(self, PageAddress(.home, $0))) }
    }

    /// The parts made for `language` (made here, for a language not made beforehand).
    func layoutParts(_ language: Language) -> LayoutParts {
        guard let index = Language.allCases.firstIndex(of: language), index < layoutParts.count else {
            return LayoutParts(PageBuilder(self, PageAddress(.home, language)))
        }
        return layoutParts[index]
    }

    public var languages: [Language] { site.site.languages }
}
