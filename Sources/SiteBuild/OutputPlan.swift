import SiteModel
import SiteRender

/// Every file of a site, planned before any page is rendered: the pages (each a function of the
/// render context and its address), the translation-status pages (made last, from what the
/// others show in Chinese), the support files (the not-found page, assets, attachments, sitemap,
/// feeds, open data) and the search index's files. A build stages exactly `paths`, the link check
/// resolves every link against them, and the preview serves them.
public struct OutputPlan: Sendable {
    public var pages: [PageAddress]
    public var statusPages: [String]
    public var support: [OutputFile]
    /// The search index, which takes each page as it is rendered; nil without one.
    public var search: SearchIndex?

    /// `support`: nil makes them. `searchIndex`: the index's files are planned (and their
    /// index made as pages come) — a build's option; a check plans them so that the search
    /// page's links resolve as in a build.
    public init(_ context: RenderContext, support: [OutputFile]? = nil, searchIndex: Bool) {
        pages = SiteRenderer.pageAddresses(context)
        statusPages = SiteRenderer.allRoutes(context.site).contains(.translationStatus)
            ? context.languages.map { PageAddress(.translationStatus, $0).outputPath } : []
        self.support = support ?? SiteRenderer.supportFiles(context)
        search = searchIndex ? SearchIndex(context) : nil
    }

    /// Every output path, pages first (what a build stages and the link check resolves against).
    public var paths: [String] {
        pages.map(\.outputPath) + statusPages + support.map(\.path) + (search?.paths ?? [])
    }
}
