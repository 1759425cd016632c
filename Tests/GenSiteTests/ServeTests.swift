import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `gen-site serve`: the served pages are the bytes a build writes, and a
/// saved change is rebuilt and visible under a new version.
@Suite struct ServeTests {
    func get(_ url: String) -> (Int, Data)? {
        let semaphore = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, Data)?
        guard let address = URL(string: url) else { return nil }
        let task = URLSession.shared.dataTask(with: address) { data, response, _ in
            if let http = response as? HTTPURLResponse { result = (http.statusCode, data ?? Data()) }
            semaphore.signal()
        }
        task.resume()
        _ = semaphore.wait(timeout: .now() + 10)
        return result
    }

    @Test func servesTheBuiltBytesAndRebuildsOnSave() throws {
        let content = try Fixture.write("", base: Repository.fixture("mini"))
        let port = 20000 + Int.random(in: 0..<20000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.genSite)
        process.arguments = ["serve", content, "--port", String(port)]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }
        let base = "http://127.0.0.1:\(port)/"
        var version: String?
        for _ in 0..<300 {   // up to 30 s: the preview builds the site first, on a machine that may be busy
            if let (status, data) = get(base + "__gen-site/version"), status == 200 { version = String(decoding: data, as: UTF8.self); break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(version == "1")

        let out = try Fixture.temporaryFolder() + "/public"
        #expect(try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index"]).status == 0)
        for path in ["", "en/plans/demo-2024/", "units/demo-fire/", "assets/site.css", "data/tasks.json"] {
            let (status, data) = try #require(get(base + path))
            #expect(status == 200)
            let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
            #expect(data == FileManager.default.contents(atPath: out + "/" + file), "\(path) differs from the build")
        }
        #expect(get(base + "no/such/page/")?.0 == 404)

        // Save a change: the next version shows it.
        let tasks = content + "/plans/demo-2024/tasks.yaml"
        let text = try String(contentsOfFile: tasks, encoding: .utf8)
        // Saved as editors save: a new file renamed over the old one (Foundation's atomic write leaves a folder in /tmp).
        // (The new file is written outside the content folder, so that the preview sees one change.)
        let saved = (content as NSString).deletingLastPathComponent + "/tasks.yaml.saving"
        try text.replacingOccurrences(of: "Study the law", with: "Study the new law").write(toFile: saved, atomically: false, encoding: .utf8)
        #expect(rename(saved, tasks) == 0)
        var changed = false
        for _ in 0..<100 {
            if let (_, data) = get(base + "__gen-site/version"), String(decoding: data, as: UTF8.self) == "2" { changed = true; break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(changed)
        let page = try #require(get(base + "en/plans/demo-2024/tasks/1/"))
        #expect(String(decoding: page.1, as: UTF8.self).contains("Study the new law"))
    }

    /// One raw HTTP/1.1 exchange (URLSession sets its own Host and follows redirects).
    static func raw(_ port: Int, _ request: String) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "" }
        _ = request.withCString { write(fd, $0, strlen($0)) }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let got = read(fd, &buffer, buffer.count)
            if got <= 0 { break }
            response.append(contentsOf: buffer[0..<got])
        }
        return String(decoding: response, as: UTF8.self)
    }

    /// Starts `gen-site serve` on a free port; returns the process, the port and the file its stderr goes to.
    static func serve(_ content: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> (Process, Int, String) {
        let port = 20000 + Int.random(in: 0..<20000)
        let log = try Fixture.temporaryFolder() + "/serve.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.genSite)
        process.arguments = ["serve", content, "--port", String(port)] + extra
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if raw(port, "GET /__gen-site/version HTTP/1.1\r\nHost: localhost\r\n\r\n").hasPrefix("HTTP/1.1 200") { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return (process, port, log)
    }

    /// Saves as an editor does: the new text written beside the content, then renamed over the file.
    static func save(_ path: String, _ text: String) throws {
        let saving = (path as NSString).deletingLastPathComponent + "/.saving"
        try text.write(toFile: saving, atomically: false, encoding: .utf8)
        #expect(rename(saving, path) == 0)
    }

    /// Files created, deleted and renamed while the preview runs, and edits of units.yaml and
    /// site.yaml, which many pages show: after each, every file a build writes is served with
    /// the same bytes, and a page the build no longer writes is not served.
    @Test func everyChangeWhileServingIsServedAsABuildWritesIt() throws {
        let content = try Fixture.write("""
            -- plans/demo-2024/progress/2024-03.yaml --
            as_of: 2024-03-31
            updates:
              - {task: 1, status: done, percent: 100}
            """, base: Repository.fixture("mini"))
        let date = ["--build-date", "2024-12-31"]
        let (process, port, log) = try Self.serve(content, date)
        defer { process.terminate() }
        let base = "http://127.0.0.1:\(port)/"
        var version = 1
        var built: [String: Data] = [:]
        let fm = FileManager.default
        let plan = content + "/plans/demo-2024"
        let changes: [(String, () throws -> Void)] = [
            ("a progress report created", {
                try Self.save(plan + "/progress/2024-06.yaml", "as_of: 2024-06-30\nupdates:\n  - {task: 2, status: delayed, percent: 10}\n")
            }),
            ("a task's title", {
                let text = try String(contentsOfFile: plan + "/tasks.yaml", encoding: .utf8)
                try Self.save(plan + "/tasks.yaml", text.replacingOccurrences(of: "Study the law", with: "Study the new law"))
            }),
            ("a task deleted", {
                let text = try String(contentsOfFile: plan + "/tasks.yaml", encoding: .utf8)
                let cut = try #require(text.range(of: "  - no: 3\n"))
                try Self.save(plan + "/tasks.yaml", String(text[..<cut.lowerBound]))
            }),
            ("a notice renamed", {
                try fm.moveItem(atPath: content + "/notices/2024-01-11-notice-1.md", toPath: content + "/notices/2024-01-11-notice-first.md")
            }),
            ("a progress report deleted", { try fm.removeItem(atPath: plan + "/progress/2024-03.yaml") }),
            ("a unit's name in units.yaml", {
                let text = try String(contentsOfFile: content + "/units.yaml", encoding: .utf8)
                try Self.save(content + "/units.yaml", text.replacingOccurrences(of: "示例镇消防救援站", with: "示例镇消防救援中心"))
            }),
            ("the site's title in site.yaml", {
                let text = try String(contentsOfFile: content + "/site.yaml", encoding: .utf8)
                try Self.save(content + "/site.yaml", text.replacingOccurrences(of: "示例安全生产公开", with: "示例安全生产信息公开"))
            }),
        ]
        for (name, change) in changes {
            let before = built
            try change()
            var now = version
            for _ in 0..<100 {
                if let (_, data) = get(base + "__gen-site/version"), let served = Int(String(decoding: data, as: UTF8.self)), served > version {
                    now = served
                    break
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
            #expect(now > version, "\(name): no new version; \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
            version = now
            let out = try Fixture.temporaryFolder() + "/public"
            #expect(try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index"] + date).status == 0, "\(name)")
            built = Tree.read(out)
            #expect(!built.isEmpty)
            if !before.isEmpty { #expect(Tree.differences(before, built).count > 0, "\(name) changed no file") }
            for (path, bytes) in built.sorted(by: { $0.key < $1.key }) where path != ".gen-site-output" {
                let served = get(base + path)
                #expect(served?.0 == 200 && served?.1 == bytes, "\(name): \(path) differs from the build")
            }
            let removed = before.keys.filter { built[$0] == nil && $0.hasSuffix(".html") }
            if name == "a task deleted" || name == "a notice renamed" { #expect(!removed.isEmpty, "\(name) removed no page") }
            for path in removed {
                #expect(get(base + path)?.0 == 404, "\(name): \(path) is still served")
            }
        }
    }

    @Test func answersOnlyItsOwnHostNames() throws {
        let content = try Fixture.write("", base: Repository.fixture("mini"))
        let (process, port, _) = try Self.serve(content, ["--host", "preview.lan"])
        defer { process.terminate() }
        for host in ["localhost", "127.0.0.1", "127.0.0.1:\(port)", "[::1]:\(port)", "LOCALHOST", "preview.lan:\(port)"] {
            #expect(Self.raw(port, "GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n").hasPrefix("HTTP/1.1 200"), "\(host)")
        }
        for host in ["evil.example", "localhost.evil.example", "127.0.0.1.nip.io:\(port)"] {
            #expect(Self.raw(port, "GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n").hasPrefix("HTTP/1.1 403"), "\(host)")
        }
        #expect(Self.raw(port, "GET / HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 403"), "no Host")
    }

    @Test func aPageWithoutItsSlashIsRedirected() throws {
        let content = try Fixture.write("", base: Repository.fixture("mini"))
        let (process, port, _) = try Self.serve(content)
        defer { process.terminate() }
        let response = Self.raw(port, "GET /en/plans/demo-2024?x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 301"), "\(response.prefix(200))")
        #expect(response.contains("Location: /en/plans/demo-2024/?x=1\r\n"))
        #expect(Self.raw(port, "GET /assets/site.css HTTP/1.1\r\nHost: localhost\r\n\r\n").contains("Content-Type: text/css"))
        #expect(Self.raw(port, "GET /no/such HTTP/1.1\r\nHost: localhost\r\n\r\n").hasPrefix("HTTP/1.1 404"))
    }

    @Test func concurrentRequestsShareOneGenerationOfTheSitemapAndFeeds() throws {
        let content = try Fixture.write("", base: Repository.fixture("mini"))
        let (process, port, log) = try Self.serve(content, environment: ["GEN_SITE_SERVE_TIMINGS": "1"])
        defer { process.terminate() }
        let paths = (0..<12).map { "/missing-\($0).html" } + ["/sitemap.xml", "/feed.xml", "/data/tasks.json", "/en/feed.xml"]
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            _ = Self.raw(port, "GET \(paths[index]) HTTP/1.1\r\nHost: localhost\r\n\r\n")
        }
        #expect(Self.raw(port, "GET /sitemap.xml HTTP/1.1\r\nHost: localhost\r\n\r\n").hasPrefix("HTTP/1.1 200"))
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").filter { $0.contains("generated the sitemap") }
        #expect(lines.count == 1, "\(lines)")
    }

    @Test func listensDespiteFolderLinksThatLoop() throws {
        let content = try Fixture.write("", base: Repository.fixture("mini"))
        try FileManager.default.createDirectory(atPath: content + "/extra/deeper", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: content + "/extra/deeper/up", withDestinationPath: "../..")
        try FileManager.default.createSymbolicLink(atPath: content + "/extra/back", withDestinationPath: "..")
        let (process, port, log) = try Self.serve(content)
        defer { process.terminate() }
        #expect(Self.raw(port, "GET /__gen-site/version HTTP/1.1\r\nHost: localhost\r\n\r\n").hasPrefix("HTTP/1.1 200"))
        #expect(try String(contentsOfFile: log, encoding: .utf8).contains("symlink-loop"))
    }
}
