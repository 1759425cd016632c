import Foundation
import SiteModel
import SiteRender

/// Builds the site into memory, as `gen-site build` would write it: the
/// content is read on every save, but a plan folder whose files did not change
/// is not decoded again, and pages are rendered when the browser asks for them
/// (then all of them in the background, for their diagnostics).
public final class PreviewBuilder {
    /// The site's pipeline: its content, theme, build date and drafts.
    public let site: SiteBuild
    var content: String { site.content }
    var templates: String? { site.templates }
    private var cache = DecodeCache()
    /// Where a line for the terminal goes, where the diagnostics of each rebuild go, and where
    /// each rebuild's stage times go.
    private let log: @Sendable (String) -> Void
    private let report: @Sendable (Diagnostics) -> Void
    private let timings: @Sendable (String) -> Void

    public init(_ site: SiteBuild, log: @escaping @Sendable (String) -> Void, report: @escaping @Sendable (Diagnostics) -> Void,
                timings: @escaping @Sendable (String) -> Void = { _ in }) {
        self.site = site
        self.log = log
        self.report = report
        self.timings = timings
    }

    /// The fingerprint the last content read corresponds to: a file whose entry is the same
    /// in the next one is not read again.
    private var readFingerprint: [String: String] = [:]
    /// The theme, kept while none of its files changes.
    private var theme: (Theme?, Diagnostics, [String: String])?

    /// False when the content has errors (printed); the previous site stays.
    public func rebuild(into state: PreviewState, fingerprint: [String: String], walked: [FolderWalker.Problem]? = nil) -> Bool {
        let started = Date()
        var marks: [(String, Date)] = []
        defer {
            var last = started
            timings("gen-site serve: " + marks.map { mark in
                defer { last = mark.1 }
                return "\(mark.0) \(Int(mark.1.timeIntervalSince(last) * 1000)) ms"
            }.joined(separator: ", "))
        }
        let previous = readFingerprint, root = content
        let unchanged: @Sendable (String) -> Bool = { relative in
            let path = root + "/" + relative
            return previous[path] != nil && previous[path] == fingerprint[path]
        }
        let (site, found, nextCache) = ContentPipeline.run(contentRoot: content, buildDate: self.site.buildDate, today: self.site.today,
                                                           drafts: self.site.drafts, reusing: cache, unchanged: unchanged, walked: walked,
                                                           stage: { marks.append(($0, Date())) })
        cache = nextCache
        readFingerprint = fingerprint
        var diagnostics = found
        let roots = themeRoots().map { $0 + "/" }
        let themeFiles = fingerprint.filter { entry in roots.contains { entry.key.hasPrefix($0) } }
        var themeChanged = false
        if theme?.2 != themeFiles {
            let (loaded, loadDiagnostics) = SiteBuild.loadTheme(content: content, templates: templates)
            theme = (loaded, loadDiagnostics, themeFiles)
            themeChanged = true
        }
        let (theme, themeDiagnostics, _) = self.theme ?? (nil, Diagnostics(), [:])
        diagnostics.append(contentsOf: themeDiagnostics)
        guard let site, let theme, !diagnostics.hasErrors else {
            report(diagnostics)
            return false
        }
        if !diagnostics.items.isEmpty { report(diagnostics) }
        marks.append(("theme", Date()))
        let context = RenderContext(site: site, theme: theme)
        var support: [String: Data] = [:]
        for file in SiteRenderer.staticFiles(context) {
            if case .copy(let relative) = file.contents {
                support[file.path] = FileManager.default.contents(atPath: content + "/" + relative)
            } else {
                support[file.path] = file.madeBytes
            }
        }
        marks.append(("assets", Date()))
        // Only the pages that depend on what changed are rendered again (all of them when the theme changed).
        let shown = state.current
        let dependencies = themeChanged ? PageDependencies.everything
            : shown.map { PageDependencies(from: $0.context.site, to: site) } ?? .everything
        marks.append(("changes", Date()))
        let pages = Self.pages(context, previous: shown, dependencies: dependencies)
        let statusPages = Set(context.languages.map { PageAddress(.translationStatus, $0).outputPath })
        marks.append(("pages", Date()))
        let affected = state.replace(PreviewSite(context: context, pages: pages, support: support, statusPages: statusPages),
                                     dependencies: dependencies)
        marks.append(("replace", Date()))
        let version = state.currentVersion
        let ms = Int(Date().timeIntervalSince(started) * 1000)
        log("gen-site serve: version \(version) ready in \(ms) ms (\(cache.decodedPlanCount) of \(site.plans.count) plans decoded; \(affected ?? pages.count) of \(pages.count) pages to render again, when opened and in the background)")
        let report = self.report
        Thread {
            let rendered = state.renderAll(version: version)
            if !rendered.items.isEmpty { report(rendered) }
        }.start()
        return true
    }

    /// The pages by output path. When only some plans changed, the other pages
    /// are where they were: the previous table with the changed plans' pages
    /// replaced (their tasks may have come or gone).
    static func pages(_ context: RenderContext, previous: PreviewSite?,
                      dependencies: PageDependencies) -> [String: PageAddress] {
        var pages: [String: PageAddress] = [:]
        guard let previous, !dependencies.changes.everything else {
            for address in SiteRenderer.pageAddresses(context) { pages[address.outputPath] = address }
            return pages
        }
        pages = previous.pages
        func routes(_ site: ResolvedSite, _ id: PlanID) -> [PageRoute] {
            site.plan(id).map(SiteRenderer.routes(of:)) ?? []
        }
        for id in dependencies.changes.plans.sorted() {
            for route in routes(previous.context.site, id) {
                for language in context.languages { pages[PageAddress(route, language).outputPath] = nil }
            }
            for route in routes(context.site, id) {
                for language in context.languages {
                    let address = PageAddress(route, language)
                    pages[address.outputPath] = address
                }
            }
        }
        return pages
    }

    /// Paths, sizes and modification times (to the nanosecond) of the content and theme
    /// files, hidden ones aside: read with one lstat per file, cheap enough to poll.

    /// The fingerprint and every folder of the content and the theme (for the watcher), in one walk
    /// by FolderWalker's rule: no link followed out of the content folder (or the theme's own),
    /// no loop walked twice — two looping links made this walk grow without end.
    /// Also the content folder's link problems (its templates/ aside, which the theme's loader
    /// reports), so that the load does not walk the folder a second time.
    public func scan() -> (files: [String: String], folders: [String], problems: [FolderWalker.Problem]) {
        var result: [String: String] = [:]
        var folders: [String] = []
        var problems: [FolderWalker.Problem] = []
        let roots = [(content, content)] + (ThemeLocator.folders(contentRoot: content, explicit: templates) ?? []).map { ($0.path, $0.boundary) }
        for (index, (root, boundary)) in roots.enumerated() {
            folders.append(root)
            let walk = FolderWalker.walk(root, boundary: boundary)
            if index == 0 { problems = walk.problems.filter { $0.path != "templates" && !$0.path.hasPrefix("templates/") } }
            for entry in walk.entries {
                let path = root + "/" + entry.path
                if entry.kind == .directory {
                    folders.append(path)
                } else {
                    result[path] = "\(entry.size)-\(entry.modified.tv_sec).\(entry.modified.tv_nsec)"
                }
            }
        }
        return (result, folders, problems)
    }

    /// The theme folders (the default theme, then the site's own `templates/`).
    func themeRoots() -> [String] {
        ThemeLocator.folders(contentRoot: content, explicit: templates)?.map { $0.path } ?? []
    }
}
