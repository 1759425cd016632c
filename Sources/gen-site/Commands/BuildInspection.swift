import SiteModel
import SiteRender

extension Build {
    /// Whether `check` runs the build's link check (issue 16): its broken links are then counted
    /// by `check --inspection`. Until it does, the inspection's summary says the links were not
    /// checked and points to `make audit`. The hook: set this to true once Build.check reports
    /// `SiteInspection.linkCodes`.
    static let checksLinks = false

    /// `check --inspection`: the inspection's checks on the content at the build date, after
    /// `check`'s own diagnostics (`found`), whose link problems it counts.
    static func inspect(content: String, templates: String?, buildDate: Day?, found: Diagnostics) -> SiteInspection.Report? {
        let (site, _) = ContentPipeline.run(contentRoot: content, buildDate: buildDate, today: Build.today())
        let (theme, _) = loadTheme(content: content, templates: templates)
        guard let site, let theme else { return nil }
        let links = checksLinks ? found.items.count { SiteInspection.linkCodes.contains($0.code) } : nil
        return SiteInspection.run(RenderContext(site: site, theme: theme), linkProblems: links)
    }
}
