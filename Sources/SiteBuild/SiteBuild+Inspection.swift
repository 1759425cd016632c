import SiteModel
import SiteRender

extension SiteBuild {
    /// `check --inspection`: the inspection's checks on the published site (drafts left out) at
    /// the build date, after `check`'s own diagnostics (`found`), whose link problems (`check`
    /// runs the build's link check) are its broken-links count. Nil when the site cannot be loaded.
    public func inspect(found: Diagnostics) -> SiteInspection.Report? {
        var published = self
        published.drafts = false
        guard let context = published.load().context else { return nil }
        let links = found.items.count { SiteInspection.linkCodes.contains($0.kind) }
        return SiteInspection.run(context, linkProblems: links)
    }
}
