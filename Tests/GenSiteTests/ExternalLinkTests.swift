import Foundation
import Testing
import TestSupport

/// `gen-site check --external` against a server the test starts on
/// 127.0.0.1 (no outside traffic): a link that answers 200, one that answers
/// 404, a redirect loop, one that never answers in time; warnings at each
/// link's place, exit 0, the answers kept in .gen-site/link-cache.json and
/// not asked again the next time, the failures asked again.
@Suite struct ExternalLinkTests {
    static func server() throws -> LocalHTTPServer {
        try LocalHTTPServer { _, path in
            switch path {
            case "/ok": .init(status: 200)
            case "/moved": .init(status: 301, headers: ["Location": "/ok"])
            case "/missing": .init(status: 404)
            case "/loop-a": .init(status: 302, headers: ["Location": "/loop-b"])
            case "/loop-b": .init(status: 302, headers: ["Location": "/loop-a"])
            case "/slow": .init(status: 200, delay: 3)
            case "/no-head": .init(status: 405)
            default: .init(status: 500)
            }
        }
    }

    @Test func linksToOtherSitesAreAskedAndWarnedAbout() throws {
        let server = try Self.server()
        defer { server.stop() }
        let notice = MarkedText("""
        ---
        title: 外部链接
        ---
        好的[应急管理部](\(server.base)/ok)，搬家的[页面](\(server.base)/moved)。

        1️⃣[不存在](\(server.base)/missing)

        2️⃣[循环](\(server.base)/loop-a)

        3️⃣[太慢](\(server.base)/slow)
        """)
        let content = try Fixture.write("-- notices/2024-04-02-external.md --\n" + notice.text + "\n", base: Repository.fixture("mini"))
        let folder = try Fixture.temporaryFolder()
        let arguments = ["check", content, "--external", "--link-timeout", "1", "--format", "json"]
        let first = try CommandRunner.genSite(arguments, directory: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let diagnostics = try LinkCheckTests.located(first.stdout).filter { $0["code"] as? String == "external-link" }
        let found = diagnostics.map { "\($0["line"] ?? ""):\($0["column"] ?? "") \($0["severity"] ?? "") \($0["message"] ?? "")" }
        #expect(diagnostics.count == 3, "\(found)")
        for (marker, words) in [("1️⃣", "HTTP 404"), ("2️⃣", "loop"), ("3️⃣", "did not answer within 1 s, 3 tries")] {
            let (line, column) = notice[marker]
            #expect(diagnostics.contains { $0["line"] as? Int == line && $0["column"] as? Int == column && $0["severity"] as? String == "warning"
                && ($0["message"] as? String)?.contains(words) == true }, "\(marker) \(words): \(found)")
        }
        #expect(server.requests("/slow") == 3)
        #expect(server.requests("/ok") >= 1)

        // The cache: what answered is not asked again within a week; what failed is.
        let cache = try String(contentsOfFile: folder + "/.gen-site/link-cache.json", encoding: .utf8)
        #expect(cache.contains("\(server.base)/ok") && cache.contains("\(server.base)/moved") && !cache.contains("missing"))
        let asked = (ok: server.requests("/ok"), missing: server.requests("/missing"))
        let second = try CommandRunner.genSite(arguments, directory: folder)
        #expect(second.status == 0)
        #expect(server.requests("/ok") == asked.ok)
        #expect(server.requests("/missing") == asked.missing + 1)
    }

    @Test func aPlainCheckAndABuildAskNothing() throws {
        let server = try Self.server()
        defer { server.stop() }
        let content = try Fixture.write("""
        -- notices/2024-04-02-external.md --
        ---
        title: 外部链接
        ---
        [不存在](\(server.base)/missing)
        """, base: Repository.fixture("mini"))
        let folder = try Fixture.temporaryFolder()
        #expect(try CommandRunner.genSite(["check", content], directory: folder).status == 0)
        #expect(try CommandRunner.genSite(["build", content, "-o", folder + "/out", "--no-search-index"], directory: folder).status == 0)
        #expect(server.requests("/missing") == 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/.gen-site"))
    }

    @Test func aServerThatRefusesHeadIsAskedWithGet() throws {
        let server = try Self.server()
        defer { server.stop() }
        let content = try Fixture.write("""
        -- notices/2024-04-02-external.md --
        ---
        title: 外部链接
        ---
        [只认GET](\(server.base)/no-head)
        """, base: Repository.fixture("mini"))
        let result = try CommandRunner.genSite(["check", content, "--external", "--link-timeout", "2"], directory: try Fixture.temporaryFolder())
        // 405 to HEAD, then GET: 405 again — a warning with the status, after both were asked.
        #expect(result.stderr.contains("HTTP 405"), "\(result.stderr)")
        #expect(server.requests("/no-head") == 2)
    }
}
