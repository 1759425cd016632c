import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1: GET and HEAD of the built files.
public final class PreviewServer: Sendable {
    let socket: Int32
    let state: PreviewState
    /// The names the preview answers to (lower case, without a port): a page on another site that
    /// points its own name at 127.0.0.1 (DNS rebinding) is not one of them.
    let hosts: Set<String>

    /// Why the server could not start.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public init(port: Int, state: PreviewState, hosts: [String] = []) throws(Failure) {
        self.state = state
        self.hosts = Set(["localhost", "127.0.0.1", "[::1]"] + hosts.map { $0.lowercased() })
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "cannot open a socket") }
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
            throw Failure(description: "cannot listen on 127.0.0.1:\(port) (in use?)")
        }
        socket = fd
    }

    public func start() {
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
