import Foundation
import SiteModel
import SiteRender

/// The last good build of the preview: its render context, the pages by
/// output path (rendered when first asked for), the not-found page, assets and
/// attachments; the sitemap, feeds and open data are made when first asked for.
public struct PreviewSite: Sendable {
    var context: RenderContext
    var pages: [String: PageAddress]
    var support: [String: Data]
    /// The translation-status pages, which list what every English page shows in Chinese.
    var statusPages: Set<String>
    /// The pages that are not a plan's (plan, progress, task) or a unit's: the few that sum up the
    /// site, notices, free pages. Which pages a change touches is found among these and the
    /// pages of the plans and units it names, not by going through every page.
    var sitewide: [String]

    init(context: RenderContext, pages: [String: PageAddress], support: [String: Data], statusPages: Set<String>,
         sitewide: [String]? = nil) {
        self.context = context
        self.pages = pages
        self.support = support
        self.statusPages = statusPages
        self.sitewide = sitewide ?? pages.compactMap { path, address in Self.isSitewide(address.route) ? path : nil }.sorted()
    }

    static func isSitewide(_ route: PageRoute) -> Bool {
        switch route {
        case .plan, .progress, .task, .unit: false
        default: true
        }
    }

    /// The paths of the pages that may differ after the change `dependencies` describes: those of
    /// `pages` whose route `dependencies.isAffected` names (every page for a change of everything).
    func affectedPaths(_ dependencies: PageDependencies) -> [String] {
        guard !dependencies.changes.everything else { return Array(pages.keys) }
        guard !dependencies.changes.isEmpty else { return [] }
        // A changed unit touches every unit's page (and notices, to stay on the safe side): all pages are looked at.
        guard dependencies.changes.units.isEmpty else {
            return pages.compactMap { path, address in dependencies.isAffected(address.route) ? path : nil }
        }
        var routes: [PageRoute] = []
        for id in dependencies.plans.sorted() {
            routes += context.site.plan(id).map(SiteRenderer.routes(of:)) ?? []
        }
        routes += dependencies.units.sorted().map { .unit($0) }
        var paths = sitewide.filter { path in pages[path].map { dependencies.isAffected($0.route) } ?? false }
        for route in routes where dependencies.isAffected(route) {
            for language in context.languages {
                let path = PageAddress(route, language).outputPath
                if pages[path] != nil { paths.append(path) }
            }
        }
        return paths
    }
}
