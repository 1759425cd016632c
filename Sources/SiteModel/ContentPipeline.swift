/// load → validate → resolve, declared in the order they run. Rendering and
/// writing follow in SiteRender.
public enum ContentPipeline {
    /// The day statuses are computed at is `buildDate` (`--build-date`), else
    /// site.yaml's `build_date`, else `today`, which the command line reads
    /// from the clock (SiteModel never does).
    /// Drafts (`draft: true` in a plan's, notice's or page's front matter) are
    /// validated but left out unless `drafts` is true (`--drafts`).
    public static func run(contentRoot: String, buildDate: Day?, today: Day, drafts: Bool = false) -> (ResolvedSite?, Diagnostics) {
        var diagnostics = Diagnostics()
        let (loaded, loadDiagnostics) = ContentReader(root: contentRoot).load()
        diagnostics.append(contentsOf: loadDiagnostics)
        let (content, validateDiagnostics) = ContentValidator.validate(loaded)
        diagnostics.append(contentsOf: validateDiagnostics)
        guard var content else { return (nil, diagnostics) }
        if !drafts {
            content.plans.removeAll { $0.isDraft }
            content.articles.removeAll { $0.isDraft }
        }
        let (site, resolveDiagnostics) = Resolver.resolve(content, buildDate: buildDate ?? content.site.buildDate ?? today)
        diagnostics.append(contentsOf: resolveDiagnostics)
        return (site, diagnostics)
    }
}
