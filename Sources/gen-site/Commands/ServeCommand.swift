import ArgumentParser
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SiteModel
import SiteRender

/// `gen-site serve [CONTENT] [--port N]`: a local preview on 127.0.0.1. The
/// site is built in memory, the same bytes a build writes; when a file of the
/// content or the theme changes it is built again and open pages reload
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

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
        if let buildDate, Day(iso: buildDate) == nil { throw ValidationError("--build-date must be a real day written YYYY-MM-DD") }
    }

    func run() throws {
        let state = PreviewState()
        let builder = PreviewBuilder(content: content, templates: templates, buildDate: buildDate.flatMap(Day.init(iso:)), drafts: !noDrafts)
        guard builder.rebuild(into: state) else {
            Terminal.err("gen-site serve: fix the errors above and save; watching \(content)\n")
            return try serveAndWatch(state, builder)
        }
        try serveAndWatch(state, builder)
    }

    func serveAndWatch(_ state: PreviewState, _ builder: PreviewBuilder) throws {
        let server = try PreviewServer(port: port, state: state)
        Terminal.err("gen-site serve: http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n")
        server.start()
        var fingerprint = builder.fingerprint()
        while true {
            usleep(250_000)
            let now = builder.fingerprint()
            if now != fingerprint {
                fingerprint = now
                _ = builder.rebuild(into: state)
            }
        }
    }
}

/// The files of the last good build, and its version number.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: Data] = [:]
    private(set) var version = 0

    func replace(_ files: [String: Data]) {
        lock.lock(); self.files = files; version += 1; lock.unlock()
    }

    func file(_ path: String) -> Data? {
        lock.lock(); defer { lock.unlock() }
        return files[path]
    }

    var currentVersion: Int { lock.lock(); defer { lock.unlock() }; return version }
}

/// Builds the site into memory, as `gen-site build` would write it.
struct PreviewBuilder {
    var content: String
    var templates: String?
    var buildDate: Day?
    var drafts: Bool

    /// False when the content has errors (printed); the previous files stay.
    func rebuild(into state: PreviewState) -> Bool {
        let started = Date()
        let (site, found) = ContentPipeline.run(contentRoot: content, buildDate: buildDate, today: Build.today(), drafts: drafts)
        var diagnostics = found
        let (theme, themeDiagnostics) = Build.loadTheme(content: content, templates: templates)
        diagnostics.append(contentsOf: themeDiagnostics)
        let printer = DiagnosticPrinter(format: .text, contentRoot: content)
        guard let site, let theme, !diagnostics.hasErrors else {
            Terminal.err(printer.render(diagnostics))
            return false
        }
        let (files, renderDiagnostics) = SiteRenderer.render(RenderContext(site: site, theme: theme))
        diagnostics.append(contentsOf: renderDiagnostics)
        if !diagnostics.items.isEmpty { Terminal.err(printer.render(diagnostics)) }
        guard !diagnostics.hasErrors else { return false }
        var map: [String: Data] = [:]
        for file in files {
            switch file.contents {
            case .data(let data): map[file.path] = data
            case .copy(let relative): map[file.path] = FileManager.default.contents(atPath: content + "/" + relative)
            }
        }
        state.replace(map)
        let ms = Int(Date().timeIntervalSince(started) * 1000)
        Terminal.err("gen-site serve: built \(files.count { $0.path.hasSuffix(".html") }) pages in \(ms) ms (version \(state.currentVersion))\n")
        return true
    }

    /// Paths, sizes and modification times of the content and theme files.
    func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        var roots = [content]
        if let folders = ThemeLocator.folders(contentRoot: content, explicit: templates) { roots += folders }
        let fm = FileManager.default
        for root in roots {
            guard let items = fm.enumerator(atPath: root) else { continue }
            for case let relative as String in items where !relative.hasPrefix(".") {
                let path = root + "/" + relative
                if let attributes = try? fm.attributesOfItem(atPath: path) {
                    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                    result[path] = "\(attributes[.size] ?? 0)-\(modified)"
                }
            }
        }
        return result
    }
}

/// A small HTTP/1.1 server on 127.0.0.1: GET and HEAD of the built files.
final class PreviewServer: @unchecked Sendable {
    let socket: Int32
    let state: PreviewState

    init(port: Int, state: PreviewState) throws {
        self.state = state
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
                DispatchQueue.global().async { [self] in self.handle(client) }
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
        let parts = request.split(separator: "\r\n").first?.split(separator: " ") ?? []
        guard parts.count >= 2, parts[0] == "GET" || parts[0] == "HEAD" else {
            respond(client, status: "405 Method Not Allowed", type: "text/plain", body: Data("method not allowed\n".utf8), head: false)
            return
        }
        var path = String(parts[1].split(separator: "?").first ?? "/").removingPercentEncoding ?? "/"
        if path == "/__gen-site/version" {
            respond(client, status: "200 OK", type: "text/plain", body: Data(String(state.currentVersion).utf8), head: parts[0] == "HEAD")
            return
        }
        if path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if let data = state.file(path) ?? state.file(path + "/index.html") {
            respond(client, status: "200 OK", type: Self.type(of: path), body: data, head: parts[0] == "HEAD")
        } else {
            respond(client, status: "404 Not Found", type: "text/html; charset=utf-8",
                    body: state.file("404.html") ?? Data("not found\n".utf8), head: parts[0] == "HEAD")
        }
    }

    func respond(_ client: Int32, status: String, type: String, body: Data, head: Bool) {
        let header = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\nServer-Timing: gen-site-serve\r\nConnection: close\r\n\r\n"
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
