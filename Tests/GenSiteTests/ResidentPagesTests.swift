import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// The resident-facing pages on the mini fixture: the reporting guide and the
/// hotline strip, notices with pagination, Atom feeds, the translation status.
@Suite(.serialized) struct ResidentPagesTests {
    static let built: Result<String, any Error> = Result {
        let out = try Fixture.temporaryFolder() + "/public"
        let result = try CommandRunner.genSite(["build", Repository.fixture("mini"), "-o", out, "--build-date", "2024-06-30"])
        guard result.status == 0 else { throw ExampleSiteTests.BuildFailed(stderr: result.stderr) }
        return out
    }

    func page(_ path: String) throws -> String {
        try String(contentsOfFile: try Self.built.get() + "/" + path, encoding: .utf8)
    }

    @Test func everyPageHasTheStripAndEveryHotlineIsATelLink() throws {
        let out = try Self.built.get()
        for (path, data) in Tree.read(out) where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.contains("<aside class=\"report-strip\""), "\(path) lacks the report strip")
            for number in ["12350", "12345"] {
                #expect(html.contains("href=\"tel:\(number)\""), "\(path) lacks tel:\(number)")
            }
        }
        for prefix in ["", "en/"] {
            let report = try page("\(prefix)report/index.html")
            for number in ["119", "110", "120", "12350", "12345"] {
                #expect(report.contains("href=\"tel:\(number)\""), "\(prefix)report lacks tel:\(number)")
            }
            // The emergency box comes before the hotlines.
            let emergency = try #require(report.range(of: "id=\"emergency\""))
            let hotlines = try #require(report.range(of: "id=\"hotlines\""))
            #expect(emergency.lowerBound < hotlines.lowerBound)
        }
        #expect(try page("report/index.html").contains("堵塞消防通道"))
        #expect(try page("en/report/index.html").contains("Blocked fire exits"))
    }

    @Test func noticesAreNewestFirstAndPaginated() throws {
        let first = try page("notices/index.html")
        let second = try page("notices/page/2/index.html")
        let order = ["notice-11", "notice-10", "notice-9", "notice-2"].compactMap { first.range(of: "\($0)/")?.lowerBound }
        #expect(order.count == 4 && order == order.sorted(), "newest first on page 1")
        #expect(!first.contains("notice-1/"), "the oldest notice is on page 2")
        #expect(second.contains("notice-1/"))
        #expect(second.contains("rel=\"prev\""))
        #expect(try page("en/notices/2024-01-12-notice-2/index.html").contains("Inspection 2 covers gas"))
    }

    @Test func feedsAreAtomNewestFirstWithAbsoluteLinks() throws {
        for prefix in ["", "en/"] {
            let xml = try page("\(prefix)feed.xml")
            let document = try XMLDocument(xmlString: xml)
            let root = try #require(document.rootElement())
            #expect(root.name == "feed" && root.uri == "http://www.w3.org/2005/Atom")
            let entries = root.elements(forName: "entry")
            #expect(!entries.isEmpty)
            let updated = entries.compactMap { $0.elements(forName: "updated").first?.stringValue }
            #expect(updated == updated.sorted(by: >), "newest first")
            #expect(root.elements(forName: "updated").first?.stringValue == updated.first)
            for entry in entries {
                let id = entry.elements(forName: "id").first?.stringValue ?? ""
                #expect(id.hasPrefix("https://example.org/\(prefix)"))
            }
            let hrefs = try NSRegularExpression(pattern: #"href="([^"]*)""#).matches(in: xml, range: NSRange(xml.startIndex..., in: xml))
                .compactMap { Range($0.range(at: 1), in: xml).map { String(xml[$0]) } }
            #expect(hrefs.count == entries.count + 2)
            for href in hrefs { #expect(href.hasPrefix("https://example.org/\(prefix)"), "\(href)") }
        }
        // Atom's RELAX NG schema (RFC 4287), where xmllint is installed.
        guard let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first(where: FileManager.default.isExecutableFile) else {
            print("xmllint is not installed; the Atom schema check is skipped (make deps installs libxml2-utils)")
            return
        }
        for prefix in ["", "en/"] {
            let result = try CommandRunner.run(xmllint, ["--noout", "--relaxng", Repository.path("Tests/Fixtures/atom.rng"),
                                                         try Self.built.get() + "/\(prefix)feed.xml"])
            #expect(result.status == 0, "\(prefix)feed.xml is not valid Atom:\n\(result.stderr)")
        }
    }

    @Test func translationStatusListsExactlyThePendingPages() throws {
        let out = try Self.built.get()
        let status = try page("en/translation-status/index.html")
        guard let start = status.range(of: "<ul class=\"pending-pages\">"),
              let end = status.range(of: "</ul>", range: start.upperBound..<status.endIndex) else {
            Issue.record("no pending list"); return
        }
        let list = String(status[start.upperBound..<end.lowerBound])
        let regex = try NSRegularExpression(pattern: #"<code>/([^<]*)</code>"#)
        let listed = Set(regex.matches(in: list, range: NSRange(list.startIndex..., in: list)).compactMap {
            Range($0.range(at: 1), in: list).map { String(list[$0]) + "index.html" }
        })
        // The pages that actually show the "translation pending" notice.
        let pending = Set(Tree.read(out).compactMap { path, data -> String? in
            guard path.hasPrefix("en/"), path.hasSuffix("index.html"), !path.contains("translation-status") else { return nil }
            return String(decoding: data, as: UTF8.self).contains("<p class=\"notice notice-pending\" data-search-ignore>") ? path : nil
        })
        #expect(listed == pending)
        for expected in ["en/plans/demo-2024/index.html", "en/plans/demo-2024/tasks/2/index.html",
                         "en/pages/about/index.html", "en/notices/2024-01-11-notice-1/index.html"] {
            #expect(listed.contains(expected), "\(expected) should be listed")
        }
        for translated in ["en/report/index.html", "en/notices/2024-01-12-notice-2/index.html",
                           "en/index.html", "en/plans/index.html"] {
            #expect(!listed.contains(translated), "\(translated) is translated")
        }
    }
}
