import SiteModel
import SiteRender

extension Build {
    /// `check --inspection`: the inspection's checks on the content at the build date, after
    /// `check`'s own diagnostics (`found`), whose link problems (`check` runs the build's link
    /// check) are its broken-links count.
    static func inspect(content: String, templates: String?, buildDate: Day?, found: Diagnostics) -> SiteInspection.Report? {
        let (site, _) = ContentPipeline.run(contentRoot: content, buildDate: buildDate, today: Build.today())
        let (theme, _) = loadTheme(content: content, templates: templates)
        guard let site, let theme else { return nil }
        let links = found.items.count { SiteInspection.linkCodes.contains($0.kind) }
        return SiteInspection.run(RenderContext(site: site, theme: theme), linkProblems: links)
    }
}
