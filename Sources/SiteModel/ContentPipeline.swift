/// load → validate → resolve, declared in the order they run. Rendering and
/// writing follow in SiteRender.
public enum ContentPipeline {
    public static func run(contentRoot: String) -> (ResolvedSite?, Diagnostics) {
        var diagnostics = Diagnostics()
        let (loaded, loadDiagnostics) = ContentReader(root: contentRoot).load()
        diagnostics.append(contentsOf: loadDiagnostics)
        let (content, validateDiagnostics) = ContentValidator.validate(loaded)
        diagnostics.append(contentsOf: validateDiagnostics)
        guard let content else { return (nil, diagnostics) }
        let (site, resolveDiagnostics) = Resolver.resolve(content)
        diagnostics.append(contentsOf: resolveDiagnostics)
        return (site, diagnostics)
    }
}
