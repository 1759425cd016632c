import Foundation
import SiteModel
import SiteRender

extension SiteBuild {
    /// `gen-site check`: every problem a build would find, drafts included, nothing written. The
    /// pages are rendered and their links checked even when the content has errors — one run shows
    /// every problem (a link to a plan withheld for its errors says so) — each page dropped as it is
    /// checked. `external`: also ask every http(s) link to another site whether it answers.
    public func check(external: ExternalLinkCheck? = nil) -> Diagnostics {
        var everything = self
        everything.drafts = true
        let (loaded, found) = everything.load()
        var diagnostics = found
        guard let context = loaded else { return diagnostics }
        if let tooMany = SiteRenderer.pageLimit(context) {
            diagnostics.append(tooMany)
            return diagnostics
        }
        let plan = OutputPlan(context, searchIndex: true)
        let links = LinkCheck(context, paths: plan.paths, collectsExternal: external != nil)
        links.add(supportFiles: plan.support)
        diagnostics.append(contentsOf: SiteRenderer.renderStreaming(context, parallel: parallel, links: links) { _ in })
        diagnostics.append(contentsOf: links.finish())
        if let external { diagnostics.append(contentsOf: external.check(links.externalLinks).diagnostics) }
        return diagnostics
    }

    /// The English pages showing Chinese text, as the translation-status page lists them.
    public func translationPending() -> [PageRoute] {
        guard let context = load().context else { return [] }
        return SiteRenderer.translationPending(context)
    }
}
