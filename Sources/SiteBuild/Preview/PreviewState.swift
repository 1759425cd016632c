import Dispatch
import Foundation
import SiteModel
import SiteRender
import Synchronization

/// The preview's current site and the pages rendered from it so far, with a
/// version number that a rebuild increments. Its state is one value behind a
/// Mutex; pages are rendered outside it.
public final class PreviewState: Sendable {
    struct State {
        var site: PreviewSite?
        var rendered: [String: Data] = [:]
        /// True while a rebuild runs: the background rendering of the old version stops for it.
        var rebuilding = false
        /// True once the sitemap, feeds and open data of this version are in `rendered`.
        var generated = false
        /// Their paths in `rendered`.
        var generatedPaths: Set<String> = []
        var version = 0
        /// The version at which each page last changed, where it is not `baseVersion`: the version
        /// of the last rebuild that touched every page.
        var changedAt: [String: Int] = [:]
        var baseVersion = 0
        /// The pages asked for last, newest first: the pages open in a browser, rendered first after a change.
        var recent: [String] = []
    }

    /// How many of the pages asked for last are rendered right after a change.
    static let recentPages = 8

    private let state = Mutex(State())
    /// Held while the sitemap, feeds and open data are made, with how many times they were
    /// (for GEN_SITE_SERVE_TIMINGS): one generation at a time, shared by the requests waiting.
    private let generation = Mutex(0)
    /// Where a line about the work done goes (`serve` prints them with GEN_SITE_SERVE_TIMINGS).
    private let timings: @Sendable (String) -> Void

    public init(timings: @escaping @Sendable (String) -> Void = { _ in }) {
        self.timings = timings
    }

    /// The site as it is now. The pages already rendered that do not depend on
    /// what changed (`dependencies`) are kept; the others are rendered again when
    /// asked for, and in the background.
    /// Returns how many pages are to be rendered again (nil: all of them).
    @discardableResult
    func replace(_ site: PreviewSite, dependencies: PageDependencies) -> Int? {
        // Found before taking the lock: the server threads wait on it.
        let affected = dependencies.changes.everything ? [] : site.affectedPaths(dependencies)
        let old = state.withLock { state -> (PreviewSite?, [String: Data]) in
            state.version += 1
            let old = (state.site, dependencies.changes.everything ? state.rendered : [:])
            if dependencies.changes.everything {
                state.rendered = [:]
                state.changedAt = [:]
                state.baseVersion = state.version
            } else {
                for path in affected {
                    state.rendered[path] = nil
                    state.changedAt[path] = state.version
                }
                // The sitemap, feeds, open data and translation status sum up the whole site: made
                // again when next asked for (they were served from before the change).
                for path in state.generatedPaths.union(site.statusPages).union(state.site?.statusPages ?? []) {
                    state.rendered[path] = nil
                }
            }
            state.generatedPaths = []
            state.site = site
            state.generated = false
            state.rebuilding = false
            return old
        }
        // The old site and pages are freed on another thread: tens of milliseconds at city scale.
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(old) {} }
        return dependencies.changes.everything ? nil : affected.count
    }

    /// The version at which the page at `path` (an output path) last changed:
    /// open pages reload when it moves. The current version for any other file.
    public func version(ofPage path: String) -> Int {
        state.withLock { state in
            guard state.site?.pages[path] != nil else { return state.version }
            return state.changedAt[path] ?? state.baseVersion
        }
    }

    /// The site the preview shows, if a build succeeded.
    public var current: PreviewSite? { state.withLock { $0.site } }

    public var currentVersion: Int { state.withLock { $0.version } }

    /// The bytes `gen-site build` writes at `path`; a page is rendered the first time it is asked for.
    public func file(_ path: String) -> Data? {
        let (site, version, cached, generated) = state.withLock { state in
            // Bytes rendered for a page this version no longer has (a task deleted) are not served.
            let current = state.site.map { $0.pages[path] != nil || $0.statusPages.contains(path) } ?? false
            if current && state.recent.first != path {
                state.recent.removeAll { $0 == path }
                state.recent.insert(path, at: 0)
                if state.recent.count > Self.recentPages { state.recent.removeLast() }
            }
            return (state.site, state.version, current || state.generatedPaths.contains(path) ? state.rendered[path] : nil, state.generated)
        }
        if let cached { return cached }
        guard let site else { return nil }
        if let data = site.support[path] { return data }
        if site.pages[path] == nil && !site.statusPages.contains(path) {
            guard !generated else { return nil }
            return generation.withLock { generations -> Data? in
                // Made by a request that held the lock before this one: found, not made again.
                let (done, made) = state.withLock { ($0.generated && $0.version == version, $0.rendered[path]) }
                if done { return made }
                var files: [String: Data] = [:]
                // Each is made when asked for its bytes (OutputFile.Contents.made): all of them at once, on every core.
                for (path, bytes) in SiteRenderer.generatedFiles(site.context).concurrentMap({ ($0.path, $0.madeBytes) }) {
                    if let bytes { files[path] = bytes }
                }
                generations += 1
                timings("gen-site serve: generated the sitemap, feeds and open data of version \(version) (\(generations) in all)")
                state.withLock { state in
                    if state.version == version {
                        state.rendered.merge(files) { old, _ in old }
                        state.generatedPaths.formUnion(files.keys)
                        state.generated = true
                    }
                }
                return files[path]
            }
        }
        let data: Data
        if let address = site.pages[path] {
            guard case .data(let bytes) = SiteRenderer.renderPage(address, site.context).file.contents else { return nil }
            data = bytes
        } else if site.statusPages.contains(path) {
            let pending = SiteRenderer.translationPending(site.context)
            guard let file = SiteRenderer.translationStatusFiles(site.context, pending: pending).first(where: { $0.path == path }),
                  case .data(let bytes) = file.contents else { return nil }
            data = bytes
        } else {
            return nil
        }
        state.withLock { state in if state.version == version { state.rendered[path] = data } }
        return data
    }

    /// Renders every page of `version` not yet rendered (in the background after a rebuild),
    /// returning their diagnostics; stops when a newer version arrives. `recentOnly`: only the
    /// pages asked for last (those open in a browser, which reloads them after the change), which
    /// the rebuild renders before anything else.
    func renderAll(version wanted: Int, recentOnly: Bool = false) -> Diagnostics {
        let (site, version, recent) = state.withLock { ($0.site, $0.version, $0.recent) }
        var diagnostics = Diagnostics()
        guard let site, version == wanted else { return diagnostics }
        // One page at a time: a core stays free for the pages the browser asks for.
        for path in recentOnly ? recent : site.pages.keys.sorted() {
            guard let address = site.pages[path] else { continue }
            let (current, done, paused) = state.withLock { ($0.version, $0.rendered[path] != nil, $0.rebuilding) }
            guard current == wanted, !paused else { return diagnostics }
            if done { continue }
            let page = SiteRenderer.renderPage(address, site.context)
            diagnostics.append(contentsOf: page.diagnostics)
            guard case .data(let bytes) = page.file.contents else { continue }
            state.withLock { state in if state.version == wanted && state.rendered[path] == nil { state.rendered[path] = bytes } }
        }
        return diagnostics
    }

    /// A change was seen: the background rendering of the current version stops (a rebuild
    /// that fails leaves the old version, served and rendered on request as before).
    public func beginRebuild() { state.withLock { $0.rebuilding = true } }
    public func endRebuild() { state.withLock { $0.rebuilding = false } }
}
