import ArgumentParser
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SiteModel
import SiteRender
import Synchronization

/// `gen-site serve [CONTENT] [--port N]`: a local preview on 127.0.0.1. The
/// site is built in memory, the same bytes a build writes; when a file of the
/// content or the theme changes it is built again, only the pages that depend
/// on the change are rendered again, and the open pages among them reload
/// (assets/site.js polls /__gen-site/version when a response carries the Server-Timing entry gen-site-serve). Content
/// errors are printed and the last good site stays on screen.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on 127.0.0.1 and rebuild it when a file changes."
    )

    @Argument(help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "The port on 127.0.0.1.")
    var port: Int = 8000

    @Option(name: .long, help: "The default theme folder (normally found automatically).")
    var templates: String?

    @Option(name: .customLong("build-date"), help: "The date statuses are computed at (YYYY-MM-DD).")
    var buildDate: String?

    @Flag(name: .long, help: "Leave out drafts (shown by default in the preview).")
    var noDrafts = false

    @Option(name: .customLong("host"), help: "A host name the preview answers to besides localhost, 127.0.0.1 and [::1] (repeatable).")
    var hosts: [String] = []

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
        if let buildDate, Day(iso: buildDate) == nil { throw ValidationError("--build-date must be a real day written YYYY-MM-DD") }
    }

    func run() throws {
        let state = PreviewState()
        let builder = PreviewBuilder(content: content, templates: templates, buildDate: buildDate.flatMap(Day.init(iso:)), drafts: !noDrafts)
        let first = builder.scan()
        guard builder.rebuild(into: state, fingerprint: first.files, walked: first.problems) else {
            Terminal.err("gen-site serve: fix the errors above and save; watching \(content)\n")
            return try serveAndWatch(state, builder)
        }
        try serveAndWatch(state, builder)
    }

    func serveAndWatch(_ state: PreviewState, _ builder: PreviewBuilder) throws {
        let server = try PreviewServer(port: port, state: state, hosts: hosts)
        Terminal.err("gen-site serve: http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n")
        server.start()
        var (fingerprint, folders, _) = builder.scan()
        let watcher = FolderWatcher(folders)
        while true {
            // Woken by the kernel when a watched folder changes (inotify), else every 100 ms.
            watcher.wait(milliseconds: 100)
            let (now, nowFolders, problems) = builder.scan()
            if now != fingerprint {
                fingerprint = now
                if nowFolders != folders { folders = nowFolders; watcher.update(folders) }
                state.beginRebuild()
                if !builder.rebuild(into: state, fingerprint: now, walked: problems) { state.endRebuild() }
            }
        }
    }
}

/// The last good build of the preview: its render context, the pages by
/// output path (rendered when first asked for), the not-found page, assets and
/// attachments; the sitemap, feeds and open data are made when first asked for.
struct PreviewSite: Sendable {
    var context: RenderContext
    var pages: [String: PageAddress]
    var support: [String: Data]
    /// The translation-status pages, which list what every English page shows in Chinese.
    var statusPages: Set<String>
}

/// The preview's current site and the pages rendered from it so far, with a
/// version number that a rebuild increments. Its state is one value behind a
/// Mutex; pages are rendered outside it.
final class PreviewState: Sendable {
    struct State {
        var site: PreviewSite?
        var rendered: [String: Data] = [:]
        /// True while a rebuild runs: the background rendering of the old version stops for it.
        var rebuilding = false
        /// True once the sitemap, feeds and open data of this version are in `rendered`.
        var generated = false
        var version = 0
        /// The version at which each page last changed, where it is not `baseVersion`: the version
        /// of the last rebuild that touched every page.
        var changedAt: [String: Int] = [:]
        var baseVersion = 0
    }

    private let state = Mutex(State())
    /// Held while the sitemap, feeds and open data are made, with how many times they were
    /// (for GEN_SITE_SERVE_TIMINGS): one generation at a time, shared by the requests waiting.
    private let generation = Mutex(0)

    /// The site as it is now. The pages already rendered that do not depend on
    /// what changed (`dependencies`) are kept; the others are rendered again when
    /// asked for, and in the background.
    /// Returns how many pages are to be rendered again (nil: all of them).
    @discardableResult
    func replace(_ site: PreviewSite, dependencies: PageDependencies) -> Int? {
        // Found before taking the lock: the server threads wait on it.
        let affected = dependencies.changes.everything ? [] : site.pages.compactMap { path, address in
            dependencies.isAffected(address.route) ? path : nil
        }
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
            }
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
    func version(ofPage path: String) -> Int {
        state.withLock { state in
            guard state.site?.pages[path] != nil else { return state.version }
            return state.changedAt[path] ?? state.baseVersion
        }
    }

    /// The site the preview shows, if a build succeeded.
    var current: PreviewSite? { state.withLock { $0.site } }

    var currentVersion: Int { state.withLock { $0.version } }

