import Foundation
import Testing
@testable import SiteRender

/// Links resolved as a browser resolves them from the page they are on.
@Suite struct LinkResolverTests {
    let root = LinkResolver(baseURL: "https://example.org/")
    let sub = LinkResolver(baseURL: "https://gov.example.cn/aqsc/")

    @Test func relativeLinksClimbFromThePagesFolder() {
        #expect(root.resolve("../../units/x/", from: "plans/p/tasks/3/") == .site(path: "plans/p/units/x/", fragment: nil))
        #expect(root.resolve("../../../../units/x/", from: "plans/p/tasks/3/") == .site(path: "units/x/", fragment: nil))
        #expect(root.resolve("../../#tasks", from: "plans/p/tasks/3/") == .site(path: "plans/p/", fragment: "tasks"))
        #expect(root.resolve("tasks/3/", from: "en/plans/p/") == .site(path: "en/plans/p/tasks/3/", fragment: nil))
        #expect(root.resolve("./a/../b/./c", from: "x/") == .site(path: "x/b/c", fragment: nil))
        #expect(root.resolve("?q=1#top", from: "search/") == .site(path: "search/", fragment: "top"))
    }

    @Test func theFastPathAgreesWithTheFullResolution() {
        for (href, page) in [("../../units/x/", "plans/p/tasks/3/"), ("../6/", "plans/p/tasks/5/"), ("assets/site.css", ""),
                             ("../../#tasks", "en/plans/p/tasks/3/"), ("tasks/3/#remarks", "plans/p/")] {
            #expect(LinkResolver.resolveRelative(href, from: page) != nil, "\(href)")
            #expect(root.resolve(href, from: page) == LinkResolver.resolveRelative(href, from: page))
        }
        // Not for the fast path: dots inside, escapes, a climb above the root.
        #expect(LinkResolver.resolveRelative("a/./b", from: "") == nil)
        #expect(LinkResolver.resolveRelative("%E9%99%84.pdf", from: "") == nil)
        #expect(LinkResolver.resolveRelative("../x", from: "") == nil)
    }

    @Test func climbingAboveTheRootStaysAtTheHostsRoot() {
        // At the host's root a browser stays there; under a path it leaves the site.
        #expect(root.resolve("../../../x/", from: "notices/n/") == .site(path: "x/", fragment: nil))
        #expect(sub.resolve("../../../x/", from: "notices/n/") == .outside(resolved: "/x/"))
        #expect(sub.resolve("../../x/", from: "notices/n/") == .site(path: "x/", fragment: nil))
    }

    @Test func rootRelativeAndFullLinksToTheSite() {
        #expect(root.resolve("/plans/p/", from: "notices/n/") == .site(path: "plans/p/", fragment: nil))
        #expect(sub.resolve("/plans/p/", from: "notices/n/") == .outside(resolved: "/plans/p/"))
        #expect(sub.resolve("/aqsc/plans/p/", from: "notices/n/") == .site(path: "plans/p/", fragment: nil))
        #expect(sub.resolve("https://gov.example.cn/aqsc/plans/p/#part-1", from: "") == .site(path: "plans/p/", fragment: "part-1"))
        #expect(sub.resolve("HTTPS://GOV.example.cn/aqsc/", from: "x/") == .site(path: "", fragment: nil))
        #expect(sub.resolve("https://gov.example.cn/aqsc", from: "x/") == .site(path: "", fragment: nil))
        #expect(sub.resolve("https://gov.example.cn/other/", from: "x/") == .outside(resolved: "/other/"))
        #expect(sub.resolve("//gov.example.cn/aqsc/units/", from: "x/") == .site(path: "units/", fragment: nil))
    }

    @Test func otherSitesAndSchemes() {
        #expect(root.resolve("https://www.mem.gov.cn/", from: "") == .external("https://www.mem.gov.cn/"))
        #expect(root.resolve("//cdn.example.com/x.js", from: "") == .external("https://cdn.example.com/x.js"))
        #expect(root.resolve("tel:12350", from: "") == .ignored)
        #expect(root.resolve("file:///C:/Users/a/Desktop/方案.docx", from: "") == .localFile)
        // The site's own host by the other scheme is the site.
        #expect(root.resolve("http://EXAMPLE.org/units/", from: "") == .site(path: "units/", fragment: nil))
        #expect(root.resolve("mailto:a@example.org", from: "") == .ignored)
    }

    @Test func escapesAreDecodedForThePathAndTheFragment() {
        #expect(root.resolve("attachments/%E5%8E%9F%E6%96%87.pdf", from: "plans/p/") == .site(path: "plans/p/attachments/原文.pdf", fragment: nil))
        #expect(root.resolve("#%E4%B8%80", from: "plans/p/") == .site(path: "plans/p/", fragment: "一"))
        #expect(LinkResolver.percentDecoded("100%") == "100%")
        #expect(LinkResolver.percentDecoded("%FF") == "%FF")
    }
}

@Suite struct HTMLLinkScannerTests {
    func scan(_ html: String) -> (references: [String], ids: [String]) {
        let bytes = Array(html.utf8)
        return bytes.withUnsafeBytes { raw in
            let links = HTMLLinks.scan(raw)
            return (links.references.map { HTMLLinks.value($0, in: raw) }, links.ids)
        }
    }

    @Test func attributesAreFoundAndDecoded() {
        let found = scan("""
        <a href="../x/?a=1&amp;b=2" id="top-link">x</a><img src='a%20b.png' alt="href=&quot;no&quot;">
        <form action="./"><div data-id="no" ID="Yes"><link hreflang="en" href="/feed.xml">
        <p>text from content is escaped: href=&quot;not an attribute&quot;</p>
        """)
        #expect(found.references == ["../x/?a=1&b=2", "a%20b.png", "./", "/feed.xml"])
        #expect(found.ids == ["top-link", "Yes"])
    }

    @Test func charactersReferencesAreDecoded() {
        let value = Array("a&#x27;b&#39;c&lt;&unknown;&".utf8)
        let decoded = value.withUnsafeBufferPointer { HTMLLinks.decodeReferences($0) }
        #expect(decoded == "a'b'c<&unknown;&")
    }
}

@Suite struct LinkCacheTests {
    @Test func entriesExpireAfterAWeek() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var cache = LinkCache()
        cache.entries["https://a.example/"] = .init(checked: now.addingTimeInterval(-6 * 24 * 3600), status: 200)
        cache.entries["https://b.example/"] = .init(checked: now.addingTimeInterval(-8 * 24 * 3600), status: 200)
        #expect(cache.fresh("https://a.example/", now: now) != nil)
        #expect(cache.fresh("https://b.example/", now: now) == nil)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("link-cache-\(UUID().uuidString)/links.json").path
        try cache.save(path, now: now)
        let read = LinkCache.load(path)
        #expect(read.entries.keys.sorted() == ["https://a.example/"])
        #expect(read.entries["https://a.example/"] == cache.entries["https://a.example/"])
        #expect(LinkCache.load(path + ".missing").entries.isEmpty)
    }
}
