import Foundation
import SiteModel
import Synchronization

/// The internal link check, on the rendered output's link graph: every
/// `href`, `src` and `action` of every page, resolved as the browser will from
/// the page's own address, must reach a page or file of the output and, with a
/// fragment, an id on that page. A link that leads nowhere is an error at the
/// place it is written: the Markdown link's line and column (the page tells
/// what it took from content), or the template that made it.
///
/// Pages hand their bytes over as they are rendered, from any thread (`add`):
/// each is scanned there, off the hot path of writing, and what can be judged
/// at once is (a page or file missing, an anchor on the page itself); links to
/// an anchor on another page wait for `finish`, when every page's ids are known.
public final class LinkCheck: Sendable {
    /// What a link on a page leads to, when it leads nowhere.
    enum Problem: Hashable {
        case missing(path: String)
        case anchor(path: String, fragment: String)
        case outside(resolved: String)
        /// `file:///C:/…`: a file on the author's computer.
        case localFile
        case unpublished(path: String, reason: LeftOut.Reason, what: String)
        /// A page this site holds that a publishing build leaves out: a draft, or a plan with fields to fill in.
        case heldBack(path: String, what: String, reason: LeftOut.Reason)
    }

    /// A link of one page that leads nowhere.
    struct Broken {
        var page: String
        var template: String
        var href: String
        var kind: LinkSource.Kind
        var problem: Problem
        /// Where content wrote it; empty when the theme made it.
        var sources: [LinkSource]
    }

    /// A link to an anchor of another page, judged once that page is scanned.
    struct Deferred {
        var page: String
        var template: String
        var href: String
        var kind: LinkSource.Kind
        var target: String
        var fragment: String
        var sources: [LinkSource]
    }

    struct PageRecord {
        var ids: [String]
        var deferred: [Deferred]
        var broken: [Broken]
    }

    let resolver: LinkResolver
    let files: Set<String>
    let paths: PathTable
    /// base_url (or `--base-url`), ending in `/`: what full links to this site start with.
    let siteURL: String
    let searchIndex: Bool
    let theme: Theme
    /// Site paths of what the site does not publish (`plans/x/`, `en/plans/x/`), with why and what it is.
    let unpublished: [(prefix: String, reason: LeftOut.Reason, what: String)]
    /// Site paths of the drafts this site holds (a check, a build with `--drafts`) and of the plans
    /// it holds with fields to fill in, which no build publishes.
    let heldBack: [(prefix: String, what: String, reason: LeftOut.Reason)]
    /// A link content writes to a draft: an error (what a publishing build would make of it), or
    /// a warning in a build with `--drafts`.
    let draftSeverity: Diagnostic.Severity
    /// http(s) links to other sites and where they are written, kept only when asked for.
    let collectsExternal: Bool

    /// What the pages handed over so far, from any thread.
    private struct Scanned {
        var records: [String: PageRecord] = [:]
        var external: [String: Set<SourceLocation>] = [:]
        var scanNanoseconds: UInt64 = 0
    }
    private let found = Mutex(Scanned())

    /// `paths`: every file the output will have (pages, support files, attachments, assets).
    public init(_ context: RenderContext, paths: [String], draftSeverity: Diagnostic.Severity = .error, collectsExternal: Bool = false) {
        resolver = LinkResolver(baseURL: context.baseURL)
        files = Set(paths)
        self.paths = PathTable(files)
        siteURL = context.baseURL.hasSuffix("/") ? context.baseURL : context.baseURL + "/"
        searchIndex = context.options.searchIndex
        theme = context.theme
        self.draftSeverity = draftSeverity
        self.collectsExternal = collectsExternal
        let site = context.site
        let languages = context.languages
        func prefixes(_ path: String) -> [String] { languages.map { PageAddress.prefix($0) + path } }
        var unpublished: [(String, LeftOut.Reason, String)] = []
        for (id, reason) in site.leftOut.plans {
            unpublished += prefixes(PageRoute.plan(id).path).map { ($0, reason, "plan \(id.rawValue)") }
        }
        for (slug, reason) in site.leftOut.notices {
            unpublished += prefixes(PageRoute.notice(slug).path).map { ($0, reason, "notice \(slug)") }
        }
        for (slug, reason) in site.leftOut.pages {
            unpublished += prefixes(PageRoute.page(slug).path).map { ($0, reason, "page \(slug)") }
        }
        self.unpublished = unpublished.sorted { $0.0 < $1.0 }
        var heldBack: [(String, String, LeftOut.Reason)] = []
        for plan in site.plans where plan.isDraft || plan.isWithheld {
            heldBack += prefixes(PageRoute.plan(plan.id).path).map { ($0, "plan \(plan.id.rawValue)", plan.isWithheld ? .withheld : .draft) }
        }
        for article in site.notices + site.pages where article.isDraft {
            let route: PageRoute = article.kind == .notice ? .notice(article.slug) : .page(article.slug)
            heldBack += prefixes(route.path).map { ($0, "\(article.kind.rawValue) \(article.slug)", .draft) }
        }
        self.heldBack = heldBack.sorted { $0.0 < $1.0 }
    }

    /// The CPU time this thread has used (not the wall clock: a thread the system sets aside
    /// while other processes run does not count).
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// CPU seconds spent scanning and judging pages, summed over the threads that rendered them.
    public var scanSeconds: Double {
        found.withLock { Double($0.scanNanoseconds) / 1e9 }
    }

