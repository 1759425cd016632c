/// load → validate → resolve, declared in the order they run. Rendering and
/// writing follow in SiteRender.
public enum ContentPipeline {
    /// The day statuses are computed at is `buildDate` (`--build-date`), else
    /// site.yaml's `build_date`, else `today`, which the command line reads
    /// from the clock (SiteModel never does).
    public static func run(contentRoot: String, buildDate: Day?, today: Day) -> (ResolvedSite?, Diagnostics) {
        var diagnostics = Diagnostics()
        let (loaded, loadDiagnostics) = ContentReader(root: contentRoot).load()
        diagnostics.append(contentsOf: loadDiagnostics)
        let (content, validateDiagnostics) = ContentValidator.validate(loaded)
        diagnostics.append(contentsOf: validateDiagnostics)
        guard let content else { return (nil, diagnostics) }
        let (site, resolveDiagnostics) = Resolver.resolve(content, buildDate: buildDate ?? content.site.buildDate ?? today)
        diagnostics.append(contentsOf: resolveDiagnostics)
        return (site, diagnostics)
    }
}
