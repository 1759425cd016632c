import Foundation
#if canImport(Glibc)
import Glibc
#endif
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

    /// The files the last content read corresponds to: a file whose entry is the same in the
    /// next one is not read again.
    private var readFiles: PreviewFiles?
    /// The theme and its folders, kept while none of its files changes.
    private var theme: (Theme?, Diagnostics, [String])?

    /// How often the whole content and theme are walked while inotify reports changes (a safety
    /// net for an event the kernel did not send; a walk of the 20,000-page site's 3,300 files
    /// takes about 18 ms); without inotify, or with a folder it would not watch, after every wait.
    static let walkInterval: Duration = .seconds(1)

    /// Watches the content and the theme, rebuilding the site into `state` after every change,
    /// for as long as the process runs. `files`: what the first build read.
    public func watch(into state: PreviewState, from files: PreviewFiles) -> Never {
        var files = files
        let watcher = FolderWatcher(files.folders)
        let clock = ContinuousClock()
        var lastWalk = clock.now
        while true {
            // Woken by the kernel when a watched folder changes (inotify), else every 100 ms.
            let wake = watcher.wait(milliseconds: 100)
            // The timings start at the first event: gathering the rest of a save is part of the wait.
            let seen = watcher.firstEvent ?? Date()
            var next: (files: PreviewFiles, changed: Set<String>)?
            switch wake {
            case .paths(let paths):
                next = files.updated(at: paths)
            case .unknown:
                break
            case .timeout:
                guard !watcher.isWatching || clock.now - lastWalk >= Self.walkInterval else { continue }
            }
            let how = (watcher.firstEvent == nil ? "" : "events and ") + (next == nil ? "walk" : "lstat")
            if next == nil {
                let walked = scan()
                next = (walked, walked.changedFiles(since: files))
                lastWalk = clock.now
            }
            guard let (current, changed) = next else { continue }
            // After every walk, not only when the folders differ: a folder deleted and made again
            // between two walks lost its watch (the kernel dropped it) but is listed the same.
            watcher.update(current.folders)
            guard !changed.isEmpty || current.problems != files.problems else { files = current; continue }
            files = current
            state.beginRebuild()
            if !rebuild(into: state, files: current, changed: changed, seen: (how, seen)) { state.endRebuild() }
        }
    }

    /// False when the content has errors (printed); the previous site stays. `seen`: how the
    /// change was found and when the watcher woke (for the timings).
    /// `changed`: the paths whose entry differs from the files of the last rebuild, when the caller knows.
    public func rebuild(into state: PreviewState, files: PreviewFiles, changed known: Set<String>? = nil,
                        seen: (String, Date)? = nil) -> Bool {
        let started = seen?.1 ?? Date()
        var marks: [(String, Date)] = seen.map { [($0.0, Date())] } ?? []
        defer {
            var last = started
            timings("gen-site serve: " + marks.map { mark in
                defer { last = mark.1 }
                return "\(mark.0) \(Int(mark.1.timeIntervalSince(last) * 1000)) ms"
            }.joined(separator: ", "))
        }
        let previous = readFiles?.files ?? [:], now = files.files, root = content
        let unchanged: @Sendable (String) -> Bool = { relative in
            let path = root + "/" + relative
            return previous[path] != nil && previous[path] == now[path]
        }
        // What changed since the last read (nil: everything may have). When only files that were
        // there already were written, with the same folders and links, the load reads just those.
        let changed = readFiles.map { known ?? files.changedFiles(since: $0) }
        let prefix = root + "/"
        let written: Set<String>? = changed.flatMap { changed in
            guard let last = readFiles, last.folders == files.folders, last.problems == files.problems,
                  changed.allSatisfy({ previous[$0] != nil && now[$0] != nil }) else { return nil }
            return Set(changed.compactMap { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil })
        }
        let (site, found, nextCache) = ContentPipeline.run(contentRoot: content, buildDate: self.site.buildDate, today: self.site.today,
                                                           drafts: self.site.drafts, reusing: cache, unchanged: unchanged,
                                                           written: written, walked: files.problems,
                                                           stage: { marks.append(($0, Date())) })
        // The last cache is freed on another thread (a few milliseconds of releases at city scale).
        let last = cache
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(last) {} }
        cache = nextCache
        readFiles = files
        var diagnostics = found
        let roots = themeRoots()
        var themeChanged = false
        if theme?.2 != roots || changed.map({ $0.contains { path in roots.contains { path.hasPrefix($0 + "/") } } }) ?? true {
            let (loaded, loadDiagnostics) = SiteBuild.loadTheme(content: content, templates: templates)
            theme = (loaded, loadDiagnostics, roots)
            themeChanged = true
        }
        let (theme, themeDiagnostics, _) = self.theme ?? (nil, Diagnostics(), [])
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
        // The pages that are neither a plan's nor a unit's are the same when only plans and units changed.
        let sitewide = dependencies.changes.everything ? nil : shown?.sitewide
        let affected = state.replace(PreviewSite(context: context, pages: pages, support: support, statusPages: statusPages, sitewide: sitewide),
                                     dependencies: dependencies)
        marks.append(("replace", Date()))
        let version = state.currentVersion
        let ms = Int(Date().timeIntervalSince(started) * 1000)
        log("gen-site serve: version \(version) ready in \(ms) ms (\(cache.decodedPlanCount) of \(site.plans.count) plans decoded; \(affected ?? pages.count) of \(pages.count) pages to render again, when opened and in the background)")
        // The open pages first; their problems are reported with the others' (the background
        // rendering skips pages already rendered).
        let recent = state.renderAll(version: version, recentOnly: true)
        let report = self.report
        Thread {
            // At the lowest priority (Linux keeps a nice value per thread): the rendering for
            // diagnostics yields to the next rebuild and to the pages the browser asks for.
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            var rendered = recent
            rendered.append(contentsOf: state.renderAll(version: version))
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
            // The same tasks as before: the same pages (the table is not copied for nothing: 19,342 entries).
            let before = routes(previous.context.site, id), after = routes(context.site, id)
            guard before != after else { continue }
            for route in before {
                for language in context.languages { pages[PageAddress(route, language).outputPath] = nil }
            }
            for route in after {
                for language in context.languages {
                    let address = PageAddress(route, language)
                    pages[address.outputPath] = address
                }
            }
        }
        return pages
    }

    /// The content and theme files, by one walk of every folder by FolderWalker's rule: no link
    /// followed out of the content folder (or the theme's own), no loop walked twice (two looping
    /// links made this walk grow without end), hidden entries left out; one lstat per entry.
    /// Also the content folder's link problems (its templates/ aside, which the theme's loader
    /// reports), so that the load does not walk the folder a second time.
    public func scan() -> PreviewFiles {
        var scanned = PreviewFiles()
        let roots = [(content, content)] + (ThemeLocator.folders(contentRoot: content, explicit: templates) ?? []).map { ($0.path, $0.boundary) }
        for (index, (root, boundary)) in roots.enumerated() {
            scanned.folders.append(root)
            let walk = FolderWalker.walk(root, boundary: boundary)
            if index == 0 { scanned.problems = walk.problems.filter { $0.path != "templates" && !$0.path.hasPrefix("templates/") } }
            for entry in walk.entries {
                let path = root + "/" + entry.path
                if entry.kind == .directory {
                    scanned.folders.append(path)
                } else {
                    scanned.files[path] = PreviewFiles.fingerprint(size: entry.size, modified: entry.modified)
                }
            }
        }
        return scanned
    }

    /// The theme folders (the default theme, then the site's own `templates/`).
    func themeRoots() -> [String] {
        ThemeLocator.folders(contentRoot: content, explicit: templates)?.map { $0.path } ?? []
    }
}