    /// The http(s) links to other sites and where content writes them (empty unless `collectsExternal`).
    public var externalLinks: [String: Set<SourceLocation>] {
        found.withLock { $0.external }
    }

    /// Scans a rendered page: `path` is its output path (`plans/x/index.html`), `sources` what
    /// it took from content. Any thread.
    public func add(path: String, template: String, bytes: Data, sources: PageSources) {
        add(path: path, template: template, bytes: bytes, sources: sources, anyDepth: false)
    }

    private func add(path: String, template: String, bytes: Data, sources: PageSources, anyDepth: Bool) {
        let start = Self.threadCPUNanoseconds()
        let record = bytes.withUnsafeBytes { raw in
            judge(HTMLLinks.scan(raw), raw, path: path, template: template, sources: sources, anyDepth: anyDepth)
        }
        let elapsed = Self.threadCPUNanoseconds() &- start
        found.withLock { found in
            found.records[path] = record.record
            for (url, locations) in record.external { found.external[url, default: []].formUnion(locations) }
            found.scanNanoseconds += elapsed
        }
    }

    /// Scans the support files that are pages (the not-found page).
    public func add(supportFiles: [OutputFile]) {
        for file in supportFiles where file.path == "404.html" {
            guard case .data(let data) = file.contents else { continue }
            add(path: file.path, template: "404", bytes: data, sources: PageSources(), anyDepth: true)
        }
    }

    private func judge(_ links: HTMLLinks, _ bytes: UnsafeRawBufferPointer, path: String, template: String, sources: PageSources, anyDepth: Bool)
        -> (record: PageRecord, external: [String: Set<SourceLocation>]) {
        // The page's folder: where its relative links start. The not-found page is served at any
        // depth, so its links must not be relative: they are resolved from a folder no page has.
        let folder = anyDepth ? "404/any/depth/" : (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
        var folderBytes = folder
        let isHeldBackPage = heldBack.contains { folder.hasPrefix($0.prefix) }
        var record = PageRecord(ids: links.ids, deferred: [], broken: [])
        var external: [String: Set<SourceLocation>] = [:]
        let index = SourceIndex(sources)
        var siteURL = self.siteURL
        let pageBytes = bytes.assumingMemoryBound(to: UInt8.self)
        folderBytes.withUTF8 { folderBytes in
            siteURL.withUTF8 { siteURLBytes in
                var hash = PathHash()
                hash.add(folderBytes)
                let fast = FastPage(folder: folderBytes, folderHash: hash.value, ids: links.ids, siteURL: siteURLBytes)
                for reference in links.references {
                    let kind: LinkSource.Kind = reference.attribute == .src ? .image : .link
                    if heldBack.isEmpty, !reference.hasReferences, !anyDepth {
                        switch fastJudge(UnsafeBufferPointer(rebasing: pageBytes[reference.start..<reference.end]), on: fast) {
                        case .fine:
                            continue
                        case .deferred(let target, let fragment):
                            let value = index.isEmpty ? "" : HTMLLinks.value(reference, in: bytes)
                            record.deferred.append(Deferred(page: folder, template: template, href: value, kind: kind, target: target,
                                                            fragment: fragment, sources: index.sources(of: value)))
                            continue
                        case .unknown:
                            break
                        }
                    }
                    judge(HTMLLinks.value(reference, in: bytes), kind: kind, ids: links.ids, path: path, folder: folder, template: template,
                          sources: index, anyDepth: anyDepth, isHeldBackPage: isHeldBackPage, into: &record, external: &external)
                }
            }
        }
        // A link written many times on a page is one problem there: judged and reported once.
        var seenBroken = Set<String>(), seenDeferred = Set<String>()
        record.broken.removeAll { !seenBroken.insert("\($0.href)\u{0}\($0.kind)\u{0}\($0.problem)").inserted }
        record.deferred.removeAll { !seenDeferred.insert("\($0.href)\u{0}\($0.kind)\u{0}\($0.target)#\($0.fragment)").inserted }
        return (record, external)
    }

    /// Judges the links to other pages' anchors and reports every link that leads nowhere, once
    /// at each place it is written (with the pages it breaks on), or once per template and target.
    public func finish() -> [Diagnostic] {
        let records = found.withLock { $0.records }
        var broken: [Broken] = []
        // Chinese pages first: a link broken on both is shown from the Chinese one.
        for path in records.keys.sorted(by: { ($0.hasPrefix("en/") ? 1 : 0, $0) < ($1.hasPrefix("en/") ? 1 : 0, $1) }) {
            guard let record = records[path] else { continue }
            broken += record.broken
            for link in record.deferred {
                // A target this check did not scan (a file the theme brings) has no ids to judge by.
                guard let target = records[link.target] else { continue }
                if !target.ids.contains(link.fragment) {
                    let folder = link.target.hasSuffix("index.html") ? String(link.target.dropLast("index.html".count)) : link.target
                    broken.append(Broken(page: link.page, template: link.template, href: link.href, kind: link.kind,
                                         problem: .anchor(path: folder, fragment: link.fragment), sources: link.sources))
                }
            }
        }
        return LinkReport(broken: broken, theme: theme, draftSeverity: draftSeverity, ids: { records[$0]?.ids ?? [] }).diagnostics()
    }
}

extension LinkCheck {
    /// A page rendered from a template.
    public func add(_ page: SiteRenderer.RenderedPage) {
        guard case .data(let data) = page.file.contents, !page.template.isEmpty else { return }
        add(path: page.file.path, template: page.template, bytes: data, sources: page.sources)
    }
}
