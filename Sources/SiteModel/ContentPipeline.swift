/// load → validate → resolve, declared in the order they run. Rendering and
/// writing follow in SiteRender.
public enum ContentPipeline {
    /// The day statuses are computed at is `buildDate` (`--build-date`), else
    /// site.yaml's `build_date`, else `today`, which the command line reads
    /// from the clock (SiteModel never does).
    /// Drafts (`draft: true` in a plan's, notice's or page's front matter) are
    /// validated but left out unless `drafts` is true (`--drafts`).
    public static func run(contentRoot: String, buildDate: Day?, today: Day, drafts: Bool = false) -> (ResolvedSite?, Diagnostics) {
        let (site, diagnostics, _) = run(contentRoot: contentRoot, buildDate: buildDate, today: today, drafts: drafts, reusing: DecodeCache())
        return (site, diagnostics)
    }

    /// As above, reusing what `cache` decoded from files that have not changed since
    /// (the preview's rebuild on save); returns the cache for the next run.
    /// `unchanged(path)` says a file (relative path) has not changed since the run that made
    /// `cache`: it is then not read again. `written`, when the caller knows it: the files (relative
    /// paths) written since that run, every other file, folder and link being as it was — then
    /// only those are read, and the rest of the load is the cache's. `stage` is called after each
    /// stage with its name (the preview times them). `walked`: the content folder's link problems,
    /// when the caller has just walked it by FolderWalker's rule (its templates/ left out).
    public static func run(contentRoot: String, buildDate: Day?, today: Day, drafts: Bool = false,
                           reusing cache: DecodeCache, unchanged: @escaping @Sendable (String) -> Bool = { _ in false },
                           written: Set<String>? = nil, walked: [FolderWalker.Problem]? = nil,
                           stage: (String) -> Void = { _ in }) -> (ResolvedSite?, Diagnostics, DecodeCache) {
        var diagnostics = Diagnostics()
        let reread = cache.load.flatMap { last in
            written.flatMap { last.content.root == contentRoot ? last.content.rereading($0) : nil }.map { ($0, last.diagnostics) }
        }
        let (loaded, loadDiagnostics) = reread
            ?? ContentReader(root: contentRoot, reusing: cache.files, unchanged: unchanged, walked: walked).load()
        stage("read")
        diagnostics.append(contentsOf: loadDiagnostics)
        var (content, validateDiagnostics, nextCache) = ContentValidator.validate(loaded, reusing: cache)
        nextCache.files = loaded.cleanFiles
        nextCache.load = (loaded, loadDiagnostics)
        stage("decode")
        diagnostics.append(contentsOf: validateDiagnostics)
        guard var content else { return (nil, diagnostics, nextCache) }
        if !drafts {
            for plan in content.plans where plan.isDraft { content.leftOut.plans[plan.id] = .draft }
            for article in content.articles where article.isDraft {
                if article.kind == .notice { content.leftOut.notices[article.slug] = .draft } else { content.leftOut.pages[article.slug] = .draft }
            }
            content.plans.removeAll { $0.isDraft }
            content.articles.removeAll { $0.isDraft }
        }
        var (site, resolveDiagnostics, resolution) = Resolver.resolve(content, buildDate: buildDate ?? content.site.buildDate ?? today,
                                                                      reusing: cache.resolution)
        stage("resolve")
        // No stand-in anywhere last time, and none in the files written since: none now.
        if reread != nil, let written, cache.unfinished.isEmpty,
           written.allSatisfy({ loaded.cleanFiles[$0].map { SkeletonMarkers.find(in: $0).isEmpty } ?? true }) {
            site.unfinished = []
            nextCache.markers = cache.markers
        } else {
            (site.unfinished, nextCache.markers) = SkeletonMarkers.find(in: loaded, reusing: cache.markers)
        }
        nextCache.unfinished = site.unfinished
        nextCache.resolution = resolution
        stage("markers")
        diagnostics.append(contentsOf: resolveDiagnostics)
        return (site, diagnostics, nextCache)
    }
}