    /// The bytes `gen-site build` writes at `path`; a page is rendered the first time it is asked for.
    func file(_ path: String) -> Data? {
        let (site, version, cached, generated) = state.withLock { ($0.site, $0.version, $0.rendered[path], $0.generated) }
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
                for file in SiteRenderer.generatedFiles(site.context) {
                    if let bytes = file.madeBytes { files[file.path] = bytes }
                }
                generations += 1
                if ProcessInfo.processInfo.environment["GEN_SITE_SERVE_TIMINGS"] != nil {
                    Terminal.err("gen-site serve: generated the sitemap, feeds and open data of version \(version) (\(generations) in all)\n")
                }
                state.withLock { state in
                    if state.version == version { state.rendered.merge(files) { old, _ in old }; state.generated = true }
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

    /// Renders every page of `version` not yet rendered (in the background after a
    /// rebuild), returning their diagnostics; stops when a newer version arrives.
    func renderAll(version wanted: Int) -> Diagnostics {
        let (site, version) = state.withLock { ($0.site, $0.version) }
        var diagnostics = Diagnostics()
        guard let site, version == wanted else { return diagnostics }
        let paths = site.pages.keys.sorted()
        // One page at a time: a core stays free for the pages the browser asks for.
        for path in paths {
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
    func beginRebuild() { state.withLock { $0.rebuilding = true } }
    func endRebuild() { state.withLock { $0.rebuilding = false } }
}

/// Builds the site into memory, as `gen-site build` would write it: the
/// content is read on every save, but a plan folder whose files did not change
/// is not decoded again, and pages are rendered when the browser asks for them
/// (then all of them in the background, for their diagnostics).
final class PreviewBuilder {
    let content: String
    let templates: String?
    let buildDate: Day?
    let drafts: Bool
    private var cache = DecodeCache()

    init(content: String, templates: String?, buildDate: Day?, drafts: Bool) {
        self.content = content
        self.templates = templates
        self.buildDate = buildDate
        self.drafts = drafts
    }

    /// The fingerprint the last content read corresponds to: a file whose entry is the same
    /// in the next one is not read again.
    private var readFingerprint: [String: String] = [:]
    /// The theme, kept while none of its files changes.
    private var theme: (Theme?, Diagnostics, [String: String])?

    /// False when the content has errors (printed); the previous site stays.
    func rebuild(into state: PreviewState, fingerprint: [String: String], walked: [FolderWalker.Problem]? = nil) -> Bool {
        let started = Date()
        var marks: [(String, Date)] = []
        defer {
            if ProcessInfo.processInfo.environment["GEN_SITE_SERVE_TIMINGS"] != nil {
                var last = started
                Terminal.err("gen-site serve: " + marks.map { mark in
                    defer { last = mark.1 }
                    return "\(mark.0) \(Int(mark.1.timeIntervalSince(last) * 1000)) ms"
                }.joined(separator: ", ") + "\n")
            }
        }
        let previous = readFingerprint, root = content
        let unchanged: @Sendable (String) -> Bool = { relative in
            let path = root + "/" + relative
            return previous[path] != nil && previous[path] == fingerprint[path]
        }
        let (site, found, nextCache) = ContentPipeline.run(contentRoot: content, buildDate: buildDate, today: Build.today(),
                                                           drafts: drafts, reusing: cache, unchanged: unchanged, walked: walked,
                                                           stage: { marks.append(($0, Date())) })
        cache = nextCache
        readFingerprint = fingerprint
        var diagnostics = found
        let roots = themeRoots().map { $0 + "/" }
        let themeFiles = fingerprint.filter { entry in roots.contains { entry.key.hasPrefix($0) } }
        var themeChanged = false
        if theme?.2 != themeFiles {
            let (loaded, loadDiagnostics) = Build.loadTheme(content: content, templates: templates)
            theme = (loaded, loadDiagnostics, themeFiles)
            themeChanged = true
        }
        let (theme, themeDiagnostics, _) = self.theme ?? (nil, Diagnostics(), [:])
        diagnostics.append(contentsOf: themeDiagnostics)
        let printer = DiagnosticPrinter(format: .text, contentRoot: content)
        guard let site, let theme, !diagnostics.hasErrors else {
            Terminal.err(printer.render(diagnostics))
            return false
        }
        if !diagnostics.items.isEmpty { Terminal.err(printer.render(diagnostics)) }
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
        Terminal.err("gen-site serve: version \(version) ready in \(ms) ms (\(cache.decodedPlanCount) of \(site.plans.count) plans decoded; \(affected ?? pages.count) of \(pages.count) pages to render again, when opened and in the background)\n")
        Thread {
            let rendered = state.renderAll(version: version)
            if !rendered.items.isEmpty { Terminal.err(printer.render(rendered)) }
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
    func scan() -> (files: [String: String], folders: [String], problems: [FolderWalker.Problem]) {
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

/// A small HTTP/1.1 server on 127.0.0.1: GET and HEAD of the built files.
final class PreviewServer: Sendable {
    let socket: Int32
    let state: PreviewState
    /// The names the preview answers to (lower case, without a port): a page on another site that
    /// points its own name at 127.0.0.1 (DNS rebinding) is not one of them.
    let hosts: Set<String>

    init(port: Int, state: PreviewState, hosts: [String] = []) throws {
        self.state = state
        self.hosts = Set(["localhost", "127.0.0.1", "[::1]"] + hosts.map { $0.lowercased() })
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ValidationError("cannot open a socket") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw ValidationError("cannot listen on 127.0.0.1:\(port) (in use?)")
        }
        socket = fd
    }

    func start() {
        let thread = Thread { [self] in
            while true {
                let client = accept(socket, nil, nil)
                guard client >= 0 else { continue }
                // A thread per request, outside Dispatch's pool, which the background rendering may fill.
                Thread { [self] in self.handle(client) }.start()
            }
        }
        thread.start()
    }

    func handle(_ client: Int32) {
        defer { close(client) }
        var buffer = [UInt8](repeating: 0, count: 16384)
        let count = read(client, &buffer, buffer.count)
        guard count > 0 else { return }
        let request = String(decoding: buffer[0..<count], as: UTF8.self)
        let lines = request.split(separator: "\r\n", omittingEmptySubsequences: false)
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2, parts[0] == "GET" || parts[0] == "HEAD" else {
            respond(client, status: "405 Method Not Allowed", type: "text/plain", body: Data("method not allowed\n".utf8), head: false)
            return
        }
        guard let host = Self.host(lines.dropFirst()), hosts.contains(host) else {
            respond(client, status: "403 Forbidden", type: "text/plain; charset=utf-8",
                    body: Data("gen-site serve answers to \(hosts.sorted().joined(separator: ", ")) only (add a name with --host)\n".utf8),
                    head: parts[0] == "HEAD")
            return
        }
        let target = parts[1].split(separator: "?", maxSplits: 1)
        var path = String(target.first ?? "/").removingPercentEncoding ?? "/"
        if path == "/__gen-site/version" {
            // `?page=/en/plans/x/`: the version at which that page last changed, so that a page
            // reloads only when a change touched it; without it, the site's version.
            var version = state.currentVersion
            if target.count == 2, let query = String(target[1]).removingPercentEncoding, query.hasPrefix("page=") {
                version = state.version(ofPage: Self.outputPath(String(query.dropFirst(5))))
            }
            respond(client, status: "200 OK", type: "text/plain", body: Data(String(version).utf8), head: parts[0] == "HEAD")
            return
        }
        let urlPath = path
        path = Self.outputPath(path)
        if let data = state.file(path) {
            respond(client, status: "200 OK", type: Self.type(of: path), body: data, head: parts[0] == "HEAD")
        } else if !urlPath.hasSuffix("/"), state.file(path + "/index.html") != nil {
            // A page asked for without its trailing slash: where it is, as a web server answers.
            let query = target.count == 2 ? "?" + target[1] : ""
            respond(client, status: "301 Moved Permanently", type: "text/plain; charset=utf-8", body: Data(),
                    head: parts[0] == "HEAD", headers: ["Location: \(Self.percentEncoded(urlPath))/\(query)"])
        } else {
            respond(client, status: "404 Not Found", type: "text/html; charset=utf-8",
                    body: state.file("404.html") ?? Data("not found\n".utf8), head: parts[0] == "HEAD")
        }
    }

    /// The request's Host, lower case and without its port; nil when there is none.
    static func host<S: Sequence>(_ headerLines: S) -> String? where S.Element == Substring {
        for line in headerLines {
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == "host" else { continue }
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
            if value.hasPrefix("[") {
                if let end = value.firstIndex(of: "]") { value = String(value[...end]) }
            } else if let portColon = value.lastIndex(of: ":") {
                value = String(value[..<portColon])
            }
            return value
        }
        return nil
    }

    /// A URL path as it may stand in a Location header.
    static func percentEncoded(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    func respond(_ client: Int32, status: String, type: String, body: Data, head: Bool, headers: [String] = []) {
        let extra = headers.map { $0 + "\r\n" }.joined()
        let header = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n\(extra)Cache-Control: no-store\r\nServer-Timing: gen-site-serve\r\nConnection: close\r\n\r\n"
        var out = Data(header.utf8)
        if !head { out.append(body) }
        out.withUnsafeBytes { raw in
            guard var pointer = raw.baseAddress else { return }
            var remaining = raw.count
            while remaining > 0 {
                let written = write(client, pointer, remaining)
                if written <= 0 { return }
                remaining -= written
                pointer = pointer.advanced(by: written)
            }
        }
    }

    /// The output path a URL path is served from: `/en/plans/x/` → `en/plans/x/index.html`.
    static func outputPath(_ urlPath: String) -> String {
        var path = urlPath
        if path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }

    static func type(of path: String) -> String {
        switch path.split(separator: ".").last.map(String.init) ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "svg": "image/svg+xml"
        case "txt": "text/plain; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "wasm": "application/wasm"
        default: "application/octet-stream"
        }
    }
}
